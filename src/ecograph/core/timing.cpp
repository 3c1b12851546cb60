#include "ecograph/core/timing.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace ecograph {

std::optional<double> timing_elapsed_ms() {
    static const bool enabled = std::getenv("ECOGRAPH_TIMING") != nullptr;
    if (!enabled) return std::nullopt;
    static const auto start = std::chrono::steady_clock::now();  // thread-safe: a local static
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

void timing_mark(std::string_view phase) {
    const auto ms = timing_elapsed_ms();
    if (!ms) return;
    // One write per line, so that lines from two threads do not interleave.
    std::fprintf(stderr, "ecograph: timing: %9.1f ms  %.*s\n", *ms, static_cast<int>(phase.size()),
                 phase.data());
}

}  // namespace ecograph
