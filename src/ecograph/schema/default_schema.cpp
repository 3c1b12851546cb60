#include "ecograph/schema/default_schema.hpp"

namespace ecograph {

std::string_view default_schema_toml() {
    // Generated at build time from default_schema.toml (see src/CMakeLists.txt).
    static constexpr char kText[] = {
#include "default_schema.inc"
        0};
    return std::string_view(kText, sizeof(kText) - 1);
}

}  // namespace ecograph
