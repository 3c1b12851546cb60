#pragma once

#include <vector>

#include "ecograph/analysis/selection.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

enum class DegreeMode { In, Out, Total };

/// Degree of every entity on the graph as loaded (parallel relations count one each, a
/// self-loop counts once in and once out, so twice in total), restricted to the relations
/// `selection` keeps. With a weight it is the strength: the sum of the weights (a relation without
/// the attribute weighs 1). Followed both ways (or in an undirected graph) every mode is the total
/// degree.
/// normalized divides by n - 1 (NetworkX's degree_centrality). Time O(n + m).
std::vector<double> degree_centrality(const Graph& g, DegreeMode mode, const Selection& selection,
                                      bool normalized = false);

}  // namespace ecograph
