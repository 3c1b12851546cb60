#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ecograph {

enum class Severity { Note, Warning, Error };

struct Location {
    std::string file;        ///< path as given by the user; empty when not tied to a file
    std::uint32_t line = 0;  ///< 1-based; 0 when unknown
};

/// One problem, printed like a compiler message:
/// `graphs/a.gv:42: error[E204]: relation 'operates' from 'infosys' (SI) is not allowed; hint: ...`
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;  ///< stable code such as E204, documented in docs/validation.md
    Location location;
    std::string subject;  ///< entity id or relation ("a -partners_with-> b"); may be empty
    std::string message;
    std::string hint;
};

class Diagnostics {
public:
    void add(Diagnostic d);
    void error(std::string code, Location loc, std::string subject, std::string message,
               std::string hint = {});
    void warning(std::string code, Location loc, std::string subject, std::string message,
                 std::string hint = {});

    const std::vector<Diagnostic>& items() const { return items_; }
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool empty() const { return items_.empty(); }

    /// Orders by file (in first-seen order), line, then code: stable output for any input order.
    void sort();
    void append(const Diagnostics& other);

private:
    std::vector<Diagnostic> items_;
};

std::string_view severity_name(Severity s);
/// Formats one diagnostic on one line (hint included), without a trailing newline.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace ecograph
