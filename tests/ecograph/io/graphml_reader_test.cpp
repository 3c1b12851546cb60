#include "ecograph/io/graphml_reader.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "read_helper.hpp"

using namespace ecograph;
using namespace ecograph::testing;

namespace {
Read read(const std::vector<std::pair<std::string, std::string>>& files) {
    return read_with([](std::string_view text, const std::string& name, GraphBuilder& b,
                        Diagnostics& d) { return read_graphml(text, name, b, d); },
                     files);
}
Read read(const std::string& name, const std::string& text) { return read({{name, text}}); }
std::string fixture(const std::string& name) {
    std::ifstream in(std::string(ECOGRAPH_SOURCE_DIR) + "/tests/fixtures/formats/graphml/" + name,
                     std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    REQUIRE(!text.str().empty());
    return text.str();
}
Read read_fixture(const std::string& name) { return read(name, fixture(name)); }
std::string attr(const Graph& g, std::string_view id, std::string_view key) {
    const std::string* v = g.entity_attr(*g.find(id), key);
    return v ? *v : "<none>";
}
// The relation from `s` to `t` of type `type` (the first, when parallel).
RelationIndex relation(const Graph& g, std::string_view s, std::string_view t,
                       std::string_view type) {
    for (RelationIndex r = 0; r < g.relation_count(); ++r)
        if (g.id(g.source(r)) == s && g.id(g.target(r)) == t && g.relation_type_name(r) == type)
            return r;
    FAIL("no relation " << s << " -" << type << "-> " << t);
    return 0;
}
std::string rattr(const Graph& g, RelationIndex r, std::string_view key) {
    const std::string* v = g.relation_attr(r, key);
    return v ? *v : "<none>";
}

const char* kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";  // lines 1-2
}  // namespace

TEST_CASE("graphml_reader: a minimal typed graph", "[io][graphml]") {
    auto r = read("m.graphml", std::string(kHead) +
                                   "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"   // 3
                                   "<key id=\"r\" for=\"edge\" attr.name=\"type\"/>\n"   // 4
                                   "<key id=\"s\" for=\"edge\" attr.name=\"since\"/>\n"  // 5
                                   "<graph id=\"g\" edgedefault=\"directed\">\n"         // 6
                                   "<node id=\"a\"><data key=\"t\">SI</data></node>\n"   // 7
                                   "<node id=\"b\"><data key=\"t\">ISV</data></node>\n"  // 8
                                   "<edge id=\"x\" source=\"a\" target=\"b\">\n"         // 9
                                   "<data key=\"r\">resells</data><data key=\"s\">2019"
                                   "</data></edge>\n"
                                   "</graph></graphml>\n");
    REQUIRE(r.ok);
    CHECK(r.diags.empty());
    const Graph& g = *r.graph;
    CHECK(g.directed());
    CHECK(g.graph_name() == "g");
    CHECK(g.entity_count() == 2);
    CHECK(g.relation_count() == 1);
    CHECK(g.entity_type_name(*g.find("b")) == "ISV");
    CHECK(g.relation_type_name(0) == "resells");
    CHECK(rattr(g, 0, "since") == "2019");
    CHECK(rattr(g, 0, "id") == "<none>");  // the edge id is not an attribute
    CHECK(g.entity_location(*g.find("b")).line == 8);
    CHECK(g.relation_location(0).line == 9);
    CHECK(g.relation_location(0).file == "m.graphml");
}

TEST_CASE("graphml_reader: boolean keys are read in the schema's spelling", "[io][graphml]") {
    auto r = read("b.graphml",
                  std::string(kHead) +
                      "<key id=\"p\" for=\"node\" attr.name=\"public\" attr.type=\"boolean\">"
                      "<default>0</default></key>\n"
                      "<key id=\"s\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>\n"
                      "<graph>\n<node id=\"a\"><data key=\"p\">True</data><data key=\"s\">True"
                      "</data></node>\n<node id=\"b\"><data key=\"p\">1</data></node>\n"
                      "<node id=\"c\"><data key=\"p\">FALSE</data></node>\n<node id=\"d\"/>\n"
                      "</graph></graphml>\n");
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    CHECK(attr(g, "a", "public") == "true");
    CHECK(attr(g, "a", "note") == "True");  // a string stays as written
    CHECK(attr(g, "b", "public") == "true");
    CHECK(attr(g, "c", "public") == "false");
    CHECK(attr(g, "d", "public") == "false");  // the default, 0
}

TEST_CASE("graphml_reader: a value must read as its key's attr.type", "[io][graphml]") {
    auto doc = [](std::string type, std::string value) {
        return std::string(kHead) + "<key id=\"k\" for=\"node\" attr.name=\"v\" attr.type=\"" +
               type + "\"/>\n<graph>\n<node id=\"a\"><data key=\"k\">" + value +
               "</data></node>\n</graph></graphml>\n";
    };
    for (auto [type, value] :
         std::vector<std::pair<std::string, std::string>>{{"boolean", "yes"},
                                                          {"boolean", "2"},
                                                          {"int", "1.5"},
                                                          {"long", "12a"},
                                                          {"int", "0x10"},
                                                          {"double", "abc"},
                                                          {"float", "1,5"},
                                                          {"double", "1e"},
                                                          {"long", "99999999999999999999"}}) {
        INFO(type << " " << value);
        auto r = read("t.graphml", doc(type, value));
        CHECK_FALSE(r.ok);
        REQUIRE(r.diags.items().size() == 1);
        CHECK(r.diags.items()[0].code == "E005");
        CHECK(r.diags.items()[0].location.line == 5);
    }
    for (auto [type, value] :
         std::vector<std::pair<std::string, std::string>>{{"boolean", "False"},
                                                          {"boolean", "1"},
                                                          {"int", "-7"},
                                                          {"long", " +2009\n"},
                                                          {"double", "1.5e-3"},
                                                          {"double", "-INF"},
                                                          {"float", "NaN"},
                                                          {"double", "1e999"},
                                                          {"double", ""},
                                                          {"string", "anything"},
                                                          {"liststring", "a,b"}}) {
        INFO(type << " " << value);
        CHECK(read("t.graphml", doc(type, value)).ok);
    }
}

TEST_CASE("graphml_reader: two <node>s with one id are an error", "[io][graphml]") {
    auto r = read("d.graphml", std::string(kHead) +
                                   "<graph>\n<node id=\"a\"/>\n<node id=\"b\"/>\n<node "
                                   "id=\"a\"/>\n</graph></graphml>\n");
    CHECK_FALSE(r.ok);
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].location.line == 6);
    CHECK_THAT(r.diags.items()[0].message, Catch::Contains("declared twice (first at line 4)"));
}

