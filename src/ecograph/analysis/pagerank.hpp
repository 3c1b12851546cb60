#pragma once

#include <vector>

#include "ecograph/analysis/view.hpp"
#include "ecograph/core/run_control.hpp"

namespace ecograph {

struct PageRankOptions {
    double damping = 0.85;
    /// Stop when the L1 change of the whole vector (summed over entities; the values sum to 1)
    /// falls below this, so the accuracy does not depend on the number of entities.
    double tolerance = 1e-10;
    std::size_t max_iterations = 1000;
    std::vector<EntityIndex> personalize;  ///< teleport targets (all entities when empty)
};

/// PageRank by power iteration. A walker follows an arc with probability proportional to its
/// strength (the number of parallel relations, or their summed weights) and teleports with
/// probability 1 - damping to the personalisation set; an entity without outgoing arcs hands
/// its rank to the personalisation set (uniform when there is none), as NetworkX and igraph do
/// by default. Self-loops count as arcs; undirected views use each edge both ways.
/// Values sum to 1. Throws Error if it does not converge within max_iterations, or on a
/// damping outside [0, 1). Parallel over entities (pull), deterministic. O(m) per iteration.
std::vector<double> pagerank(const AnalysisView& view, const PageRankOptions& options = {},
                             const RunControl& control = {});

}  // namespace ecograph
