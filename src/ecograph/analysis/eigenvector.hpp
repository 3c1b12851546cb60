#pragma once

#include <vector>

#include "ecograph/analysis/view.hpp"
#include "ecograph/core/run_control.hpp"

namespace ecograph {

/// Eigenvector centrality: x_v proportional to the sum of x_u over arcs u -> v (incoming, as
/// NetworkX; undirected views: neighbours), on the simple view without self-loops, weighted by
/// the summed weight when the view is weighted. Power iteration on A^T + I (the shift keeps
/// bipartite graphs from oscillating), scaled so the largest value is 1 (igraph's scale=True;
/// NetworkX returns unit length instead). Only meaningful on connected (strongly connected)
/// graphs. Throws Error if it does not converge. O(m) per iteration.
std::vector<double> eigenvector_centrality(const AnalysisView& view, double tolerance = 1e-13,
                                           std::size_t max_iterations = 10000);

/// Katz centrality: x = alpha A^T x + beta, on the simple view without self-loops, scaled to
/// unit Euclidean length (NetworkX's normalized=True). Converges only for alpha below
/// 1/lambda_max; throws Error (with that hint) otherwise.
std::vector<double> katz_centrality(const AnalysisView& view, double alpha = 0.1, double beta = 1.0,
                                    double tolerance = 1e-13, std::size_t max_iterations = 10000);

}  // namespace ecograph
