#pragma once

#include <string>
#include <string_view>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

/// Reads DOT text (one or more graphs) with Graphviz's cgraph into `builder`, merging entities
/// by id with what the builder already holds.
///
/// Node attribute `type` is the entity type, `label` (or `name`) the display name; edge
/// attribute `type` is the relation type; everything else is kept as a text attribute for the
/// schema to check. Returns false when the text cannot be read (syntax error, no graph, binary
/// data, a construct cgraph cannot parse); `diags` then says why with file and line, and nothing
/// of this text is added: a partial graph is never used. Never throws on bad input.
bool read_dot(std::string_view text, const std::string& origin, GraphBuilder& builder,
              Diagnostics& diags);

}  // namespace ecograph
