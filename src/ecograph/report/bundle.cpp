#include "ecograph/report/bundle.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph {
namespace {

namespace fs = std::filesystem;

constexpr const char* kManifest = ".ecograph-report";

// The content of `path`, or nullopt when it is missing or unreadable (then it is rewritten).
std::optional<std::string> current(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::set<std::string> previous_files(const fs::path& dir) {
    std::set<std::string> files;
    std::istringstream lines(current(dir / kManifest).value_or(""));
    for (std::string line; std::getline(lines, line);)
        // Only plain relative paths: a tampered manifest must not delete outside the bundle.
        if (!line.empty() && line[0] != '/' && line.find("..") == std::string::npos)
            files.insert(line);
    return files;
}

}  // namespace

BundleWriteSummary write_bundle(const std::string& dir, const Bundle& bundle) {
    BundleWriteSummary summary;
    const fs::path root(dir);
    std::error_code ec;
    std::string manifest;
    for (const auto& [relative, content] : bundle) {
        fs::path path = root / relative;
        fs::create_directories(path.parent_path(), ec);
        if (ec)
            throw Error(fmt::format("{}: cannot create the directory: {}",
                                    path.parent_path().string(), ec.message()));
        if (current(path) == content) {
            ++summary.unchanged;
        } else {
            write_file_atomic(path.string(), content);
            ++summary.written;
        }
        manifest += relative + "\n";
    }
    for (const auto& old : previous_files(root)) {
        if (bundle.count(old)) continue;
        if (fs::remove(root / old, ec)) ++summary.removed;
    }
    if (current(root / kManifest) != manifest)
        write_file_atomic((root / kManifest).string(), manifest);
    return summary;
}

}  // namespace ecograph
