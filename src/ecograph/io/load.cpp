#include "ecograph/io/load.hpp"

#include <memory>
#include <thread>

#include "ecograph/core/error.hpp"
#include "ecograph/core/mapped_file.hpp"
#include "ecograph/core/run_control.hpp"
#include "ecograph/core/timing.hpp"
#include "ecograph/io/formats.hpp"
#include "ecograph/schema/validate.hpp"

namespace ecograph {
namespace {

// One input file, opened (or the reason it could not be), and its CSV first pass when that was
// made ahead.
struct Input {
    std::unique_ptr<MappedFile> file;  // not movable itself: it is mapped
    std::string error;
    std::optional<CsvScan> scan;
};

Input open_input(const std::string& path) {
    Input in;
    try {
        in.file = std::make_unique<MappedFile>(path);
    } catch (const Error& e) {
        in.error = e.what() + path.size() + 2;  // the message names the path; the diagnostic too
    }
    return in;
}

}  // namespace

LoadResult load_graph(const std::vector<std::string>& paths, const Schema& schema,
                      std::optional<FileFormat> format) {
    LoadResult result;
    GraphBuilder builder;
    bool ok = true;
    auto format_of = [&](const std::string& path) { return format.value_or(input_format(path)); };
    // Each file is opened while the one before is read, and a big CSV file's first pass (NUL
    // bytes, UTF-8, lines) made then on a thread of its own: reading an entities file keeps one
    // core busy, and scanning a relations file can take the other.
    constexpr std::size_t kScanAhead = std::size_t{16} << 20;
    Input next = paths.empty() ? Input{} : open_input(paths[0]);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string& path = paths[i];
        Input in = std::move(next);
        std::jthread ahead;
        if (i + 1 < paths.size()) {
            next = open_input(paths[i + 1]);
            if (next.file && format_of(paths[i + 1]) == FileFormat::Csv &&
                next.file->text().size() >= kScanAhead && available_threads() >= 2)
                ahead = std::jthread([&next] {
                    const MappedFile& file = *next.file;
                    next.scan = scan_csv(file.text(), [&file](std::size_t begin, std::size_t end) {
                        file.release(begin, end);
                    });
                });
        }
        if (!in.file) {
            result.diags.error("E004", {path, 0}, "", in.error);
            ok = false;
            continue;  // `ahead` joins
        }
        ok = read_graph_text(
                 format_of(path), in.file->text(), path, builder, result.diags,
                 [&](std::size_t begin, std::size_t end) { in.file->release(begin, end); },
                 in.scan ? &*in.scan : nullptr) &&
             ok;
        timing_mark("read " + path);
    }
    if (ok) {
        result.graph = std::move(builder).build();
        timing_mark("built the graph");
        validate(*result.graph, schema, result.diags);
        timing_mark("validated");
    }
    result.diags.sort();
    return result;
}

}  // namespace ecograph
