#include "ecograph/io/json_reader.hpp"

#include <catch2/catch.hpp>

#include "ecograph/core/atomic_file.hpp"
#include "read_helper.hpp"

using namespace ecograph;
using namespace ecograph::testing;

namespace {

Read read(const std::vector<std::pair<std::string, std::string>>& files) {
    return read_with([](std::string_view text, const std::string& name, GraphBuilder& b,
                        Diagnostics& d) { return read_json(text, name, b, d); },
                     files);
}
Read read(const std::string& text) { return read({{"g.json", text}}); }

Read fixture(const std::string& name) {
    std::string path = std::string(ECOGRAPH_SOURCE_DIR) + "/tests/fixtures/formats/json/" + name;
    return read({{name, read_file(path)}});
}

std::string attr(const Graph& g, std::string_view id, std::string_view key) {
    auto v = g.find(id);
    REQUIRE(v);
    const std::string* value = g.entity_attr(*v, key);
    return value ? *value : "<none>";
}

std::string rel_attr(const Graph& g, RelationIndex r, std::string_view key) {
    const std::string* value = g.relation_attr(r, key);
    return value ? *value : "<none>";
}

/// The relation from `s` to `t` (the first, if parallel).
RelationIndex rel(const Graph& g, std::string_view s, std::string_view t) {
    auto v = g.find(s);
    REQUIRE(v);
    for (RelationIndex r = g.out_begin(*v); r < g.out_end(*v); ++r)
        if (g.id(g.target(r)) == t) return r;
    FAIL("no relation " << s << " -> " << t);
    return 0;
}

}  // namespace

TEST_CASE("json_reader: hand-written node-link data", "[io][json]") {
    auto r = read(R"({
  "directed": true,
  "graph": {"name": "eco", "label": "An ecosystem", "colour": "blue"},
  "nodes": [
    {"id": "infosys", "type": "SI", "label": "Infosys", "founded": 1981},
    {"id": "acme", "type": "ISV", "share": 0.25, "listed": false, "notes": null,
     "areas": ["sales", "delivery"], "hq": {"city": "Pune", "n": [1, 2.50]}},
    {"id": 7, "big": 18446744073709551615, "huge": 18446744073709551616e0, "neg": -3, "empty": ""}
  ],
  "links": [
    {"source": "infosys", "target": "acme", "type": "partners_with", "since": "2019",
     "tiers": ["gold", "a,b"], "none": []},
    {"target": 7, "source": "acme", "key": 0, "_source": "article", "__key": "k"}
  ]
})");
    INFO(first(r));
    REQUIRE(r.ok);
    CHECK(r.diags.empty());
    const Graph& g = *r.graph;
    CHECK(g.entity_count() == 3);
    CHECK(g.relation_count() == 2);
    CHECK(g.directed());
    CHECK(g.graph_name() == "eco");
    CHECK(g.title() == "An ecosystem");
    CHECK(g.entity_type_name(*g.find("infosys")) == "SI");
    CHECK(g.name(*g.find("infosys")) == "Infosys");
    CHECK(attr(g, "infosys", "founded") == "1981");
    CHECK(attr(g, "acme", "share") == "0.25");
    CHECK(attr(g, "acme", "listed") == "false");
    CHECK(attr(g, "acme", "notes") == "<none>");  // null: no value
    CHECK(attr(g, "acme", "areas") == "sales,delivery");
    CHECK(attr(g, "acme", "hq") == R"({"city":"Pune","n":[1,2.50]})");
    CHECK(g.entity_type_name(*g.find("7")) == "");  // numeric id read as its text
    CHECK(attr(g, "7", "big") == "18446744073709551615");
    CHECK(attr(g, "7", "huge") == "18446744073709551616e0");  // the number as written
    CHECK(attr(g, "7", "neg") == "-3");
    CHECK(attr(g, "7", "empty") == "");
    RelationIndex p = rel(g, "infosys", "acme");
    CHECK(g.relation_type_name(p) == "partners_with");
    CHECK(rel_attr(g, p, "since") == "2019");
    CHECK(rel_attr(g, p, "tiers") == R"(["gold","a,b"])");  // an item with a comma: JSON
    CHECK(rel_attr(g, p, "none") == "<none>");
    RelationIndex q = rel(g, "acme", "7");
    CHECK(g.relation_type_name(q) == "");
    CHECK(rel_attr(g, q, "key") == "<none>");      // the multigraph key is not an attribute
    CHECK(rel_attr(g, q, "_key") == "k");          // one '_' taken off a clashing name
    CHECK(rel_attr(g, q, "source") == "article");  // the writer's escape of a clashing name
    CHECK(g.relation_attributes().keys().size() == 4);
    CHECK(g.entity_location(*g.find("acme")).line == 6);
    CHECK(g.entity_location(*g.find("acme")).file == "g.json");
    CHECK(g.relation_location(q).line == 13);
}

