#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

struct StyleOptions {
    std::string layout = "dot";  ///< dot, neato, fdp, sfdp, circo or twopi
    std::string cluster_by;      ///< "", "region" or "type"
    bool legend = true;
    std::string title;         ///< defaults to the graph's label, else its name
    std::vector<double> size;  ///< per entity: node size follows it (empty: all alike)
    /// Per entity: the fill colour follows it, from light yellow (0) to dark red (the highest),
    /// instead of the type's colour (empty: by type). `color_label` names it in the legend.
    std::vector<double> color;
    std::string color_label;
    std::set<EntityIndex> highlight_entities;  ///< drawn bold and orange (e.g. a path)
    std::set<std::pair<EntityIndex, EntityIndex>> highlight_arcs;
};

/// A presentation DOT of the graph: shapes and colours from the schema's theme, display names
/// as labels, relation types on edges, a legend of the types present, and optionally clusters
/// by region (nested along part_of) or by type. Deterministic: sorted by id.
std::string styled_dot(const Graph& g, const Schema& schema, const StyleOptions& options);

}  // namespace ecograph
