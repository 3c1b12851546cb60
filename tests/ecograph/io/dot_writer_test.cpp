#include "ecograph/io/dot_writer.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/io/dot_reader.hpp"

using namespace ecograph;

namespace {

Graph read(const std::string& text) {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot(text, "w.gv", b, d));
    return std::move(b).build();
}

std::string write(const Graph& g) {
    std::ostringstream out;
    write_dot(g, out);
    return out.str();
}

}  // namespace

TEST_CASE("dot_writer: sorted, typed, quoted output", "[io][dot]") {
    Graph g = read(R"(digraph eco {
  z [type=SI, label="Zed \"Z\""];
  a [type=CloudProvider, founded=2009];
  z -> a [type=partners_with, areas="sales,delivery"];
})");
    CHECK(write(g) ==
          "digraph \"eco\" {\n"
          "    \"a\" [type=\"CloudProvider\", founded=\"2009\"];\n"
          "    \"z\" [type=\"SI\", label=\"Zed \\\"Z\\\"\"];\n"
          "    \"z\" -> \"a\" [type=\"partners_with\", areas=\"sales,delivery\"];\n"
          "}\n");
}

TEST_CASE("dot_writer: long values are chunked and read back", "[io][dot]") {
    std::string value;
    for (int i = 0; i < 3000; ++i) value += "\xE2\x82\xAC\"";  // euro sign and quote
    std::string quoted = dot_quote(value);
    CHECK(quoted.find("\" + \"") != std::string::npos);
    Graph g = read("digraph { a [label=" + quoted + "] }");
    CHECK(g.name(0) == value);
}

TEST_CASE("dot_writer: round trip DOT -> model -> DOT is a fixpoint", "[io][dot]") {
    std::string text = read_file(ECOGRAPH_SOURCE_DIR "/graphs/alibaba-cloud.gv");
    Graph g1 = read(text);
    std::string once = write(g1);
    Graph g2 = read(once);
    CHECK(write(g2) == once);
    REQUIRE(g2.entity_count() == g1.entity_count());
    REQUIRE(g2.relation_count() == g1.relation_count());
    for (EntityIndex v = 0; v < g1.entity_count(); ++v) {
        auto w = g2.find(g1.id(v));
        REQUIRE(w);
        CHECK(g2.entity_type_name(*w) == g1.entity_type_name(v));
        CHECK(g2.entity_attributes().all(*w) == g1.entity_attributes().all(v));
    }
}

TEST_CASE("dot_writer: undirected graphs stay undirected", "[io][dot]") {
    Graph g = read("graph u { a -- b }");
    CHECK(write(g) == "graph \"u\" {\n    \"a\";\n    \"b\";\n    \"a\" -- \"b\";\n}\n");
}