TEST_CASE("graphml_reader: hand-written file with defaults, CDATA and foreign elements",
          "[io][graphml]") {
    auto r = read_fixture("handwritten.graphml");
    REQUIRE(r.ok);
    CHECK(r.diags.empty());
    const Graph& g = *r.graph;
    CHECK_FALSE(g.directed());
    CHECK(g.graph_name() == "south-asia");
    CHECK(g.title() == "South Asia & partners");
    CHECK(g.entity_count() == 3);
    CHECK(g.relation_count() == 2);
    CHECK(g.name(*g.find("alibaba-cloud")) == "Alibaba Cloud");
    CHECK(g.entity_type_name(*g.find("wipro")) == "SI");
    CHECK(attr(g, "infosys", "note") == "<b>first</b> SI & partner");
    CHECK(attr(g, "wipro", "note") == "  spaces kept  ");  // text as written
    CHECK(attr(g, "infosys", "extra") == "<none>");
    // The key default fills in the edge without its own tier.
    CHECK(rattr(g, relation(g, "infosys", "alibaba-cloud", "partners_with"), "tier") ==
          "strategic");
    CHECK(rattr(g, relation(g, "wipro", "alibaba-cloud", "partners_with"), "tier") == "registered");
    // Declared after the edges that use them: the origin is the <node>, not the edge.
    CHECK(g.entity_location(*g.find("infosys")).line == 27);
}

