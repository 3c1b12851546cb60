#pragma once

#include <string>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

struct StyleOptions {
    std::string layout = "dot";  ///< dot, neato, fdp, sfdp, circo or twopi
    std::string cluster_by;      ///< "", "region" or "type"
    bool legend = true;
    std::string title;  ///< defaults to the graph's label, else its name
};

/// A presentation DOT of the graph: shapes and colours from the schema's theme, display names
/// as labels, relation types on edges, a legend of the types present, and optionally clusters
/// by region (nested along part_of) or by type. Deterministic: sorted by id.
std::string styled_dot(const Graph& g, const Schema& schema, const StyleOptions& options);

/// The region of each entity for clustering: a Region is its own region; others take the target
/// of their located_in relation, else of their only operates_in or serves relation to a Region.
/// Entities with no single region get the invalid index (entity_count()).
std::vector<EntityIndex> region_of(const Graph& g, const Schema& schema);

}  // namespace ecograph
