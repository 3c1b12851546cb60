#pragma once

#include <vector>

#include "ecograph/analysis/view.hpp"

namespace ecograph {

/// Core number of every entity: the largest k such that the entity belongs to a subgraph in
/// which every entity has at least k neighbours. Computed on the undirected simple view
/// (direction and parallel relations collapsed, self-loops ignored: NetworkX's convention on a
/// simple graph; igraph's coreness counts parallel edges). Batagelj-Zaversnik, O(n + m).
/// `view` must be undirected (from a selection followed both ways).
std::vector<double> core_number(const AnalysisView& view);

}  // namespace ecograph