TEST_CASE("graphml_reader: NetworkX 2.8.8 output", "[io][graphml]") {
    SECTION("typed multigraph") {
        auto r = read_fixture("networkx_typed.graphml");
        REQUIRE(r.ok);
        const Graph& g = *r.graph;
        CHECK(g.directed());
        CHECK(g.graph_name() == "partners");  // graph data "name"
        CHECK(g.entity_count() == 4);
        CHECK(g.relation_count() == 4);
        CHECK(g.entity_type_name(*g.find("alibaba-cloud")) == "CloudProvider");
        CHECK(g.name(*g.find("acme")) == "Acme <R&D> \"Labs\"");
        CHECK(g.name(*g.find("mumbai-dc")) == "Mumbai DC \u2013 r\u00e9gion");
        CHECK(attr(g, "infosys", "founded") == "1981");
        CHECK(attr(g, "infosys", "listed") == "true");  // NetworkX writes True
        CHECK(attr(g, "acme", "rating") == "4.5");
        // Parallel relations (NetworkX writes their keys as edge ids 0 and 1).
        CHECK(rattr(g, relation(g, "infosys", "alibaba-cloud", "partners_with"), "tier") ==
              "strategic");
        CHECK(rattr(g, relation(g, "infosys", "alibaba-cloud", "resells"), "amount") ==
              "283000000.0");
        CHECK(rattr(g, relation(g, "alibaba-cloud", "mumbai-dc", "operates"), "share") == "0.25");
    }
    SECTION("karate club") {
        auto r = read_fixture("networkx_karate.graphml");
        REQUIRE(r.ok);
        const Graph& g = *r.graph;
        CHECK_FALSE(g.directed());
        CHECK(g.graph_name() == "Zachary's Karate Club");
        CHECK(g.entity_count() == 34);
        CHECK(g.relation_count() == 78);
        CHECK(attr(g, "33", "club") == "Officer");
        CHECK(rattr(g, relation(g, "0", "1", ""), "weight") == "4");
    }
}

TEST_CASE("graphml_reader: igraph 0.10.2 output", "[io][graphml]") {
    SECTION("typed graph") {
        auto r = read_fixture("igraph_typed.graphml");
        REQUIRE(r.ok);
        const Graph& g = *r.graph;
        CHECK(g.graph_name() == "partners");  // graph data "name" wins over the id "G"
        CHECK(g.entity_count() == 4);
        CHECK(g.relation_count() == 4);
        // igraph numbers vertices n0.. and keeps the names as the attribute `name`.
        CHECK(attr(g, "n1", "name") == "infosys");
        CHECK(g.name(*g.find("n1")) == "Infosys");
        CHECK(g.entity_type_name(*g.find("n3")) == "DataCentre");
        CHECK(rattr(g, relation(g, "n1", "n0", "partners_with"), "since") == "2023");
        CHECK(rattr(g, relation(g, "n1", "n0", "resells"), "since") == "<none>");  // NaN
    }
    SECTION("karate club") {
        auto r = read_fixture("igraph_karate.graphml");
        REQUIRE(r.ok);
        CHECK_FALSE(r.graph->directed());
        CHECK(r.graph->graph_name() == "G");
        CHECK(r.graph->entity_count() == 34);
        CHECK(r.graph->relation_count() == 78);
        CHECK_FALSE(r.graph->typed());
    }
}

