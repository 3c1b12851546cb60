#include "ecograph/io/csv_reader.hpp"

#include <catch2/catch.hpp>

using namespace ecograph;

namespace {
struct Read {
    bool ok;
    Diagnostics diags;
    std::optional<Graph> graph;
};
Read read(const std::vector<std::pair<std::string, std::string>>& files) {
    GraphBuilder b;
    Read r{true, {}, {}};
    for (const auto& [name, text] : files) r.ok = read_csv(text, name, b, r.diags) && r.ok;
    if (r.ok) r.graph = std::move(b).build();
    return r;
}
std::string first(const Read& r) {
    return r.diags.empty() ? "" : format_diagnostic(r.diags.items().front());
}
}  // namespace

TEST_CASE("csv_reader: Neo4j bulk-import headers", "[io][csv]") {
    auto r =
        read({{"n.csv",
               "id:ID,:LABEL,name,founded:date\r\ninfosys,SI,Infosys,1981\r\nacme,\"ISV;Company\","
               "\"Acme, \"\"the\"\" Inc.\",\r\n"},
              {"r.csv", ":START_ID,:END_ID,:TYPE,since:date\ninfosys,acme,partners_with,2019\n"}});
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    CHECK(g.entity_count() == 2);
    auto acme = *g.find("acme");
    CHECK(g.entity_type_name(acme) == "ISV");  // the first of several labels
    CHECK(g.name(acme) == "Acme, \"the\" Inc.");
    CHECK(g.entity_attr(acme, "founded") == nullptr);  // empty cell: no value
    CHECK(*g.entity_attr(*g.find("infosys"), "founded") == "1981");
    CHECK(g.relation_type_name(0) == "partners_with");
    CHECK(*g.relation_attr(0, "since") == "2019");
    CHECK(g.entity_location(acme).line == 3);
    CHECK(g.relation_location(0).file == "r.csv");
}

TEST_CASE("csv_reader: plain headers and quoted newlines", "[io][csv]") {
    auto r = read({{"e.csv", "id,type,label,description\na,SI,A,\"two\nlines\"\nb,ISV,B,x\n"},
                   {"rel.csv", "source,target,type\na,b,partners_with\n"}});
    REQUIRE(r.ok);
    CHECK(*r.graph->entity_attr(*r.graph->find("a"), "description") == "two\nlines");
    CHECK(r.graph->entity_location(*r.graph->find("b")).line == 4);
}

TEST_CASE("csv_reader: bad input names file and line", "[io][csv]") {
    CHECK(first(read({{"q.csv", "id,type\n\"open,SI\n"}})) ==
          "q.csv:2: error[E001]: unterminated quoted cell; hint: close the quote; a quote inside a "
          "cell is written \"\"");
    CHECK(first(read({{"w.csv", "id,type\na,SI,extra\n"}})) ==
          "w.csv:2: error[E006]: row has 3 cells, the header 2; hint: quote cells that contain "
          "commas: \"a, b\"");
    CHECK_THAT(first(read({{"h.csv", "foo,bar\n1,2\n"}})),
               Catch::StartsWith("h.csv:1: error[E005]"));
    CHECK_THAT(first(read({{"s.csv", ":START_ID,:TYPE\na,x\n"}})),
               Catch::StartsWith("s.csv:1: error[E005]: a relations file needs both"));
    CHECK_THAT(first(read({{"e.csv", ""}})),
               Catch::StartsWith("e.csv: error[E003]: no header row"));
    CHECK_THAT(first(read({{"z.csv", std::string("id\na\0b\n", 8)}})),
               Catch::StartsWith("z.csv:2: error[E002]"));
    CHECK_THAT(first(read({{"x.csv", "id,type\n,SI\n"}})),
               Catch::StartsWith("x.csv:2: error[E007]"));
}
