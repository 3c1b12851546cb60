#pragma once

#include <string>
#include <string_view>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

/// Reads JSON node-link data as NetworkX's node_link_data writes it (edges under "links" or
/// "edges") into `builder`, merging entities by id: node "type" and "label" are the entity type
/// and display name, link "type" the relation type, other keys attributes (numbers as written,
/// lists joined by ","). Returns false with diagnostics naming file, line and column when the
/// file cannot be used (E001-E007). The mapping is in docs/json.md.
bool read_json(std::string_view text, const std::string& origin, GraphBuilder& builder,
               Diagnostics& diags);

}  // namespace ecograph
