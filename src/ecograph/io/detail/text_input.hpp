#pragma once

// Internal: the checks every text reader makes before parsing (DOT, JSON, GraphML; CSV finds
// NUL bytes in its own first pass).

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/core/utf8.hpp"

namespace ecograph::detail {

/// The 1-based line of byte `offset` of `text`.
inline std::uint32_t line_at(std::string_view text, std::size_t offset) {
    return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + offset, '\n') + 1);
}

/// True, with error E002 at its line, when `raw` holds a NUL byte: binary data, not `format`.
inline bool refuse_binary(std::string_view raw, const std::string& origin, std::string_view format,
                          Diagnostics& diags) {
    auto nul = raw.find('\0');
    if (nul == std::string_view::npos) return false;
    diags.error("E002", {origin, line_at(raw, nul)}, "",
                fmt::format("not a {} file: NUL byte at offset {} (binary data?)", format, nul));
    return true;
}

/// `raw`, or its sanitised copy in `storage` with warning W002 when it is not valid UTF-8.
inline std::string_view utf8_text(std::string_view raw, const std::string& origin,
                                  std::string& storage, Diagnostics& diags) {
    std::string_view text = valid_utf8(raw, storage);
    if (text.data() != raw.data())
        diags.warning("W002", {origin, 0}, "", "invalid UTF-8 replaced with U+FFFD",
                      "save the file as UTF-8");
    return text;
}

}  // namespace ecograph::detail
