#pragma once

#include <ostream>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// Writes the graph as GraphML with typed <key> declarations (types from `schema`); reading
/// the output back gives the same entities, relations, types and attributes.
void write_graphml(const Graph& g, const Schema& schema, std::ostream& out);

}  // namespace ecograph
