#include "ecograph/io/dot_reader.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "ecograph/io/dot_scan.hpp"

using namespace ecograph;

namespace {

struct Read {
    bool ok;
    Diagnostics diags;
    std::optional<Graph> graph;
};

Read read(const std::string& text, const std::string& origin = "t.gv") {
    GraphBuilder b;
    Read r;
    r.ok = read_dot(text, origin, b, r.diags);
    if (r.ok) r.graph = std::move(b).build();
    return r;
}

std::string first_message(const Read& r) {
    return r.diags.empty() ? "" : format_diagnostic(r.diags.items().front());
}

}  // namespace

TEST_CASE("dot_reader: types, labels and attributes", "[io][dot]") {
    auto r = read(R"(digraph eco {
  "alibaba-cloud" [type="CloudProvider", label="Alibaba Cloud"];
  infosys [type=SI, name="Infosys", founded=1981];
  infosys -> "alibaba-cloud" [type=partners_with, areas="sales,delivery"];
})");
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    REQUIRE(g.entity_count() == 2);
    REQUIRE(g.relation_count() == 1);
    auto infosys = *g.find("infosys");
    CHECK(g.entity_type_name(infosys) == "SI");
    CHECK(g.name(infosys) == "Infosys");  // `name` is a synonym of `label`
    CHECK(*g.entity_attr(infosys, "founded") == "1981");
    CHECK(g.relation_type_name(0) == "partners_with");
    CHECK(*g.relation_attr(0, "areas") == "sales,delivery");
    CHECK(g.graph_name() == "eco");
    CHECK(g.directed());
}

TEST_CASE("dot_reader: node and edge lines are found although cgraph gives none", "[io][dot]") {
    auto r =
        read("digraph {\n  a [type=SI];\n  b [label=\"multi\nline\"];\n\n  a -> b;\n  b -> a\n}\n");
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    CHECK(g.entity_location(*g.find("a")).line == 2);
    CHECK(g.entity_location(*g.find("b")).line == 3);
    // Relations are sorted by source: a -> b first.
    CHECK(g.relation_location(0).line == 6);
    CHECK(g.relation_location(1).line == 7);
}

TEST_CASE("dot_reader: subgraphs, clusters and node defaults", "[io][dot]") {
    auto r = read(R"(digraph {
  subgraph cluster_regions { node [type=Region]; india; china }
  { rank=same; x [type=SI] }
  x -> india [type=operates_in];
})");
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    CHECK(g.entity_count() == 3);
    CHECK(g.entity_type_name(*g.find("india")) == "Region");
    CHECK(g.entity_type_name(*g.find("x")) == "SI");
}

TEST_CASE("dot_reader: syntax errors never give a partial graph", "[io][dot]") {
    auto r = read("digraph {\n  a -> b;\n  c -> ;\n}\n");
    CHECK_FALSE(r.ok);
    CHECK(first_message(r) == "t.gv:3: error[E001]: syntax error near ';'");
}

TEST_CASE("dot_reader: line numbers restart for every file", "[io][dot]") {
    read("digraph {\n\n\n a -> ; }\n", "first.gv");
    auto r = read("digraph { a -> ; }\n", "second.gv");
    CHECK(first_message(r) == "second.gv:1: error[E001]: syntax error near ';'");
}

TEST_CASE("dot_reader: empty and comment-only files hold no graph", "[io][dot]") {
    for (std::string text : {"", "   \n", "/* nothing */\n// here\n"}) {
        auto r = read(text, "empty.gv");
        CHECK_FALSE(r.ok);
        CHECK(first_message(r) ==
              "empty.gv: error[E003]: no graph in empty.gv (empty, or only comments); hint: a DOT "
              "file holds `digraph NAME { ... }`");
    }
}

TEST_CASE("dot_reader: binary data is refused", "[io][dot]") {
    auto r = read(std::string("digraph {\n a \0 b }", 18), "bin.gv");
    CHECK_FALSE(r.ok);
    CHECK(first_message(r) ==
          "bin.gv:2: error[E002]: not a DOT file: NUL byte at offset 13 (binary data?)");
}

TEST_CASE("dot_reader: long edge chains are explained", "[io][dot]") {
    std::string text = "digraph {\n n0";
    for (int i = 1; i < 3000; ++i) text += " -> n" + std::to_string(i);
    text += "\n}\n";
    auto r = read(text, "chain.gv");
    CHECK_FALSE(r.ok);
    CHECK(first_message(r) ==
          "chain.gv:2: error[E001]: edge chain of 3000 nodes is longer than Graphviz's DOT parser "
          "can take (cgraph fails from about 2,500); hint: split the chain into several edge "
          "statements (a -> b -> c; c -> d -> e)");
}

