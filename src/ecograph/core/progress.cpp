#include "ecograph/core/progress.hpp"

#include <cmath>

#include <fmt/format.h>

namespace ecograph {

std::string human_duration(double seconds) {
    const auto s = static_cast<long long>(std::llround(std::max(seconds, 0.0)));
    if (s < 60) return fmt::format("{} s", s);
    if (s < 3600) return fmt::format("{} min {:02} s", s / 60, s % 60);
    if (s < 100 * 3600) return fmt::format("{} h {:02} min", s / 3600, s / 60 % 60);
    return fmt::format("{} days", s / 86400);
}

std::string progress_line(const std::string& what, std::size_t done, std::size_t total,
                          double elapsed_seconds, const std::string& hint) {
    std::string line =
        fmt::format("{}: {}/{} ({}%)", what, done, total, total ? done * 100 / total : 100);
    if (done >= total) return line;
    line += ", " + human_duration(elapsed_seconds);
    if (done == 0 || elapsed_seconds < 1) return line;
    const double left =
        elapsed_seconds * static_cast<double>(total - done) / static_cast<double>(done);
    line += ", about " + human_duration(left) + " left";
    if (left > 60 && !hint.empty()) line += "; " + hint;
    return line;
}

ProgressMeter::ProgressMeter(std::string what, std::string hint)
    : what_(std::move(what)), hint_(std::move(hint)), start_(Clock::now()), last_(start_) {}

std::string ProgressMeter::update(std::size_t done, std::size_t total) {
    const Clock::time_point now = Clock::now();
    if (done < total && printed_ && now - last_ < std::chrono::milliseconds(250)) return {};
    printed_ = true;
    last_ = now;
    return progress_line(what_, done, total, std::chrono::duration<double>(now - start_).count(),
                         hint_);
}

}  // namespace ecograph
