#pragma once

#include <string>
#include <string_view>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

/// Reads a GraphML document (as Gephi, yEd, NetworkX and igraph write it) into `builder`,
/// merging entities by id. Returns false with diagnostics naming file and line when the file
/// cannot be used. Never resolves external entities nor expands entity declarations.
bool read_graphml(std::string_view text, const std::string& origin, GraphBuilder& builder,
                  Diagnostics& diags);

}  // namespace ecograph
