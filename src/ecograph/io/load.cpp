#include "ecograph/io/load.hpp"

#include "ecograph/core/error.hpp"
#include "ecograph/core/mapped_file.hpp"
#include "ecograph/core/timing.hpp"
#include "ecograph/io/formats.hpp"
#include "ecograph/schema/validate.hpp"

namespace ecograph {

LoadResult load_graph(const std::vector<std::string>& paths, const Schema& schema,
                      std::optional<FileFormat> format) {
    LoadResult result;
    GraphBuilder builder;
    bool ok = true;
    for (const auto& path : paths) {
        std::optional<MappedFile> file;
        try {
            file.emplace(path);
        } catch (const Error& e) {
            result.diags.error("E004", {path, 0}, "", e.what() + path.size() + 2);
            ok = false;
            continue;
        }
        ok = read_graph_text(
                 format.value_or(input_format(path)), file->text(), path, builder, result.diags,
                 [&](std::size_t begin, std::size_t end) { file->release(begin, end); }) &&
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