TEST_CASE("json_reader: defaults, links before nodes, merging files", "[io][json]") {
    SECTION("directed defaults to false as in node_link_graph") {
        auto r = read(
            R"({"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]})");
        REQUIRE(r.ok);
        CHECK_FALSE(r.graph->directed());
        CHECK(r.graph->graph_name().empty());
    }
    SECTION("no links at all") {
        auto r = read(R"({"nodes": [{"id": "a"}]})");
        REQUIRE(r.ok);
        CHECK(r.graph->relation_count() == 0);
    }
    SECTION("links may come before the nodes") {
        auto r = read(
            "{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"type\": \"t\"}],\n"
            "\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"directed\": true}");
        REQUIRE(r.ok);
        CHECK(r.graph->relation_count() == 1);
        CHECK(r.graph->relation_location(0).line == 1);
        CHECK(r.graph->directed());
    }
    SECTION("files merge by id, the first sets directed, a conflicting type is E301") {
        auto r = read({{"a.json", R"({"directed": true, "nodes": [{"id": "x", "type": "SI"}]})"},
                       {"b.json", "{\"nodes\": [\n{\"id\": \"x\", \"type\": \"ISV\"}]}"}});
        CHECK(r.ok);
        CHECK(r.diags.items().size() == 2);
        CHECK(format_diagnostic(r.diags.items()[0]) ==
              "b.json:2: error[E301]: entity 'x' is declared as 'ISV' here but as 'SI' before; "
              "hint: give each id one type");
        CHECK(r.diags.items()[1].code == "W003");
    }
    SECTION("invalid UTF-8 is replaced with a warning") {
        auto r = read("{\"nodes\": [{\"id\": \"a\", \"label\": \"caf\xe9\"}]}");
        REQUIRE(r.ok);
        CHECK(first(r) ==
              "g.json: warning[W002]: invalid UTF-8 replaced with U+FFFD; hint: save "
              "the file as UTF-8");
        CHECK(r.graph->name(0) == "caf\xEF\xBF\xBD");
    }
}

TEST_CASE("json_reader: NetworkX-written fixtures", "[io][json]") {
    SECTION("karate club: integer ids, undirected, graph name") {
        auto r = fixture("karate.json");
        REQUIRE(r.ok);
        const Graph& g = *r.graph;
        CHECK(g.entity_count() == 34);
        CHECK(g.relation_count() == 78);
        CHECK_FALSE(g.directed());
        CHECK(g.graph_name() == "Zachary's Karate Club");
        CHECK(attr(g, "0", "club") == "Mr. Hi");
        CHECK(attr(g, "33", "club") == "Officer");
        CHECK(rel_attr(g, rel(g, "0", "1"), "weight") == "4");
        CHECK(g.entity_location(*g.find("0")).line == 8);
    }
    SECTION("typed ecosystem: numbers, booleans, None, lists, objects") {
        auto r = fixture("ecosystem.json");
        REQUIRE(r.ok);
        const Graph& g = *r.graph;
        CHECK(g.directed());
        CHECK(g.graph_name() == "mini");
        CHECK(g.title() == "A mini ecosystem");
        CHECK(g.entity_count() == 4);
        CHECK(g.relation_count() == 3);
        CHECK(g.entity_type_name(*g.find("alibaba-cloud")) == "CloudProvider");
        CHECK(g.name(*g.find("alibaba-cloud")) == "Alibaba Cloud");
        CHECK(attr(g, "alibaba-cloud", "founded") == "2009");
        CHECK(attr(g, "alibaba-cloud", "share") == "0.25");
        CHECK(attr(g, "alibaba-cloud", "listed") == "true");
        CHECK(attr(g, "alibaba-cloud", "notes") == "<none>");
        CHECK(attr(g, "alibaba-cloud", "areas") == "sales,delivery");
        CHECK(attr(g, "infosys", "hq") == R"({"city":"Bengaluru","country":"IN"})");
        CHECK(attr(g, "programme", "amount_usd") == "283000000");
        CHECK(attr(g, "programme", "big") == "1e+20");
        RelationIndex funds = rel(g, "alibaba-cloud", "programme");
        CHECK(g.relation_type_name(funds) == "funds");
        CHECK(rel_attr(g, funds, "amount_usd") == "283000000.0");
        RelationIndex p = rel(g, "infosys", "alibaba-cloud");
        CHECK(rel_attr(g, p, "since") == "2024");
        CHECK(rel_attr(g, p, "strategic") == "true");
        CHECK(g.entity_location(*g.find("infosys")).line == 22);
        CHECK(g.relation_location(rel(g, "alibaba-cloud", "india")).line == 47);
    }
    SECTION("directed multigraph under \"links\" and under \"edges\"") {
        for (const char* name : {"multi_directed.json", "multi_directed_edges.json"}) {
            INFO(name);
            auto r = fixture(name);
            REQUIRE(r.ok);
            const Graph& g = *r.graph;
            CHECK(g.directed());
            CHECK(g.entity_count() == 3);
            REQUIRE(g.relation_count() == 4);
            CHECK(g.out_degree(*g.find("1")) == 2);  // parallel links kept apart
            CHECK(rel_attr(g, rel(g, "1", "2"), "tier") == "gold");
            CHECK(g.relation_type_name(rel(g, "3", "3")) == "manages");                 // self-loop
            CHECK(g.relation_attributes().keys() == std::vector<std::string>{"tier"});  // no key
            CHECK(g.relation_location(rel(g, "2", "3")).line == 31);
        }
    }
}

