#pragma once

#include <vector>

#include "ecograph/model/graph.hpp"

namespace ecograph {

/// The graph restricted to the kept entities and, among the relations between them, those
/// `keep_relation(r)` accepts: ids, types, attributes, origins, name and title are copied.
/// Entities keep their relative order. O(n + m).
Graph induced_subgraph(const Graph& g, const std::vector<bool>& keep_entity,
                       const std::vector<bool>& keep_relation);

}  // namespace ecograph
