#pragma once

#include <string>
#include <vector>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// A partition of the entities into named groups.
struct Grouping {
    std::vector<std::uint32_t> group;  ///< per entity: index into names
    std::vector<std::string> names;    ///< sorted by name
};

/// The region of each entity, entity_count() when it has none: a Region is its own region;
/// another entity takes the target of its located_in relation (the lowest id when several),
/// else of its operates_in or serves relations to a Region — when `single` is true only if
/// there is exactly one such region, otherwise the lowest id among them.
std::vector<EntityIndex> region_of(const Graph& g, const Schema& schema, bool single = true);

/// Groups entities by "type" (entity type), "region" (region_of with the lowest id when an
/// entity operates in several regions) or any other word as an entity attribute. Entities
/// without a value go to the group "(none)".
Grouping group_entities(const Graph& g, const Schema& schema, const std::string& key);

}  // namespace ecograph
