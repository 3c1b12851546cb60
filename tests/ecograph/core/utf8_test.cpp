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
