#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/io/formats.hpp"
#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

struct LoadResult {
    std::optional<Graph> graph;  ///< empty when any input could not be read
    Diagnostics diags;           ///< read problems, then validation problems, sorted by position
    bool unreadable() const { return !graph.has_value(); }
};

/// Reads and merges the given files (entities merged by id across files), then validates the
/// result against `schema`. Every file is attempted, so all problems are reported at once.
/// Each file's format follows its extension (see input_format) unless `format` is given.
/// Never throws on bad input.
LoadResult load_graph(const std::vector<std::string>& paths, const Schema& schema,
                      std::optional<FileFormat> format = std::nullopt);

}  // namespace ecograph
