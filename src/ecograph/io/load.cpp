#include "ecograph/io/load.hpp"

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/io/formats.hpp"
#include "ecograph/schema/validate.hpp"

namespace ecograph {

LoadResult load_graph(const std::vector<std::string>& paths, const Schema& schema,
                      std::optional<FileFormat> format) {
    LoadResult result;
    GraphBuilder builder;
    bool ok = true;
    for (const auto& path : paths) {
        std::string text;
        try {
            text = read_file(path);
        } catch (const Error& e) {
            result.diags.error("E004", {path, 0}, "", e.what() + path.size() + 2);
            ok = false;
            continue;
        }
        ok = read_graph_text(format.value_or(input_format(path)), text, path, builder,
                             result.diags) &&
             ok;
    }
    if (ok) {
        result.graph = std::move(builder).build();
        validate(*result.graph, schema, result.diags);
    }
    result.diags.sort();
    return result;
}

}  // namespace ecograph
