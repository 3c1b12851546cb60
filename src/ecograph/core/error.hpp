#pragma once

#include <stdexcept>
#include <string>

namespace ecograph {

/// Exit statuses of the command-line tool, shared with the library so that an error can say
/// which one it deserves.
enum class ExitStatus : int {
    Ok = 0,
    Problems = 1,       ///< the input was read, but has problems (validation errors, unknown id)
    Usage = 2,          ///< bad flags or arguments
    Unreadable = 3,     ///< an input could not be read at all (missing, not DOT, syntax error)
    Interrupted = 130,  ///< stopped by Ctrl-C (128 + SIGINT, as shells report it)
};

/// The one exception type of the library: environment errors and bad requests.
/// Bad *input* is reported as Diagnostics instead, so that every problem is seen at once.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, ExitStatus status = ExitStatus::Problems)
        : std::runtime_error(message), status_(status) {}
    ExitStatus status() const { return status_; }

private:
    ExitStatus status_;
};

}  // namespace ecograph