TEST_CASE("json_reader: bad input names file, line and column", "[io][json]") {
    CHECK(first(read("{\n  \"nodes\": [\n    {\"id\": \"a\",}\n  ]\n}")) ==
          "g.json:3: error[E001]: invalid JSON: syntax error while parsing object key - "
          "unexpected '}'; expected string literal (line 3, column 16); hint: check the file "
          "with a JSON validator (python3 -m json.tool FILE)");
    CHECK(first(read("[1, 2]")) ==
          "g.json:1: error[E005]: expected a JSON object with \"nodes\" and \"links\", found an "
          "array (line 1, column 1); hint: node-link data is {\"directed\": ..., \"nodes\": "
          "[...], \"links\": [...]}");
    CHECK(first(read("\n\n  \"text\"")) ==
          "g.json:3: error[E005]: expected a JSON object with \"nodes\" and \"links\", found a "
          "string (line 3, column 8); hint: node-link data is {\"directed\": ..., \"nodes\": "
          "[...], \"links\": [...]}");
    CHECK(first(read("{\"directed\": true,\n \"nodes\": {\"a\": 1}}")) ==
          "g.json:2: error[E005]: \"nodes\" must be an array of objects, found an object (line "
          "2, column 11); hint: each node is {\"id\": ..., \"type\": ..., ...}");
    CHECK(first(read("{\"nodes\": [{\"id\": \"a\"},\n\n   \"b\"]}")) ==
          "g.json:3: error[E005]: \"nodes\" must be an array of objects, found a string (line "
          "3, column 6); hint: each node is {\"id\": ..., \"type\": ..., ...}");
    CHECK(first(read("{\"nodes\": [],\n \"edges\": [\n  7\n]}")) ==
          "g.json:3: error[E005]: \"edges\" must be an array of objects, found a number (line "
          "3, column 3); hint: each link is {\"source\": ..., \"target\": ..., \"type\": ...}");
    CHECK(first(read("{\"nodes\": [{\"id\": \"a\"},\n  {\"type\": \"SI\"}]}")) ==
          "g.json:2: error[E007]: node without an \"id\"; hint: each node is {\"id\": ..., "
          "\"type\": ..., ...}");
    CHECK(first(read("{\"nodes\": [\n{\"id\": \"\"}]}")) ==
          "g.json:2: error[E007]: node with an empty \"id\"; hint: each node is {\"id\": ..., "
          "\"type\": ..., ...}");
    CHECK(first(read("{\"nodes\": [{\"id\": \"a\"}], \"links\": [\n{\"target\": \"a\"}]}")) ==
          "g.json:2: error[E007]: link without a \"source\"; hint: each link is {\"source\": "
          "..., \"target\": ..., \"type\": ...}");
    CHECK(first(read("{\"nodes\": [{\"id\": \"a\"}],\n\"links\": [\n{\"source\": \"a\", "
                     "\"target\": \"ghost\"}]}")) ==
          "g.json:3: error[E007]: link target 'ghost' is not in \"nodes\"; hint: list every "
          "node the links use in \"nodes\"");
    CHECK(first(read("{\"nodes\": [], \"links\": [],\n \"edges\": []}")) ==
          "g.json:2: error[E005]: both \"links\" and \"edges\" are present: which holds the "
          "relations? (line 2, column 11); hint: keep one: NetworkX 2.x writes \"links\", 3.4 "
          "and later \"edges\"");
    CHECK(first(read({{"bin.json", std::string("{\"nodes\":\n[]}\0", 14)}})) ==
          "bin.json:2: error[E002]: not a JSON file: NUL byte at offset 13 (binary data?)");
    CHECK(first(read({{"empty.json", " \n\t"}})) ==
          "empty.json: error[E003]: no JSON in empty.json (empty file?); hint: node-link data is "
          "{\"directed\": ..., \"nodes\": [...], \"links\": [...]}");
    CHECK(first(read("{\"links\": []}")) ==
          "g.json: error[E003]: no \"nodes\" in g.json: not NetworkX node-link data; hint: "
          "node-link data is {\"directed\": ..., \"nodes\": [...], \"links\": [...]}");
    CHECK(first(read("{\"directed\": \"yes\", \"nodes\": []}")) ==
          "g.json:1: error[E005]: \"directed\" must be true or false, found a string (line 1, "
          "column 18)");
}

