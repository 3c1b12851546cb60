#pragma once
// What the reader tests share: read some (name, text) files with one reader into one builder,
// the graph when every file could be used, and the first diagnostic as a compiler line.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph::testing {

struct Read {
    bool ok;
    Diagnostics diags;
    std::optional<Graph> graph;
};

/// `reader(text, name, builder, diags)` over the files in order, as load_graph calls readers.
template <typename Reader>
Read read_with(Reader reader, const std::vector<std::pair<std::string, std::string>>& files) {
    GraphBuilder b;
    Read r{true, {}, {}};
    for (const auto& [name, text] : files) r.ok = reader(text, name, b, r.diags) && r.ok;
    if (r.ok) r.graph = std::move(b).build();
    return r;
}

inline std::string first(const Read& r) {
    return r.diags.empty() ? "" : format_diagnostic(r.diags.items().front());
}

}  // namespace ecograph::testing