TEST_CASE("graphml_reader: Gephi export", "[io][graphml]") {
    auto r = read_fixture("gephi.graphml");
    REQUIRE(r.ok);
    CHECK(r.diags.empty());
    const Graph& g = *r.graph;
    CHECK(g.entity_count() == 3);
    CHECK(g.relation_count() == 2);
    CHECK(g.name(*g.find("alibaba-cloud")) == "Alibaba Cloud");
    CHECK(g.entity_type_name(*g.find("infosys")) == "SI");
    CHECK(attr(g, "infosys", "Modularity Class") == "0");
    CHECK(attr(g, "alibaba-cloud", "x") == "-12.345678");  // layout kept as attributes
    // Gephi names the node and the edge key "type" alike; the element tells them apart.
    RelationIndex p = relation(g, "infosys", "alibaba-cloud", "partners_with");
    CHECK(rattr(g, p, "Edge Label") == "strategic partnership");
    CHECK(rattr(g, p, "weight") == "1.0");
}

TEST_CASE("graphml_reader: yEd files", "[io][graphml]") {
    SECTION("labels from node graphics") {
        auto r = read_fixture("yed.graphml");
        REQUIRE(r.ok);
        CHECK(r.diags.empty());
        const Graph& g = *r.graph;
        CHECK(g.graph_name() == "G");
        CHECK(g.entity_count() == 3);
        CHECK(g.relation_count() == 2);
        CHECK(g.name(*g.find("n0")) == "Alibaba Cloud");
        CHECK(g.name(*g.find("n1")) == "Infosys & Co");  // the first label with text
        CHECK(g.entity_type_name(*g.find("n0")) == "CloudProvider");
        CHECK(g.entity_type_name(*g.find("n2")) == "Company");  // the key's <default>
        CHECK(attr(g, "n0", "description") == "USD 283 million partner programme");
        // Edge graphics are ignored: the edge label is not the relation type.
        RelationIndex e = relation(g, "n1", "n0", "");
        CHECK(rattr(g, e, "description") == "strategic partnership");
        CHECK(g.entity_attributes().keys().size() == 2);  // description and label only
    }
    SECTION("group nodes are flattened with a warning") {
        auto r = read_fixture("yed_groups.graphml");
        REQUIRE(r.ok);
        const Graph& g = *r.graph;
        CHECK(g.entity_count() == 4);
        CHECK(g.relation_count() == 2);
        CHECK(g.name(*g.find("n0")) == "South Asia");  // the active realizer's label
        CHECK(g.name(*g.find("n0::n1")) == "Mumbai DC");
        relation(g, "n0::n1", "n0::n0", "");
        relation(g, "n1", "n0::n1", "");
        REQUIRE(r.diags.items().size() == 1);
        CHECK(first(r) ==
              "yed_groups.graphml:25: warning[W001]: nested graph inside node 'n0' flattened: "
              "its nodes and edges are read into the enclosing graph (so are any further "
              "nested graphs); hint: yEd writes groups this way; the group node is kept as an "
              "entity");
    }
}

