#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ecograph/analysis/view.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

/// One step of a route: the relation followed and whether along its direction.
struct RouteStep {
    RelationIndex relation;
    bool forward;
};

inline constexpr std::size_t kUnlimited = static_cast<std::size_t>(-1);

struct ReachResult {
    std::vector<std::int64_t> distance;  ///< hops from the start; -1 when not reached
    std::vector<RouteStep> parent;       ///< the step that first reached each entity
    EntityIndex start = 0;
};

/// Breadth-first reachability from `start` within `max_hops` (kUnlimited: no limit; 0: the
/// start alone), following the relations `selection` keeps in its direction (reverse: who
/// reaches `start`; its weight is not used). The first route
/// found to each entity is a shortest one; relations are tried in relation order (by source,
/// then as written), so the witness routes are deterministic. O(n + m).
ReachResult reach(const Graph& g, EntityIndex start, const Selection& selection,
                  std::size_t max_hops = kUnlimited);

/// The witness route in reading order: as witness() gives it, or, for a reach made with
/// Direction::reverse, from `to` back to the start, so that it always reads along the relations.
std::vector<RouteStep> reading_witness(const ReachResult& r, const Graph& g, EntityIndex to,
                                       bool reverse);

/// The steps of the witness route from the start to `to` (empty for the start itself).
std::vector<RouteStep> witness(const ReachResult& r, const Graph& g, EntityIndex to);

/// "infosys -partners_with-> alibaba-cloud -operates-> dc-1"; a step against a relation's
/// direction prints as "<-type-".
std::string route_text(const Graph& g, EntityIndex start, const std::vector<RouteStep>& steps);

/// A route as entities, with its length (hops, or the sum of arc lengths when weighted).
struct EntityPath {
    std::vector<EntityIndex> entities;
    double length = 0;
};

/// A shortest route from a to b as `reach` would follow relations (same selection), or none, by
/// breadth-first search from both ends at once: on large graphs it explores a small part of
/// what a one-sided search does. Deterministic (frontiers in relation order, the meeting
/// entity with the smallest index among equals); the route may differ from reach's witness
/// when several are shortest. O(n) memory, at most O(n + m) time.
std::optional<EntityPath> bidirectional_path(const Graph& g, EntityIndex a, EntityIndex b,
                                             const Selection& selection);

/// Shortest path from a to b on the simple view (weights as lengths, positive), or none.
/// Ties are broken towards lower entity indices at every step, so the answer is deterministic.
std::vector<EntityPath> shortest_paths(const AnalysisView& view, EntityIndex a, EntityIndex b,
                                       std::size_t k_shortest, bool all_shortest,
                                       std::size_t limit);

/// The relations joining consecutive entities of a path in the allowed direction, for display:
/// "a -partners_with|resells-> b".
std::string path_text(const Graph& g, const EntityPath& path, const Selection& selection);

}  // namespace ecograph