TEST_CASE("dot_reader: long strings load fast and exactly", "[io][dot]") {
    std::string big(1 << 20, 'x');
    big[100] = '\n';
    SECTION("one quoted string over 16 KiB") {
        auto r = read("digraph {\n a [label=\"" + big + "\"];\n b -> a\n}\n");
        REQUIRE(r.ok);
        CHECK(r.graph->name(*r.graph->find("a")) == big);
        CHECK(r.graph->relation_location(0).line == 4);  // the newline inside still counts
    }
    SECTION("concatenated chunks") {
        auto r = read("digraph { a [label=\"" + big.substr(0, 5000) + "\" + \"" + big.substr(5000) +
                      "\"] }");
        REQUIRE(r.ok);
        CHECK(r.graph->name(*r.graph->find("a")) == big);
    }
    SECTION("a long unquoted id") {
        std::string id(100000, 'n');
        auto r = read("digraph { " + id + " -> b }");
        REQUIRE(r.ok);
        CHECK(r.graph->find(id).has_value());
    }
}

TEST_CASE("dot_reader: escapes follow cgraph", "[io][dot]") {
    auto r = read(R"(digraph { a [label="say \"hi\"", path="C:\\dir", wrap="one\
two"] })");
    REQUIRE(r.ok);
    auto a = *r.graph->find("a");
    CHECK(r.graph->name(a) == "say \"hi\"");
    CHECK(*r.graph->entity_attr(a, "wrap") == "onetwo");
}

TEST_CASE("dot_reader: invalid UTF-8 is replaced, with a warning", "[io][dot]") {
    auto r = read("digraph { a [label=\"caf\xE9\"] }", "latin1.gv");
    REQUIRE(r.ok);
    CHECK(r.graph->name(0) == "caf\xEF\xBF\xBD");
    CHECK(first_message(r) ==
          "latin1.gv: warning[W002]: invalid UTF-8 replaced with U+FFFD; hint: save the file as "
          "UTF-8");
}

TEST_CASE("dot_reader: several files merge by id, conflicts are errors", "[io][dot]") {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot("digraph {\n infosys [type=SI, founded=1981]\n}", "a.gv", b, d));
    REQUIRE(
        read_dot("digraph {\n\n infosys [type=ISV, founded=1982]\n infosys -> x\n}", "b.gv", b, d));
    Graph g = std::move(b).build();
    CHECK(g.entity_count() == 2);
    CHECK(g.entity_type_name(*g.find("infosys")) == "SI");
    REQUIRE(d.items().size() == 2);
    CHECK(format_diagnostic(d.items()[0]) ==
          "b.gv:3: error[E301]: entity 'infosys' is declared as 'ISV' here but as 'SI' at a.gv:2; "
          "hint: give each id one type, or rename one of the entities");
    CHECK(format_diagnostic(d.items()[1]) ==
          "b.gv:3: error[E302]: attribute 'founded' of 'infosys' is '1982' here but '1981' at "
          "a.gv:2; hint: declare the attribute in one file only");
    CHECK(g.entity_location(*g.find("infosys")).file == "a.gv");
}

TEST_CASE("dot_reader: multi-edges are kept, strict graphs merge them", "[io][dot]") {
    auto multi = read("digraph { a -> b; a -> b [type=x]; b -> a }");
    REQUIRE(multi.ok);
    CHECK(multi.graph->relation_count() == 3);
    auto strict = read("strict digraph { a -> b; a -> b }");
    REQUIRE(strict.ok);
    CHECK(strict.graph->relation_count() == 1);
    auto undirected = read("graph { a -- b; b -- c }");
    REQUIRE(undirected.ok);
    CHECK_FALSE(undirected.graph->directed());
    CHECK(undirected.graph->relation_count() == 2);
}

TEST_CASE("dot_scan: placeholders keep line counts", "[io][dot]") {
    std::string value(5000, 'v');
    auto scan = detail::scan_dot("digraph {\n a [x=\"" + value + "\n\"]\n b\n}");
    CHECK(scan.long_values.size() == 1);
    CHECK(scan.long_values[0] == value + "\n");
    CHECK(scan.first_line.at(scan.ids.at("b")) == 4);
    CHECK(scan.text.size() < 100);
}

TEST_CASE("dot_reader: syntax error lines do not drift after multi-line strings", "[io][dot]") {
    // cgraph does not count newlines inside quoted strings; the reported line is corrected.
    auto r = read("digraph {\n c [label=\"p\nq\"];\n e [label=\"x\\\ny\"];\n d -> ;\n}\n");
    CHECK(first_message(r) == "t.gv:6: error[E001]: syntax error near ';'");
    auto html = read("digraph {\n b [label=<x\n<b>y</b>\nz>];\n d -> ;\n}\n");
    CHECK(first_message(html) == "t.gv:5: error[E001]: syntax error near ';'");
}

