#include "ecograph/io/load.hpp"

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/io/csv_reader.hpp"
#include "ecograph/io/dot_reader.hpp"
#include "ecograph/schema/validate.hpp"

namespace ecograph {

LoadResult load_graph(const std::vector<std::string>& paths, const Schema& schema) {
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
        // The format follows the extension: .csv is CSV, anything else DOT.
        bool csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
        ok = (csv ? read_csv(text, path, builder, result.diags)
                  : read_dot(text, path, builder, result.diags)) &&
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