TEST_CASE("graphml_reader: bad input names file and line", "[io][graphml]") {
    const std::string head = kHead;
    const std::string key = "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n";  // line 3
    CHECK(first(read("w.graphml", head + "<graph>\n<node id=\"a\"></nod>\n</graph></graphml>")) ==
          "w.graphml:4: error[E001]: XML syntax error: mismatched tag (column 16)");
    CHECK(first(read("i.graphml", head + "<graph>\n<node id=\"a\" <x/>\n")) ==
          "i.graphml:4: error[E001]: XML syntax error: not well-formed (invalid token) "
          "(column 14)");
    CHECK(first(read("t.graphml", head + "<graph>\n<node id=\"a\"/>\n")) ==
          "t.graphml:5: error[E001]: XML syntax error: no element found (column 1)");
    CHECK(
        first(read("root.xml", "<?xml version=\"1.0\"?>\n<gexf version=\"1.2\"><graph/></gexf>")) ==
        "root.xml:2: error[E001]: root element is <gexf>, not <graphml>; hint: this is not a "
        "GraphML file; pick the format with --from");
    CHECK(first(read("nid.graphml", head + "<graph>\n<node/>\n</graph></graphml>")) ==
          "nid.graphml:4: error[E005]: <node> without an id; hint: write <node id=\"...\">");
    CHECK_THAT(first(read("k.graphml", head + "<graph>\n<node id=\"a\">\n<data key=\"d9\">x"
                                              "</data></node></graph></graphml>")),
               Catch::StartsWith("k.graphml:5: error[E005]: <data> refers to undeclared key "
                                 "'d9'; hint: declare it before the <graph>"));
    CHECK(first(read("d.graphml", head + key +
                                      "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" "
                                      "target=\"b\"/>\n</graph></graphml>")) ==
          "d.graphml:6: error[E007]: edge end 'b' is not declared as a <node>; hint: declare it: "
          "<node id=\"b\"/>");
    CHECK(first(read("e.graphml", head + "<graph>\n<edge source=\"a\"/>\n</graph></graphml>")) ==
          "e.graphml:4: error[E007]: <edge> without a source or target; hint: write <edge "
          "source=\"a\" target=\"b\">");
    CHECK_THAT(first(read("h.graphml", head + "<graph>\n<node id=\"a\"/><node id=\"b\"/>\n"
                                              "<hyperedge><endpoint node=\"a\"/><endpoint "
                                              "node=\"b\"/></hyperedge>\n</graph></graphml>")),
               Catch::StartsWith("h.graphml:5: error[E005]: hyperedges are not supported"));
    CHECK(first(read("dup.graphml", head + key + key + "<graph/></graphml>")) ==
          "dup.graphml:4: error[E005]: key 't' is declared twice (first at line 3); hint: give "
          "each <key> its own id");
    CHECK(first(read("ed.graphml", head + "<graph edgedefault=\"both\"/></graphml>")) ==
          "ed.graphml:3: error[E005]: edgedefault is 'both', not 'directed' or 'undirected'");
    CHECK(first(read("nest.graphml", head + "<graph>\n<key id=\"k\"/>\n</graph></graphml>")) ==
          "nest.graphml:4: error[E005]: <key> is not allowed inside <graph>");
}

TEST_CASE("graphml_reader: every dangling edge end is reported once", "[io][graphml]") {
    auto r = read("d.graphml", std::string(kHead) +
                                   "<graph>\n<node id=\"a\"/>\n"                  // 3-4
                                   "<edge source=\"x\" target=\"a\"/>\n"          // 5
                                   "<edge source=\"x\" target=\"y\"/>\n"          // 6
                                   "<edge source=\"a\" target=\"late\"/>\n"       // 7
                                   "<node id=\"late\"/>\n</graph></graphml>\n");  // 8
    CHECK_FALSE(r.ok);
    REQUIRE(r.diags.items().size() == 2);
    CHECK(r.diags.items()[0].location.line == 5);
    CHECK(r.diags.items()[0].subject == "x");
    CHECK(r.diags.items()[1].location.line == 6);
    CHECK(r.diags.items()[1].subject == "y");
}

