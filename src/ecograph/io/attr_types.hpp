#pragma once

#include <string>
#include <vector>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// An attribute name used in a graph and the type a typed format (GraphML, JSON, Neo4j CSV)
/// should declare for it.
struct AttributeKey {
    std::string name;
    AttrType type = AttrType::String;
};

/// Every entity attribute name in `g`, sorted by name, typed by the schema: a key gets the
/// schema's type when every entity carrying it declares that same type and every value
/// conforms; otherwise, or when the schema does not know it, String (the text as written).
std::vector<AttributeKey> entity_attribute_keys(const Graph& g, const Schema& schema);
/// The same for relation attributes.
std::vector<AttributeKey> relation_attribute_keys(const Graph& g, const Schema& schema);

/// Entities in the order every writer uses: by id.
std::vector<EntityIndex> entities_by_id(const Graph& g);
/// Relations in the order every writer uses: by (source id, target id, type), stable.
std::vector<RelationIndex> relations_by_ends(const Graph& g);

}  // namespace ecograph
