#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ecograph/model/graph.hpp"

namespace ecograph {

struct DegreeSummary {
    std::size_t min = 0, max = 0;
    double mean = 0, median = 0;
    std::string max_entity;  ///< id of the first entity (by id) with the maximum degree
};

/// Summary figures of a graph, as `ecograph stats` prints them.
struct GraphStats {
    std::size_t entities = 0, relations = 0;
    std::vector<std::pair<std::string, std::size_t>> entities_by_type;   ///< sorted by type name
    std::vector<std::pair<std::string, std::size_t>> relations_by_type;  ///< "" = untyped
    /// relations / (n (n - 1)) for directed graphs, 2 relations / (n (n - 1)) for undirected
    /// ones, counting multi-edges and self-loops as relations (as NetworkX's density does).
    double density = 0;
    std::size_t weak_components = 0, largest_component = 0;
    std::size_t strong_components = 0;  ///< of the directed graph (undirected graphs: = weak)
    std::size_t isolated = 0, self_loops = 0, multi_relations = 0;
    DegreeSummary in_degree, out_degree, degree;
};

GraphStats compute_stats(const Graph& g);

}  // namespace ecograph
