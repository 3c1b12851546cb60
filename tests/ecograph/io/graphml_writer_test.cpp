#include "ecograph/io/graphml_writer.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "ecograph/io/graphml_reader.hpp"
#include "ecograph/io/load.hpp"
#include "round_trip.hpp"

using namespace ecograph;
using testing::require_same;

namespace {
std::string write(const Graph& g) {
    std::ostringstream out;
    write_graphml(g, Schema::builtin(), out);
    return out.str();
}
Graph read_back(const std::string& text, Diagnostics& diags) {
    GraphBuilder b;
    REQUIRE(read_graphml(text, "out.graphml", b, diags));
    return std::move(b).build();
}
}  // namespace

TEST_CASE("graphml_writer: exact output of a small graph", "[io][graphml]") {
    GraphBuilder b;
    b.set_name("demo");
    b.set_title("A & B");
    EntityIndex z = b.entity("z", {}), a = b.entity("a", {});
    b.set_entity_type(z, "SI");
    b.set_entity_type(a, "CloudProvider");
    b.set_entity_attr(a, "label", "Alibaba <Cloud>");
    b.set_entity_attr(a, "founded", "2009");
    RelationIndex r = b.add_relation(z, a, "partners_with", {});
    b.set_relation_attr(r, "since", "2023");
    b.add_relation(a, z, "", {});
    CHECK(write(std::move(b).build()) ==
          R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="g0" for="graph" attr.name="name" attr.type="string"/>
  <key id="g1" for="graph" attr.name="label" attr.type="string"/>
  <key id="n0" for="node" attr.name="type" attr.type="string"/>
  <key id="n1" for="node" attr.name="founded" attr.type="string"/>
  <key id="n2" for="node" attr.name="label" attr.type="string"/>
  <key id="e0" for="edge" attr.name="type" attr.type="string"/>
  <key id="e1" for="edge" attr.name="since" attr.type="string"/>
  <graph id="demo" edgedefault="directed">
    <data key="g0">demo</data>
    <data key="g1">A &amp; B</data>
    <node id="a">
      <data key="n0">CloudProvider</data>
      <data key="n1">2009</data>
      <data key="n2">Alibaba &lt;Cloud&gt;</data>
    </node>
    <node id="z">
      <data key="n0">SI</data>
    </node>
    <edge source="a" target="z"/>
    <edge source="z" target="a">
      <data key="e0">partners_with</data>
      <data key="e1">2023</data>
    </edge>
  </graph>
</graphml>
)");
}

TEST_CASE("graphml_writer: untyped undirected graph without a name", "[io][graphml]") {
    GraphBuilder b;
    b.set_directed(false);
    b.add_relation(b.entity("b", {}), b.entity("a", {}), "", {});
    std::string text = write(std::move(b).build());
    CHECK(text.find("<key") == std::string::npos);
    CHECK(text.find("  <graph edgedefault=\"undirected\">\n    <node id=\"a\"/>\n    <node "
                    "id=\"b\"/>\n    <edge source=\"b\" target=\"a\"/>\n  </graph>") !=
          std::string::npos);
}

TEST_CASE("graphml_writer: schema types become attr.type", "[io][graphml]") {
    GraphBuilder b;
    EntityIndex p = b.entity("programme", {}), c = b.entity("alibaba-cloud", {});
    b.set_entity_type(p, "Programme");
    b.set_entity_type(c, "CloudProvider");
    RelationIndex r = b.add_relation(c, p, "funds", {});
    b.set_relation_attr(r, "amount_usd", "283000000");
    b.set_relation_attr(r, "since", "2024");  // not declared for funds: a string
    b.set_entity_attr(p, "target_count", "2000");
    b.set_entity_attr(c, "public", "true");
    std::string text = write(std::move(b).build());
    CHECK(text.find("for=\"edge\" attr.name=\"amount_usd\" attr.type=\"double\"") !=
          std::string::npos);
    CHECK(text.find("for=\"edge\" attr.name=\"since\" attr.type=\"string\"") != std::string::npos);
    CHECK(text.find("for=\"node\" attr.name=\"target_count\" attr.type=\"long\"") !=
          std::string::npos);
    CHECK(text.find("for=\"node\" attr.name=\"public\" attr.type=\"boolean\"") !=
          std::string::npos);
}

TEST_CASE("graphml_writer: round trip keeps every text", "[io][graphml]") {
    GraphBuilder b;
    b.set_name("name with \"quotes\" & <angles>");
    b.set_title("multi\nline\ttitle\r\nwith CR");
    EntityIndex x = b.entity("id with spaces & \"quotes\"\ttab", {});
    EntityIndex y = b.entity("caf\u00e9 \u2013 \U0001F600", {});
    EntityIndex u = b.entity("untyped", {});
    b.set_entity_type(x, "SI");
    b.set_entity_type(y, "ISV");
    b.set_entity_attr(x, "label", "  leading and trailing  ");
    b.set_entity_attr(x, "note", "]]> <![CDATA[ &amp; \r\n\n");
    b.set_entity_attr(y, "empty", "");
    b.set_entity_attr(y, "a \"key\" <name>", "value");
    b.set_entity_attr(u, "label", "Untyped");
    RelationIndex r1 = b.add_relation(x, y, "resells", {});
    RelationIndex r2 = b.add_relation(x, y, "resells", {});  // parallel
    b.add_relation(y, y, "", {});                            // self loop, untyped
    b.set_relation_attr(r1, "tier", "gold");
    b.set_relation_attr(r2, "tier", "silver");
    b.set_relation_attr(r2, "label", "second");
    Graph g = std::move(b).build();
    std::string text = write(g);
    Diagnostics diags;
    Graph back = read_back(text, diags);
    CHECK(diags.empty());
    require_same(g, back);
    CHECK(write(back) == text);  // stable
}

TEST_CASE("graphml_writer: characters XML cannot hold become U+FFFD", "[io][graphml]") {
    GraphBuilder b;
    EntityIndex v = b.entity(std::string("a\x01"
                                         "b"),
                             {});
    b.set_entity_attr(v, "label", std::string("bell\x07 nul\0 esc\x1B end\uFFFF", 22));
    b.set_entity_attr(v, "bad", "caf\xE9");  // not UTF-8
    std::string text = write(std::move(b).build());
    Diagnostics diags;
    Graph back = read_back(text, diags);
    CHECK(diags.empty());  // well-formed, valid UTF-8
    CHECK(back.id(0) == "a\uFFFDb");
    CHECK(back.name(0) == "bell\uFFFD nul\uFFFD esc\uFFFD end\uFFFD");
    CHECK(*back.entity_attr(0, "bad") == "caf\uFFFD");
}

TEST_CASE("graphml_writer: the bundled graph round trips", "[io][graphml]") {
    LoadResult loaded =
        load_graph({ECOGRAPH_SOURCE_DIR "/graphs/alibaba-cloud.gv"}, Schema::builtin());
    REQUIRE(loaded.graph);
    const Graph& g = *loaded.graph;
    REQUIRE(g.entity_count() > 10);
    std::string text = write(g);
    Diagnostics diags;
    Graph back = read_back(text, diags);
    CHECK(diags.empty());
    require_same(g, back);
    CHECK(write(back) == text);
}