TEST_CASE("graphml_reader: empty, binary and non-XML files", "[io][graphml]") {
    CHECK(first(read("e.graphml", "")) ==
          "e.graphml:1: error[E003]: no graph in e.graphml (empty file); hint: a GraphML file "
          "holds <graphml><graph>...</graph></graphml>");
    CHECK_THAT(first(read("s.graphml", "\n  \n")), Catch::StartsWith("s.graphml:1: error[E003]"));
    CHECK_THAT(first(read("c.graphml", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n")),
               Catch::StartsWith("c.graphml:3: error[E003]: no graph in c.graphml"));
    CHECK_THAT(first(read("g.graphml", std::string(kHead) + "<key id=\"k\"/>\n</graphml>\n")),
               Catch::StartsWith("g.graphml:2: error[E003]: no <graph> in g.graphml"));
    CHECK(first(read("z.graphml", std::string(kHead) + std::string("<graph>\n\0</graph>", 17))) ==
          "z.graphml:4: error[E002]: not a GraphML file: NUL byte at offset 103 (binary data?)");
    CHECK_THAT(first(read("u16.graphml", "\xFF\xFE<\0g\0")),
               Catch::StartsWith("u16.graphml:1: error[E001]: UTF-16 GraphML is not supported"));
    CHECK_THAT(first(read("dot.graphml", "digraph { a -> b }\n")),
               Catch::StartsWith("dot.graphml:1: error[E001]: XML syntax error: syntax error"));
}

TEST_CASE("graphml_reader: invalid UTF-8 is replaced with a warning", "[io][graphml]") {
    auto r = read("u.graphml", std::string(kHead) +
                                   "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                                   "<graph>\n<node id=\"a\"><data key=\"l\">caf\xE9</data>"
                                   "</node>\n</graph></graphml>\n");
    REQUIRE(r.ok);
    CHECK(first(r) ==
          "u.graphml:5: warning[W002]: invalid UTF-8 replaced with U+FFFD; hint: save the file "
          "as UTF-8");
    CHECK(r.graph->name(0) == "caf\uFFFD");
    // A declared single-byte encoding is decoded instead.
    auto latin = read("l.graphml",
                      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml>"
                      "<key id=\"l\" for=\"node\" attr.name=\"label\"/><graph><node id=\"a\">"
                      "<data key=\"l\">caf\xE9</data></node></graph></graphml>\n");
    REQUIRE(latin.ok);
    CHECK(latin.diags.empty());
    CHECK(latin.graph->name(0) == "caf\u00e9");
}

TEST_CASE("graphml_reader: entities are never expanded nor loaded", "[io][graphml]") {
    SECTION("billion laughs") {
        std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!ENTITY lol \"lol\">\n";
        for (int i = 1; i <= 9; ++i) {
            bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
            for (int j = 0; j < 10; ++j)
                bomb += "&lol" + (i == 1 ? "" : std::to_string(i - 1)) + ";";
            bomb += "\">\n";
        }
        bomb += "]>\n<graphml><graph><node id=\"&lol9;\"/></graph></graphml>\n";
        auto start = std::chrono::steady_clock::now();
        auto r = read("bomb.graphml", bomb);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
        CHECK_FALSE(r.ok);
        REQUIRE(r.diags.items().size() == 1);
        CHECK(first(r) ==
              "bomb.graphml:3: error[E001]: entity declarations are not allowed (XML entity "
              "expansion is refused): entity 'lol'; hint: remove the <!DOCTYPE> internal subset; "
              "GraphML needs no entities");
    }
    SECTION("external entity") {
        auto r = read("xxe.graphml",
                      "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n"
                      "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                      "<graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/><graph>"
                      "<node id=\"a\"><data key=\"l\">&xxe;</data></node></graph></graphml>\n");
        CHECK_FALSE(r.ok);
        CHECK(first(r) ==
              "xxe.graphml:3: error[E001]: entity declarations are not allowed (external "
              "entities are never loaded): entity 'xxe' refers to 'file:///etc/passwd'; hint: "
              "remove the <!DOCTYPE> internal subset; GraphML needs no entities");
    }
    SECTION("parameter entity") {
        auto r = read("pe.graphml",
                      "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n"
                      "<!ENTITY % ext SYSTEM \"http://example.com/evil.dtd\"> %ext;\n]>\n"
                      "<graphml><graph/></graphml>\n");
        CHECK_FALSE(r.ok);
        CHECK_THAT(first(r), Catch::StartsWith("pe.graphml:3: error[E001]: entity declarations "
                                               "are not allowed"));
    }
    SECTION("an external DTD is not read, and undefined entities are refused") {
        auto r = read("dtd.graphml",
                      "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM "
                      "\"file:///etc/passwd\">\n<graphml><graph><node id=\"&x;\"/></graph>"
                      "</graphml>\n");
        CHECK_FALSE(r.ok);
        CHECK_THAT(first(r), Catch::StartsWith("dtd.graphml:3: error[E001]: reference to "
                                               "undefined entity '&x;'"));
        // The GraphML 1.0 DTD line itself is fine.
        auto old = read("old.graphml",
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM "
                        "\"http://graphml.graphdrawing.org/dtds/graphml.dtd\">\n"
                        "<graphml><graph><node id=\"a&amp;b\"/></graph></graphml>\n");
        REQUIRE(old.ok);
        CHECK(old.graph->id(0) == "a&b");
    }
    SECTION("character references are fine") {
        auto r = read("ok.graphml",
                      "<graphml><graph><node id=\"caf&#233;&#x2013;&amp;\"/></graph></graphml>");
        REQUIRE(r.ok);
        CHECK(r.graph->id(0) == "caf\u00e9\u2013&");
    }
}

TEST_CASE("graphml_reader: deep nesting is refused", "[io][graphml]") {
    std::string deep = "<graphml><graph><node id=\"a\"><data key=\"k\">\n";
    for (int i = 0; i < 20000; ++i) deep += "<x>";
    auto r = read("deep.graphml", "<graphml><key id=\"k\" for=\"node\"/>" + deep.substr(9));
    CHECK_FALSE(r.ok);
    CHECK(first(r) ==
          "deep.graphml:2: error[E001]: elements nested more than 10000 deep; hint: a GraphML "
          "graph is a flat list of nodes and edges");
    // Deep enough for real files: a thousand levels of yEd groups.
    std::string groups = "<graphml>";
    for (int i = 0; i < 1000; ++i) groups += "<graph><node id=\"n" + std::to_string(i) + "\">";
    for (int i = 0; i < 1000; ++i) groups += "</node></graph>";
    auto ok = read("groups.graphml", groups + "</graphml>");
    REQUIRE(ok.ok);
    CHECK(ok.graph->entity_count() == 1000);
    // A graph inside an edge, or inside a node without an id, is flattened too.
    auto odd = read("odd.graphml",
                    "<graphml><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><graph>"
                    "<node id=\"b\"/></graph></edge>\n<node><graph><node id=\"c\"/></graph>"
                    "</node></graph></graphml>");
    CHECK_FALSE(odd.ok);  // the node without an id
    REQUIRE(odd.diags.items().size() == 2);
    CHECK(format_diagnostic(odd.diags.items()[0]) ==
          "odd.graphml:2: warning[W001]: nested graph inside an <edge> flattened: its nodes and "
          "edges are read into the enclosing graph (so are any further nested graphs); hint: yEd "
          "writes groups this way; the group node is kept as an entity");
    CHECK_THAT(format_diagnostic(odd.diags.items()[1]),
               Catch::StartsWith("odd.graphml:3: error[E005]: <node> without an id"));
}

TEST_CASE("graphml_reader: files merge by id like the other readers", "[io][graphml]") {
    const std::string key =
        std::string(kHead) + "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n";
    auto r = read({{"a.graphml", key + "<graph><node id=\"x\"><data key=\"t\">SI</data></node>"
                                       "</graph></graphml>"},
                   {"b.graphml", key + "<graph edgedefault=\"undirected\">\n<node id=\"x\"><data "
                                       "key=\"t\">ISV</data></node>\n</graph></graphml>"}});
    CHECK_FALSE(r.ok);
    REQUIRE(r.diags.items().size() == 2);
    CHECK(format_diagnostic(r.diags.items()[0]) ==
          "b.graphml:4: warning[W003]: undirected graph merged into a directed one: its edges "
          "are read as relations in the direction written");
    CHECK(format_diagnostic(r.diags.items()[1]) ==
          "b.graphml:5: error[E301]: entity 'x' is declared as 'ISV' here but as 'SI' before; "
          "hint: give each id one type");
}
