#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "ecograph/model/graph.hpp"

namespace ecograph {

/// A DOT double-quoted string for `value`. Values longer than 4,000 bytes are written as
/// "..." + "..." chunks: Graphviz's own tools reject a quoted string over 16 KiB.
std::string dot_quote(std::string_view value);

/// `s` as a bare DOT identifier when it is one (letters, digits, _; not a keyword), else quoted.
std::string dot_id(std::string_view s);

/// Writes the graph as data DOT: every entity with its type, label and attributes, every
/// relation with its type and attributes, entities sorted by id, relations by (source id,
/// target id, type), attributes by name. Reading the output back gives the same graph.
void write_dot(const Graph& g, std::ostream& out);

}  // namespace ecograph
