#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ecograph {

/// Layout engines ecograph offers (all of Graphviz's general-purpose ones).
const std::vector<std::string>& layout_names();

/// Lays out DOT text in-process with Graphviz's gvc (no `dot` binary needed) and renders it as
/// `format` ("svg", "png" or "pdf"). Throws Error when the layout or format is unknown or
/// Graphviz fails. Serialised: gvc keeps global state.
std::string render_dot(std::string_view dot, std::string_view layout, std::string_view format);

}  // namespace ecograph
