#pragma once

#include <string>
#include <string_view>

namespace ecograph {

/// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// `s` with every ill-formed sequence replaced by U+FFFD, so that outputs stay valid UTF-8.
std::string sanitize_utf8(std::string_view s);

/// The code point that starts at s[i], moving `i` past it; U+FFFD, moving one byte, where s[i]
/// does not start a well-formed sequence (as sanitize_utf8 replaces it).
char32_t next_code_point(std::string_view s, std::size_t& i);

/// `s` itself when it is valid UTF-8; otherwise sanitize_utf8(s), kept in `storage`.
std::string_view valid_utf8(std::string_view s, std::string& storage);

}  // namespace ecograph
