#include "ecograph/core/diagnostic.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace ecograph {

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::error(std::string code, Location loc, std::string subject, std::string message,
                        std::string hint) {
    add({Severity::Error, std::move(code), std::move(loc), std::move(subject), std::move(message),
         std::move(hint)});
}

void Diagnostics::warning(std::string code, Location loc, std::string subject, std::string message,
                          std::string hint) {
    add({Severity::Warning, std::move(code), std::move(loc), std::move(subject), std::move(message),
         std::move(hint)});
}

std::size_t Diagnostics::error_count() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warning_count() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

void Diagnostics::sort() {
    std::map<std::string, std::size_t> file_rank;
    for (const auto& d : items_) file_rank.emplace(d.location.file, file_rank.size());
    std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        auto ka = std::tie(file_rank[a.location.file], a.location.line, a.code);
        auto kb = std::tie(file_rank[b.location.file], b.location.line, b.code);
        return ka < kb;
    });
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::Note:
            return "note";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.location.file.empty()) {
        out += d.location.file;
        if (d.location.line > 0) out += fmt::format(":{}", d.location.line);
        out += ": ";
    }
    out += fmt::format("{}[{}]: {}", severity_name(d.severity), d.code, d.message);
    if (!d.hint.empty()) out += fmt::format("; hint: {}", d.hint);
    return out;
}

}  // namespace ecograph
