#pragma once

#include <ostream>
#include <string_view>

#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// Writes the graph as a Mermaid flowchart (renders inline on GitHub, GitLab and MkDocs):
/// one node per entity labelled with its name, one edge per relation labelled with its type,
/// and a `classDef` per entity type with the schema theme's colours and shapes. `fenced` wraps it
/// in a ```mermaid block, ready to paste into (or be) a Markdown page. The title is `title`,
/// else the graph's label, else its name; none when all are empty.
void write_mermaid(const Graph& g, const Schema& schema, std::ostream& out, bool fenced = false,
                   std::string_view title = {});

}  // namespace ecograph
