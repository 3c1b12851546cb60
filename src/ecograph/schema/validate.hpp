#pragma once

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// Checks a loaded graph against a schema and appends every problem to `diags`:
/// entities without a type or with an unknown or abstract type, relations without a type or
/// with an unknown type, endpoints whose types the relation does not allow, attribute values
/// that do not match their declared type, missing required attributes (errors), and attributes
/// the schema does not declare (warnings). A graph with no types at all is untyped: one warning,
/// no errors. Codes are listed in docs/validation.md.
void validate(const Graph& g, const Schema& schema, Diagnostics& diags);

}  // namespace ecograph
