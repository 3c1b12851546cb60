#include "ecograph/core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace ecograph;

TEST_CASE("utf8: well-formed text is kept, ill-formed bytes become U+FFFD", "[core][utf8]") {
    CHECK(is_valid_utf8("Alibaba Cloud \xE2\x80\x9CIndia\xE2\x80\x9D"));
    CHECK_FALSE(is_valid_utf8("caf\xE9"));           // Latin-1 e-acute
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x80"));          // truncated
    CHECK(sanitize_utf8("caf\xE9!") == "caf\xEF\xBF\xBD!");
    CHECK(sanitize_utf8("ok") == "ok");
    CHECK(is_valid_utf8(sanitize_utf8("\xFF\xFE\xE2\x80")));
}

TEST_CASE("utf8: code points one at a time, U+FFFD per ill-formed byte", "[core][utf8]") {
    auto decode = [](std::string_view s) {
        std::u32string out;
        for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
        return out;
    };
    CHECK(decode("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == U"a\u00E9\u20AC\U0001F600");
    CHECK(decode(std::string_view("\0x", 2)) == std::u32string(U"\0x", 2));
    CHECK(decode("caf\xE9!") == U"caf\uFFFD!");
    CHECK(decode("\xC0\xAF") == U"\uFFFD\uFFFD");                      // overlong
    CHECK(decode("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");            // surrogate
    CHECK(decode("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");  // past U+10FFFF
    CHECK(decode("\xE2\x82") == U"\uFFFD\uFFFD");                      // truncated
}
