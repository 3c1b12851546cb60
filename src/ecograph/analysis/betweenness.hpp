#pragma once

#include <vector>

#include "ecograph/analysis/centrality.hpp"
#include "ecograph/analysis/view.hpp"
#include "ecograph/core/run_control.hpp"

namespace ecograph {

struct BetweennessResult {
    std::vector<double> vertex;    ///< per entity
    std::vector<EdgeScore> edges;  ///< per arc (directed) or edge (undirected), if requested
};

/// Exact betweenness centrality (Brandes 2001) on the simple view: the number of shortest paths
/// between other pairs that pass through an entity, each pair's paths sharing one unit.
/// Directed views count ordered pairs, undirected views unordered pairs. Weighted views use the
/// arc length (the minimum weight of the parallel relations; must be positive) with Dijkstra;
/// unweighted ones BFS. normalized scales by 1/((n-1)(n-2)) (directed) or 2/((n-1)(n-2))
/// (undirected), as NetworkX; edge values by 1/(n(n-1)) or 2/(n(n-1)).
/// Parallel over sources with fixed partitions: results do not depend on the thread count.
/// Time O(nm) unweighted, O(nm + n^2 log n) weighted; memory O(n + m) per thread.
BetweennessResult betweenness(const AnalysisView& view, bool normalized, bool edges,
                              const RunControl& control = {});

}  // namespace ecograph
