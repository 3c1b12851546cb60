#pragma once

#include <ostream>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// Writes the graph as JSON node-link data that NetworkX's node_link_graph reads (links under
/// "links"), attribute values typed by `schema` (numbers, with their text as stored, and
/// booleans as JSON numbers and booleans). Deterministic: one node or link per line, sorted by
/// id. read_json gives back the same graph. The mapping is in docs/json.md.
void write_json(const Graph& g, const Schema& schema, std::ostream& out);

}  // namespace ecograph
