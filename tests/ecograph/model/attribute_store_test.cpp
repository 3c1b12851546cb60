#include "ecograph/model/attribute_store.hpp"

#include <string>

#include <catch2/catch.hpp>

using namespace ecograph;

TEST_CASE("attribute store: owners in any order, repeats replace", "[model][attributes]") {
    AttributeStore s;
    for (std::uint32_t o : {5u, 1u, 9u, 1u, 3u, 9u})
        s.set(o, "k", "v" + std::to_string(o) + (o == 1 || o == 9 ? "'" : ""));
    s.set(2, "other", "x");
    CHECK(*s.get(5, "k") == "v5");
    CHECK(*s.get(1, "k") == "v1'");  // the second value replaced the first
    CHECK(*s.get(9, "k") == "v9'");
    CHECK(s.get(2, "k") == nullptr);
    CHECK(s.get(1, "missing") == nullptr);
    s.freeze({});
    CHECK(*s.get(3, "k") == "v3");
    CHECK(*s.get(1, "k") == "v1'");
    CHECK(s.get(4, "k") == nullptr);
}

TEST_CASE("attribute store: freeze renumbers owners", "[model][attributes]") {
    AttributeStore s;
    s.set(0, "k", "zero");
    s.set(1, "k", "one");
    s.set(2, "k", "two");
    s.freeze({2, 0, 1});  // old 0 is new 2, ...
    CHECK(*s.get(2, "k") == "zero");
    CHECK(*s.get(0, "k") == "one");
    CHECK(*s.get(1, "k") == "two");
}

TEST_CASE("attribute store: keys in first-seen order, all() by name", "[model][attributes]") {
    AttributeStore s;
    // Many names, each new one sorting before the last: all() must still be ordered by name.
    for (int i = 5000; i > 0; --i) s.set(0, "a" + std::to_string(i), std::to_string(i));
    s.set(1, "b", "only");
    CHECK(s.keys().size() == 5001);
    CHECK(s.keys().front() == "a5000");
    CHECK(s.keys().back() == "b");
    auto owner0 = s.all(0);
    REQUIRE(owner0.size() == 5000);
    CHECK(owner0.front().first == "a1");
    CHECK(owner0[1].first == "a10");
    CHECK(owner0.back().first == "a999");
    s.set(0, "0first", "z");  // a key added after all() was asked for
    s.freeze({});
    CHECK(s.all(0).front().first == "0first");
    auto owner1 = s.all(1);
    REQUIRE(owner1.size() == 1);
    CHECK(owner1[0].second == "only");
}