TEST_CASE("json_reader: every node and link problem is reported", "[io][json]") {
    auto r = read(
        "{\"nodes\": [{\"id\": \"a\"},\n{\"label\": \"x\"}],\n\"links\": [{\"source\": \"a\", "
        "\"target\": \"b\"},\n{\"source\": \"c\", \"target\": \"a\"},\n{\"source\": \"a\", "
        "\"target\": \"a\"}]}");
    CHECK_FALSE(r.ok);
    REQUIRE(r.diags.items().size() == 3);
    CHECK(r.diags.items()[0].location.line == 2);
    CHECK(r.diags.items()[1].location.line == 3);
    CHECK(r.diags.items()[2].location.line == 4);
    CHECK(r.diags.items()[2].subject == "c");
}

TEST_CASE("json_reader: truncated and hostile input", "[io][json]") {
    SECTION("truncated: points past the last character") {
        CHECK(first(read("{\"nodes\": [{\"id\": \"a\"},\n  {\"id\": \"b\"\n\n")) ==
              "g.json:2: error[E001]: invalid JSON: syntax error while parsing object - "
              "unexpected end of input; expected '}' (line 2, column 13); hint: check the file "
              "with a JSON validator (python3 -m json.tool FILE)");
    }
    SECTION("a megabyte of [[[[ stops at the first bracket") {
        auto r = read(std::string(1 << 20, '['));
        CHECK_FALSE(r.ok);
        CHECK(r.diags.items().front().code == "E005");
    }
    SECTION("a megabyte of [[[[ in an ignored value stops at depth 1000") {
        auto r = read("{\"x\": " + std::string(1 << 20, '['));
        CHECK_FALSE(r.ok);
        CHECK(first(r) ==
              "g.json:1: error[E001]: JSON nested more than 1000 deep (line 1, column 1006); "
              "hint: node-link data nests four levels; this is not a graph file");
    }
    SECTION("deep nesting inside an attribute value") {
        std::string deep = "{\"nodes\": [{\"id\": \"a\", \"x\":\n" + std::string(5000, '[');
        auto r = read(deep);
        CHECK_FALSE(r.ok);
        CHECK(r.diags.items().front().code == "E001");
        CHECK(r.diags.items().front().location.line == 2);
    }
    SECTION("nesting within the limit is kept as JSON text") {
        auto r = read("{\"nodes\": [{\"id\": \"a\", \"x\": " + std::string(900, '[') +
                      std::string(900, ']') + "}]}");
        REQUIRE(r.ok);
        CHECK(attr(*r.graph, "a", "x").size() == 1800);
    }
    SECTION("a number past the double range") {
        CHECK(first(read("{\"nodes\": [{\"id\": \"a\", \"x\": 1e400}]}")) ==
              "g.json:1: error[E001]: invalid JSON: number overflow parsing '1e400' (line 1, "
              "column 33); hint: check the file with a JSON validator (python3 -m json.tool "
              "FILE)");
    }
    SECTION("NaN (Python's json extension) is not JSON") {
        auto r = read("{\"nodes\": [{\"id\": \"a\", \"x\": NaN}]}");
        CHECK_FALSE(r.ok);
        CHECK(r.diags.items().front().code == "E001");
    }
}
