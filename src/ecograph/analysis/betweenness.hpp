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

namespace ecograph {

struct ApproxOptions {
    double epsilon = 0.01;  ///< additive error bound (see below)
    double delta = 0.1;     ///< failure probability
    std::uint64_t seed = 1;
};

struct ApproxBetweennessResult {
    std::vector<double> vertex;      ///< same scale as betweenness(view, normalized, ...)
    std::size_t samples = 0;         ///< shortest paths sampled
    std::size_t diameter_bound = 0;  ///< upper bound on the vertex diameter used for it
    double error_bound_raw = 0;      ///< epsilon * n (n - 1), in raw (ordered-pair) units
};

/// Approximate betweenness by sampling shortest paths (Riondato and Kornaropoulos 2016): with
/// probability at least 1 - delta, every entity's betweenness divided by n (n - 1) (ordered
/// pairs; an undirected view counts each pair twice) is within epsilon of the exact value.
/// r = ceil(0.5 / epsilon^2 (floor(log2(VD - 2)) + 1 + ln(1 / delta))) samples, VD bounded by
/// the largest weak component (directed) or twice an eccentricity plus one (undirected).
/// Unweighted views only. Deterministic for a seed, whatever the thread count.
ApproxBetweennessResult approx_betweenness(const AnalysisView& view, bool normalized,
                                           const ApproxOptions& options,
                                           const RunControl& control = {});

}  // namespace ecograph
