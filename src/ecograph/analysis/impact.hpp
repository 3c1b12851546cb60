#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ecograph/analysis/view.hpp"
#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// Which routes count (the selection says which relations they follow and which entities
/// leave).
struct ImpactOptions {
    std::vector<std::string> from_types;  ///< route sources considered (all when empty)
    std::vector<std::string> to_types;    ///< route targets considered (all when empty)
};

struct ComponentSplit {
    std::size_t before = 0;          ///< size of the weak component before (removed excluded)
    std::vector<std::size_t> after;  ///< sizes of the parts it falls into, largest first
    EntityIndex example = 0;         ///< its entity with the smallest id
};

struct MoverScore {
    EntityIndex entity;
    double before, after;
};

/// What-if report of removing entities: ordered pairs (source, target) that had a route along
/// relation directions and lose every route (summarised by entity type and by region, with
/// the full list), weak components that split, articulation points that appear, and the
/// entities whose betweenness (directed, raw, on the simple view) changes most.
/// Indices refer to the original graph. O(k m) for k route sources, plus two betweenness runs.
struct ImpactResult {
    std::vector<EntityIndex> removed;
    std::vector<std::pair<EntityIndex, EntityIndex>> lost_pairs;  ///< by source id, target id
    std::map<std::pair<std::string, std::string>, std::size_t> lost_by_type;
    std::map<std::pair<std::string, std::string>, std::size_t> lost_by_region;
    std::vector<ComponentSplit> splits;
    std::vector<EntityIndex> new_articulation_points;
    std::vector<MoverScore> movers;  ///< by |after - before|, largest first, ties by id
};

/// `selection`'s removed entities leave (at least one; Error otherwise); routes follow what
/// it keeps along relation directions, before and after.
ImpactResult impact(const Graph& g, const Schema& schema, const Selection& selection,
                    const ImpactOptions& options);

}  // namespace ecograph
