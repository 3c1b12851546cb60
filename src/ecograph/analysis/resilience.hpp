#pragma once

#include <cstdint>
#include <vector>

#include "ecograph/analysis/view.hpp"

namespace ecograph {

/// A single point of failure: an entity whose removal splits its (undirected) component.
struct ArticulationPoint {
    EntityIndex entity;
    std::vector<std::size_t>
        pieces;  ///< sizes of the parts its component falls into, largest first
};

/// A relation (or bundle of parallel relations) whose removal splits its component.
struct Bridge {
    EntityIndex a, b;                    ///< a < b by index
    std::size_t side_a = 0, side_b = 0;  ///< entities left on each side
};

struct CutStructure {
    std::vector<ArticulationPoint> articulation_points;  ///< by entity index
    std::vector<Bridge> bridges;
};

/// Articulation points and bridges of the undirected simple view (direction and parallel
/// relations collapsed, self-loops ignored: two entities joined by two relations have no
/// bridge between them), with what each separates. Iterative Hopcroft-Tarjan lowpoints, O(n + m).
/// `view` must be undirected.
CutStructure cut_structure(const AnalysisView& view);

/// Component of every entity: weakly connected (direction ignored) or strongly connected.
/// Components are numbered by their smallest entity index. O(n + m).
std::vector<std::uint32_t> weak_components(const AnalysisView& view);
std::vector<std::uint32_t> strong_components(const AnalysisView& view);

/// Immediate dominator of every entity reachable from `root` along relation directions
/// (Lengauer-Tarjan, Boost.Graph): every route from the root to v passes through idom[v].
/// The root and unreachable entities get the invalid index (entity_count()).
std::vector<EntityIndex> immediate_dominators(const AnalysisView& view, EntityIndex root);

}  // namespace ecograph
