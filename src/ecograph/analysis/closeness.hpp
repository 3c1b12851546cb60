#pragma once

#include <vector>

#include "ecograph/analysis/view.hpp"
#include "ecograph/core/run_control.hpp"

namespace ecograph {

/// Closeness centrality over OUTGOING distances (how near an entity is to those it reaches; on
/// undirected views direction does not matter): r / (sum of distances to the r entities it
/// reaches), times r / (n - 1) when wf_improved (Wasserman and Faust's correction for graphs
/// that are not connected; NetworkX's default). An entity that reaches none scores 0.
/// NetworkX measures incoming distances (use it on G.reverse() to compare); igraph's
/// closeness(mode="out") equals wf_improved = false, except that it gives NaN where ecograph
/// gives 0. Weighted views use arc lengths. Parallel over sources; O(nm) unweighted.
std::vector<double> closeness(const AnalysisView& view, bool wf_improved = true,
                              const RunControl& control = {});

/// Harmonic centrality over outgoing distances: the sum of 1/d to every other entity (0 for
/// those not reached); normalized divides by n - 1 (igraph's normalized=True).
std::vector<double> harmonic(const AnalysisView& view, bool normalized = false,
                             const RunControl& control = {});

}  // namespace ecograph
