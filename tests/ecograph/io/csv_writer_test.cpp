#include "ecograph/io/csv_writer.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "ecograph/io/csv_reader.hpp"
#include "ecograph/io/dot_reader.hpp"
#include "ecograph/io/dot_writer.hpp"
#include "round_trip.hpp"

using namespace ecograph;
using testing::read_dot_text;

namespace {

std::pair<std::string, std::string> write(const Graph& g) {
    std::ostringstream e, r;
    write_csv(g, Schema::builtin(), e, r);
    return {e.str(), r.str()};
}

std::string dot_of(const Graph& g) {
    std::ostringstream out;
    write_dot(g, out);
    return out.str();
}

}  // namespace

TEST_CASE("csv_writer: Neo4j headers typed by the schema", "[io][csv]") {
    Graph g = read_dot_text(R"(digraph eco {
  z [type=SI, label="Zed, \"Z\"", employees=300000, to="zed-legal"];
  a [type=CloudProvider, description="two
lines"];
  z -> a [type=partners_with, strategic=true, source="quote"];
})");
    auto [entities, relations] = write(g);
    CHECK(entities ==
          "id:ID,:LABEL,label,description,employees:int,to:string\n"
          "a,CloudProvider,,\"two\nlines\",,\n"
          "z,SI,\"Zed, \"\"Z\"\"\",,300000,zed-legal\n");
    CHECK(relations ==
          ":START_ID,:END_ID,:TYPE,source:string,strategic:boolean\n"
          "z,a,partners_with,quote,true\n");
}

TEST_CASE("csv_writer: reading the tables back gives the same graph", "[io][csv]") {
    Graph g = read_dot_text(R"(digraph eco {
  infosys [type=SI, label=Infosys, from="Infosys Ltd", id="L22", founded=1981];
  acme [type=ISV];
  infosys -> acme [type=partners_with, since=2019, target=x];
  infosys -> acme [type=partners_with];
})");
    auto [entities, relations] = write(g);
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_csv(entities, "e.csv", b, d));
    REQUIRE(read_csv(relations, "r.csv", b, d));
    Graph back = std::move(b).build();
    // Only the graph's name is lost: CSV has no place for it.
    CHECK(dot_of(back) ==
          dot_of(read_dot_text("digraph \"\" {" + dot_of(g).substr(dot_of(g).find('\n')))));
}

TEST_CASE("csv_writer: output paths", "[io][csv]") {
    CHECK(csv_output_paths("out/eco.csv") ==
          std::pair<std::string, std::string>{"out/eco.entities.csv", "out/eco.relations.csv"});
    CHECK(csv_output_paths("eco") ==
          std::pair<std::string, std::string>{"eco.entities.csv", "eco.relations.csv"});
}
