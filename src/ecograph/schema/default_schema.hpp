#pragma once

#include <string_view>

namespace ecograph {

/// The TOML text of the built-in schema (src/ecograph/schema/default_schema.toml).
std::string_view default_schema_toml();

}  // namespace ecograph
