#pragma once

#include "ecograph/analysis/selection.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph::test {

/// A selection resolved against the built-in schema, e.g.
/// select(g, {.relation_types = {"a"}, .direction = Direction::reverse}).
inline Selection select(const Graph& g, const SelectionSpec& spec = {}) {
    return Selection::resolve(g, Schema::builtin(), spec);
}

}  // namespace ecograph::test
