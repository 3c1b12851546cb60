#pragma once

#include <ostream>
#include <string>
#include <utility>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// The two files a CSV output named `path` becomes: "out.csv" gives "out.entities.csv" and
/// "out.relations.csv" (a graph is two tables).
std::pair<std::string, std::string> csv_output_paths(const std::string& path);

/// Writes the graph as Neo4j bulk-import CSV: an entities table (`id:ID,:LABEL,label,...`) and a
/// relations table (`:START_ID,:END_ID,:TYPE,...`), attribute columns typed from `schema`
/// (`since:int`, `revenue:float`, `public:boolean`), entities by id, relations by (source,
/// target, type). read_csv reads both back to the same graph.
void write_csv(const Graph& g, const Schema& schema, std::ostream& entities,
               std::ostream& relations);

}  // namespace ecograph
