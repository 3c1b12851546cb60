#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace ecograph {

/// "3 s", "4 min 05 s", "2 h 28 min": a duration as a person reads it on a progress line.
std::string human_duration(double seconds);

/// The progress line of a long analysis: "betweenness: 224/100000 (0%), 20 s, about 2 h 28 min
/// left", with `hint` appended (", --approx takes seconds") once the estimate passes a minute.
/// The estimate assumes the remaining items cost what the done ones did on average, so it is
/// left out until there is something to average (an item done and a second gone).
std::string progress_line(const std::string& what, std::size_t done, std::size_t total,
                          double elapsed_seconds, const std::string& hint = {});

/// Keeps the start time and throttles: update() returns the line to print at most every
/// quarter second (and always for the last item), else an empty string.
class ProgressMeter {
public:
    ProgressMeter(std::string what, std::string hint = {});
    std::string update(std::size_t done, std::size_t total);

private:
    using Clock = std::chrono::steady_clock;
    std::string what_, hint_;
    Clock::time_point start_, last_;
    bool printed_ = false;
};

}  // namespace ecograph
