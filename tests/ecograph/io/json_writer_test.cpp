#include "ecograph/io/json_writer.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/io/dot_reader.hpp"
#include "ecograph/io/json_reader.hpp"
#include "round_trip.hpp"

using namespace ecograph;
using testing::read_dot_text;
using testing::require_same;

namespace {

Graph read_json_text(const std::string& text, const std::string& origin = "w.json") {
    GraphBuilder b;
    Diagnostics d;
    bool ok = read_json(text, origin, b, d);
    INFO((d.empty() ? "" : format_diagnostic(d.items().front())));
    REQUIRE(ok);
    CHECK(d.empty());
    return std::move(b).build();
}

std::string write(const Graph& g, const Schema& schema = Schema::builtin()) {
    std::ostringstream out;
    write_json(g, schema, out);
    return out.str();
}

}  // namespace

TEST_CASE("json_writer: sorted, typed, escaped output", "[io][json]") {
    Graph g = read_dot_text(R"(digraph eco {
  label="Eco \"system\"";
  z [type=SI, label="Zed", employees=300000, public=true, founded=1981];
  a [type=Programme, amount_usd=283000000, target_count="+5", note="tab	and \"q\""];
  z -> a [type=funds, amount_usd=0.25, source="article, p. 2", since=2019];
  a -> z;
})");
    CHECK(write(g) ==
          "{\n"
          "  \"directed\": true,\n"
          "  \"multigraph\": true,\n"
          "  \"graph\": {\"name\": \"eco\", \"label\": \"Eco \\\"system\\\"\"},\n"
          "  \"nodes\": [\n"
          "    {\"id\": \"a\", \"type\": \"Programme\", \"amount_usd\": 283000000, \"note\": "
          "\"tab\\tand \\\"q\\\"\", \"target_count\": \"+5\"},\n"
          "    {\"id\": \"z\", \"type\": \"SI\", \"label\": \"Zed\", \"employees\": 300000, "
          "\"founded\": \"1981\", \"public\": true}\n"
          "  ],\n"
          "  \"links\": [\n"
          "    {\"source\": \"a\", \"target\": \"z\"},\n"
          "    {\"source\": \"z\", \"target\": \"a\", \"type\": \"funds\", \"amount_usd\": 0.25, "
          "\"since\": \"2019\", \"_source\": \"article, p. 2\"}\n"
          "  ]\n"
          "}\n");
}

TEST_CASE("json_writer: numbers keep their text only when JSON can", "[io][json]") {
    // A schema-typed number that is not JSON number syntax is written as a string.
    Graph g = read_dot_text(R"(digraph {
  p [type=Programme, amount_usd="2.5e8"];
  q [type=Programme, amount_usd="007"];
  r [type=Programme, amount_usd="1."];
})");
    std::string out = write(g);
    CHECK(out.find("{\"id\": \"p\", \"type\": \"Programme\", \"amount_usd\": 2.5e8}") !=
          std::string::npos);
    CHECK(out.find("\"amount_usd\": \"007\"") != std::string::npos);
    CHECK(out.find("\"amount_usd\": \"1.\"") != std::string::npos);
    require_same(g, read_json_text(out));
}

TEST_CASE("json_writer: empty graph and undirected graph", "[io][json]") {
    CHECK(write(read_dot_text("graph {}")) ==
          "{\n  \"directed\": false,\n  \"multigraph\": true,\n  \"graph\": {},\n"
          "  \"nodes\": [],\n  \"links\": []\n}\n");
    Graph g = read_dot_text("graph u { a -- b; b -- a; }");
    require_same(g, read_json_text(write(g)));
}

TEST_CASE("json_writer: clashing attribute names are escaped and read back", "[io][json]") {
    Graph g = read_json_text(R"({"directed": true, "nodes": [
      {"id": "a", "_id": "x", "__type": "y", "key": "node keys are plain"},
      {"id": "b"}],
     "links": [{"source": "a", "target": "b", "_source": "s", "_target": "t", "_key": "k",
                "__source": "deeper", "label": "L"}]})");
    CHECK(*g.entity_attr(*g.find("a"), "id") == "x");
    CHECK(*g.relation_attr(0, "source") == "s");
    CHECK(*g.relation_attr(0, "_source") == "deeper");
    std::string out = write(g);
    CHECK(out.find("{\"id\": \"a\", \"__type\": \"y\", \"_id\": \"x\", \"key\": \"node keys are "
                   "plain\"}") != std::string::npos);
    CHECK(out.find("{\"source\": \"a\", \"target\": \"b\", \"label\": \"L\", \"__source\": "
                   "\"deeper\", \"_key\": \"k\", \"_source\": \"s\", \"_target\": \"t\"}") !=
          std::string::npos);
    require_same(g, read_json_text(out));
}

TEST_CASE("json_writer: bundled graph and fixtures round trip", "[io][json]") {
    SECTION("graphs/alibaba-cloud.gv") {
        std::string path = std::string(ECOGRAPH_SOURCE_DIR) + "/graphs/alibaba-cloud.gv";
        GraphBuilder b;
        Diagnostics d;
        REQUIRE(read_dot(read_file(path), path, b, d));
        Graph g = std::move(b).build();
        REQUIRE(g.relation_count() > 30);
        std::string out = write(g);
        CHECK(out == write(g));  // deterministic
        Graph back = read_json_text(out);
        require_same(g, back);
        CHECK(write(back) == out);  // and a fixed point
    }
    for (const char* name : {"karate.json", "ecosystem.json", "multi_directed.json"}) {
        SECTION(name) {
            std::string path =
                std::string(ECOGRAPH_SOURCE_DIR) + "/tests/fixtures/formats/json/" + name;
            Graph g = read_json_text(read_file(path), name);
            std::string out = write(g);
            Graph back = read_json_text(out);
            require_same(g, back);
            CHECK(write(back) == out);
        }
    }
}
