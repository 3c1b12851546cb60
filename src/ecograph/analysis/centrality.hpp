#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// One value per relation-pair (edge betweenness): the arc from `source` to `target`.
struct EdgeScore {
    EntityIndex source, target;
    double value;
};

/// Per entity: whether its type is or descends from one of `types` (all when empty). Throws
/// Error (usage, naming `option`) for a type the schema does not know.
std::vector<bool> entity_type_mask(const Graph& g, const Schema& schema,
                                   const std::vector<std::string>& types,
                                   const char* option = "--types");

/// Entities ordered by value (highest first; ties by id), keeping only those whose type is or
/// descends from one of `types` (all when empty), at most `top` of them (all when 0).
/// Throws Error (usage) for a type the schema does not know.
std::vector<EntityIndex> rank_entities(const Graph& g, const std::vector<double>& values,
                                       const Schema& schema, const std::vector<std::string>& types,
                                       std::size_t top, const char* option = "--types");

}  // namespace ecograph
