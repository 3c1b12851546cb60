#include "ecograph/schema/validate.hpp"

#include <catch2/catch.hpp>

#include "ecograph/core/run_control.hpp"
#include "ecograph/io/dot_reader.hpp"

using namespace ecograph;

namespace {

// Every diagnostic of reading and validating `text` as v.gv, formatted.
std::vector<std::string> check(const std::string& text) {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot(text, "v.gv", b, d));
    Graph g = std::move(b).build();
    validate(g, Schema::builtin(), d);
    d.sort();
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(format_diagnostic(x));
    return out;
}

}  // namespace

TEST_CASE("validate: a well-typed graph is clean", "[schema][validate]") {
    CHECK(check(R"(digraph {
  cloud [type=CloudProvider, label="Alibaba Cloud"];
  dc [type=DataCentre];
  india [type=Region];
  cloud -> dc [type=operates];
  dc -> india [type=located_in, since=2016];
})")
              .empty());
}

TEST_CASE("validate: unknown entity type suggests the closest", "[schema][validate]") {
    CHECK(check("digraph {\n infosys [type=Sl]\n}") ==
          std::vector<std::string>{"v.gv:2: error[E101]: unknown entity type 'Sl' of 'infosys'; "
                                   "hint: did you mean 'SI'?"});
}

TEST_CASE("validate: abstract types are not for entities", "[schema][validate]") {
    auto out = check("digraph { acme [type=Company] }");
    REQUIRE(out.size() == 1);
    CHECK_THAT(out[0], Catch::StartsWith("v.gv:1: error[E103]: entity type 'Company' of 'acme' is "
                                         "abstract; hint: use one of its subtypes: CloudProvider"));
}

TEST_CASE("validate: wrong attribute types and missing required ones", "[schema][validate]") {
    auto out = check(R"(digraph {
  p [type=Programme, amount_usd="abc"];
  r [type=FinancialResult, period="FY2020"];
  x [type=SI, colour=red];
})");
    CHECK(out ==
          std::vector<std::string>{
              "v.gv:2: error[E110]: attribute 'amount_usd' of entity 'p' is 'abc', not money; "
              "hint: expected an amount in USD without separators, such as 283000000",
              "v.gv:3: error[E112]: entity 'r' of type 'FinancialResult' lacks required "
              "attribute 'revenue_usd'; hint: add revenue_usd=... (money)",
              "v.gv:4: warning[W111]: attribute 'colour' of entity 'x' is not declared for type "
              "'SI'; hint: declare it in a schema file (--schema), or remove it"});
}

TEST_CASE("validate: relation endpoints must have allowed types", "[schema][validate]") {
    auto out = check(R"(digraph {
  infosys [type=SI];
  dc [type=DataCentre];
  infosys -> dc [type=operates];
})");
    CHECK(out == std::vector<std::string>{
                     "v.gv:4: error[E204]: relation 'operates' from 'infosys' (SI) is not allowed; "
                     "hint: operates expects CloudProvider -> DataCentre"});
}

TEST_CASE("validate: subtypes satisfy a parent endpoint", "[schema][validate]") {
    CHECK(check("digraph { a [type=MSP]; b [type=ISV]; a -> b [type=partners_with] }").empty());
}

TEST_CASE("validate: relations need known types and typed endpoints", "[schema][validate]") {
    auto out = check(R"(digraph {
  a [type=SI];
  b [type=ISV];
  a -> b [type=partenrs_with];
  a -> b;
  a -> ghost [type=partners_with];
})");
    CHECK(out ==
          std::vector<std::string>{
              "v.gv:4: error[E202]: unknown relation type 'partenrs_with' in 'a -partenrs_with-> "
              "b'; hint: did you mean 'partners_with'?",
              "v.gv:5: error[E201]: relation 'a -> b' has no type; hint: add type=\"...\", e.g. "
              "one of: delivers, funds, integrates_with, invests_in, located_in, manages, "
              "member_of, offers, operates, operates_in, part_of, partners_with, recruits, "
              "reports, resells, runs, serves, subsidiary_of, works_for",
              "v.gv:6: error[E102]: entity 'ghost' is used by a relation but never declared "
              "with a type; hint: declare it: \"ghost\" [type=\"...\"]"});
}

TEST_CASE("validate: relation attributes are typed too", "[schema][validate]") {
    auto out = check(R"(digraph {
  a [type=SI]; b [type=ISV];
  a -> b [type=partners_with, since="last year", strategic=maybe];
})");
    REQUIRE(out.size() == 2);
    CHECK(
        out[0] ==
        "v.gv:3: error[E210]: attribute 'since' of relation 'a -partners_with-> b' is 'last year', "
        "not date; hint: expected a date: YYYY, YYYY-MM or YYYY-MM-DD");
    CHECK_THAT(out[1], Catch::Contains("'strategic'") && Catch::Contains("not boolean"));
}

TEST_CASE("validate: an untyped graph warns once and is not checked", "[schema][validate]") {
    CHECK(check("digraph { a -> b -> c }") ==
          std::vector<std::string>{
              "v.gv: warning[W100]: graph has no types: loaded untyped, so schema checks are "
              "skipped; hint: give nodes and edges a type attribute (type=\"SI\", "
              "type=\"partners_with\")"});
}

// A graph big enough to be checked on two threads (2^17 relations and more), almost all of it
// clean: the few problems are found wherever they are, once each, as with one thread.
TEST_CASE("validate: a big graph's few problems are found on either thread", "[schema][validate]") {
    auto validate_big = [] {
        GraphBuilder b;
        const std::uint32_t f = b.add_file("big.gv");
        const std::uint32_t n = 1000, m = 200000;
        for (std::uint32_t v = 0; v < n; ++v) {
            EntityIndex e = b.entity("e" + std::to_string(v), {f, v + 1});
            b.set_entity_type(e, v % 2 ? "CloudProvider" : "DataCentre");
        }
        b.set_entity_type(b.entity("acme", {f, n + 1}), "Company");  // abstract, no relations
        for (std::uint32_t r = 0; r < m; ++r) {
            // clouds operate data centres; relation 150000 (second half) runs the wrong way
            EntityIndex cloud = 2 * (r % (n / 2)) + 1, dc = 2 * ((r * 7) % (n / 2));
            if (r == 150000) std::swap(cloud, dc);
            b.add_relation(cloud, dc, r == 20000 ? "" : "operates", {f, n + 2 + r});
        }
        Graph g = std::move(b).build();
        Diagnostics d;
        validate(g, Schema::builtin(), d);
        d.sort();
        std::vector<std::string> out;
        for (const auto& x : d.items()) out.push_back(format_diagnostic(x));
        return out;
    };
    auto both = validate_big();
    REQUIRE(both.size() == 4);
    CHECK_THAT(both[0], Catch::StartsWith("big.gv:1001: error[E103]: entity type 'Company'"));
    CHECK_THAT(both[1], Catch::StartsWith("big.gv:21002: error[E201]: relation"));
    CHECK_THAT(both[2], Catch::StartsWith("big.gv:151002: error[E204]: relation 'operates' from"));
    CHECK_THAT(both[3], Catch::StartsWith("big.gv:151002: error[E205]: relation 'operates' to"));
    set_thread_limit(1);
    auto one = validate_big();
    set_thread_limit(0);
    CHECK(one == both);
}
