#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ecograph/analysis/selection.hpp"
#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// What part of a graph a diagram shows. Filters compose in this order: the selection
/// (relation types, entity types with their subtypes, removed entities), the focus and hops
/// (the ego network, both directions, through the relations left), the top N by a measure,
/// then collapse (one node per group, relations between groups merged with a count).
struct DiagramView {
    std::string focus;
    std::size_t hops = 1;
    std::size_t top = 0;
    std::string top_by = "degree";  ///< degree, pagerank or betweenness
    std::string collapse;           ///< "", "type" or "region"
};

/// The graph a view shows (a new graph: induced subgraph, or the collapsed group graph whose
/// relations carry a `count` attribute). Throws Error for an unknown focus or measure.
Graph apply_view(const Graph& g, const Schema& schema, const Selection& selection,
                 const DiagramView& view);

/// One value per entity of `g` for sizing nodes: "degree", "pagerank" or "betweenness".
std::vector<double> view_measure(const Graph& g, const std::string& measure);

}  // namespace ecograph