TEST_CASE("dot_reader: ids starting with '%' keep their names", "[io][dot]") {
    // cgraph takes such names for its own anonymous ids; the reader once crashed on them.
    for (std::string text : {R"(digraph { "%" })", R"(digraph { "%20x" -> b })",
                             R"(digraph { "%0" })", R"(digraph { <%b> -> "%" })"}) {
        INFO(text);
        auto r = read(text);
        REQUIRE(r.ok);
        CHECK(r.graph->entity_location(0).file == "t.gv");
        CHECK(r.graph->entity_location(0).line == 1);
    }
    auto r = read("digraph {\n \"%20x\" [type=SI];\n \"%20x\" -> \"%\" [type=partners_with]\n}");
    REQUIRE(r.ok);
    REQUIRE(r.graph->find("%20x"));
    REQUIRE(r.graph->find("%"));
    CHECK(r.graph->entity_count() == 2);
    CHECK(r.graph->entity_type_name(*r.graph->find("%20x")) == "SI");
    CHECK(r.graph->relation_location(0).line == 3);
    // A graph the user named with a '%' keeps its name; an anonymous one has none.
    CHECK(read(R"(digraph "%g" { a })").graph->graph_name() == "%g");
    CHECK(read(R"(digraph { a })").graph->graph_name().empty());
}

TEST_CASE("dot_reader: a badly delimited number is an error with its line", "[io][dot]") {
    // cgraph splits `1.2.3` into the ids `1.2` and `.3` with only a warning; the reader once
    // crashed on the disagreement with its own scan.
    const std::pair<std::string, std::string> cases[] = {
        {"digraph {\n 1.2.3 }", "1.2.3"}, {"digraph {\n 1..2 }", "1..2"},
        {"digraph {\n -.5.5 }", "-.5.5"}, {"digraph {\n a -> 1.2.3 }", "1.2.3"},
        {"digraph {\n 1abc }", "1abc"},   {"digraph {\n 12_x -> b }", "12_x"}};
    for (const auto& [text, word] : cases) {
        INFO(text);
        auto r = read(text);
        CHECK_FALSE(r.ok);
        CHECK(first_message(r) == "t.gv:2: error[E001]: badly delimited number '" + word +
                                      "': Graphviz splits it into two ids; hint: quote the id: \"" +
                                      word + "\"");
    }
    // Numerals cgraph reads whole are ids as written.
    auto r = read("digraph { -1 -> .5; 1. -> -2.25 }");
    REQUIRE(r.ok);
    for (const char* id : {"-1", ".5", "1.", "-2.25"}) CHECK(r.graph->find(id));
}

TEST_CASE("dot_scan: a lone '.' or '-' is punctuation, not a numeral", "[io][dot]") {
    auto scan = detail::scan_dot("digraph { . - -. }");
    CHECK(scan.ids.empty());
    CHECK(scan.bad_numerals.empty());
    CHECK(read("digraph { . }").diags.items().front().message == "syntax error near '.'");
}

TEST_CASE("dot_reader: repeated relations keep their own lines and attributes", "[io][dot]") {
    // Each repeat of a pair is found by binary search (a linear count per repeat made 100,000
    // copies of `a -> b` take 16 s).
    std::string text = "digraph {\n";
    for (int i = 0; i < 2000; ++i) text += fmt::format("a -> b [w={}]\n", i);
    text += "}\n";
    auto r = read(text);
    REQUIRE(r.ok);
    REQUIRE(r.graph->relation_count() == 2000);
    for (std::uint32_t e : {0u, 1u, 1999u}) {
        CHECK(r.graph->relation_location(e).line == e + 2);
        CHECK(*r.graph->relation_attr(e, "w") == std::to_string(e));
    }
}

TEST_CASE("dot_reader: too many attribute names are refused before cgraph", "[io][dot]") {
    std::string names = "digraph {\n";
    for (int i = 0; i <= 1000; ++i) names += fmt::format("n{} [a{}=1]\n", i, i);
    auto r = read(names + "}\n");
    CHECK_FALSE(r.ok);
    CHECK_THAT(first_message(r), Catch::StartsWith("t.gv:1002: error[E001]: more than 1000 "
                                                   "distinct attribute names"));
    // 100 names are fine on a few nodes, not on 60,000 nodes and edges.
    std::string wide = "digraph {\n";
    for (int i = 0; i < 100; ++i) wide += fmt::format("z [a{}=1]\n", i);
    REQUIRE(read(wide + "}\n").ok);
    for (int i = 0; i < 30000; ++i) wide += fmt::format("n{} -> m\n", i);
    r = read(wide + "}\n");
    CHECK_FALSE(r.ok);
    CHECK_THAT(first_message(r),
               Catch::StartsWith("t.gv: error[E001]: 100 distinct attribute names on 30002 nodes "
                                 "and 30000 edges"));
}
