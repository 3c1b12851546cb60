#pragma once

#include <optional>
#include <string_view>

namespace ecograph {

/// Where a command's time goes. With the environment variable ECOGRAPH_TIMING set, each call
/// prints on stderr the milliseconds since the first call and the phase that just ended
/// ("ecograph: timing:   1234.5 ms  validated"); without it, it does nothing. Safe from any
/// thread.
void timing_mark(std::string_view phase);
/// Milliseconds since the first timing_mark, or nothing when ECOGRAPH_TIMING is not set.
std::optional<double> timing_elapsed_ms();

}  // namespace ecograph
