#include "ecograph/io/csv_reader.hpp"

#include <catch2/catch.hpp>

#include "read_helper.hpp"

using namespace ecograph;
using namespace ecograph::testing;

namespace {
Read read(const std::vector<std::pair<std::string, std::string>>& files) {
    return read_with([](std::string_view text, const std::string& name, GraphBuilder& b,
                        Diagnostics& d) { return read_csv(text, name, b, d); },
                     files);
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

// Columns are reserved for every row at their first value; one that no row fills is never
// created, and the values are those of the rows that have one.
TEST_CASE("csv_reader: an attribute column with no value adds no attribute", "[io][csv]") {
    auto r = read({{"n.csv", "id,type,label,tier,region\na,SI,,,emea\nb,SI,B,,\nc,ISV,C,,apac\n"}});
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    CHECK(g.entity_attributes().keys() == std::vector<std::string>{"region", "label"});
    CHECK(g.name(*g.find("a")) == "a");
    CHECK(g.name(*g.find("b")) == "B");
    CHECK(*g.entity_attr(*g.find("c"), "region") == "apac");
    CHECK(g.entity_attr(*g.find("b"), "region") == nullptr);
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

TEST_CASE("csv_reader: a header that would be misread is refused", "[io][csv]") {
    CHECK(first(read({{"l.csv", ":ID,:LABLE\na,SI\n"}})) ==
          "l.csv:1: error[E005]: column 2 ':LABLE': unknown field type ':LABLE'; hint: did you "
          "mean ':LABEL'?");
    CHECK_THAT(first(read({{"t.csv", "id:ID,x:floot\na,1\n"}})),
               Catch::Contains("unknown field type ':FLOOT'; hint: did you mean ':FLOAT'?"));
    CHECK_THAT(first(read({{"d.csv", "id,type,id\na,SI,b\n"}})),
               Catch::StartsWith("d.csv:1: error[E005]: column 3 'id' gives the same field as "
                                 "column 1 'id'"));
    CHECK_THAT(first(read({{"k.csv", ":ID,type,:LABEL\na,SI,SI\n"}})),
               Catch::Contains("column 3 ':LABEL' gives the same field as column 2 'type'"));
    CHECK_THAT(first(read({{"a.csv", "id,tier,tier:int\na,1,2\n"}})),
               Catch::Contains("column 3 'tier:int' gives the same field as column 2 'tier'"));
    // Different attributes, a label beside a name (name is then an attribute), Neo4j's
    // value types in any case, arrays and :IGNORE columns (several) all read.
    auto r = read({{"ok.csv",
                    "id:ID,:LABEL,label,name,n:INT,m:long,tags:string[],x:IGNORE,"
                    "y:ignore\na,SI,A,Acme,1,2,p;q,drop,drop\n"}});
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    const EntityIndex a = *g.find("a");
    CHECK(g.name(a) == "A");
    CHECK(*g.entity_attr(a, "name") == "Acme");
    CHECK(*g.entity_attr(a, "n") == "1");
    CHECK(*g.entity_attr(a, "tags") == "p;q");
    CHECK(g.entity_attr(a, "x") == nullptr);
    CHECK(g.entity_attr(a, "y") == nullptr);
}

TEST_CASE("csv_reader: unquoted cells in place, quoted ones unescaped, any line ending",
          "[io][csv]") {
    // A quoted cell after unquoted ones, quotes inside an unquoted cell, characters after a
    // closing quote, empty cells, CRLF and CR line ends, and a last line without one.
    auto r = read({{"e.csv",
                    "id,type,label,note\r\n"
                    "a,SI,A,\"x, \"\"y\"\"\"\r\n"
                    "b,ISV,b\"c,\"q\"r\r"
                    "c,,,\n"
                    "\n"
                    "d,SI,\"\",\"\"\"\""}});
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    REQUIRE(g.entity_count() == 4);
    CHECK(*g.entity_attr(*g.find("a"), "note") == "x, \"y\"");
    CHECK(g.name(*g.find("b")) == "b\"c");
    CHECK(*g.entity_attr(*g.find("b"), "note") == "qr");
    CHECK(g.entity_type_name(*g.find("c")).empty());
    CHECK(g.entity_attr(*g.find("c"), "note") == nullptr);
    CHECK(g.name(*g.find("d")) == "d");  // an empty quoted label is no label
    CHECK(*g.entity_attr(*g.find("d"), "note") == "\"");
    CHECK(g.entity_location(*g.find("b")).line == 3);
    CHECK(g.entity_location(*g.find("c")).line == 4);
    CHECK(g.entity_location(*g.find("d")).line == 6);
}

TEST_CASE("csv_reader: new ids are numbered target first, lines across files", "[io][csv]") {
    auto r = read({{"n.csv", "id,type\nx,SI\n"},
                   {"r.csv", "source,target,type\nx,y,partners_with\nz,w,resells\ny,x,\n"}});
    REQUIRE(r.ok);
    const Graph& g = *r.graph;
    CHECK(g.ids() == std::vector<std::string>{"x", "y", "w", "z"});
    CHECK(g.relation_type_vocabulary() == std::vector<std::string>{"", "partners_with", "resells"});
    CHECK(g.entity_location(*g.find("x")).file == "n.csv");
    CHECK(g.entity_location(*g.find("w")).file == "r.csv");
    CHECK(g.entity_location(*g.find("w")).line == 3);
}

// A big quote-free relations file is read in two halves at once; with one quoted cell it is read
// in one go. Both must give the same graph and the same diagnostics.
TEST_CASE("csv_reader: a big file read in two halves reads as in one go", "[io][csv]") {
    std::string entities = "id,type\n", relations = "source,target,type\r\n";
    for (int i = 0; i < 1000; ++i) entities += "e" + std::to_string(i) + ",SI\n";
    std::size_t rows = 0;
    while (relations.size() < (std::size_t{17} << 20)) {
        const std::size_t i = rows++;
        std::string s = "e" + std::to_string(i * 7 % 1000), t = "e" + std::to_string(i % 997);
        if (i % 100000 == 5) t = "new" + std::to_string(i);  // an id first seen here
        if (i % 200000 == 7) s = "new" + std::to_string(i - 2);
        if (i % 300000 == 11) {
            relations += "a,b\r\n";  // E006
            continue;
        }
        if (i % 300000 == 13) {
            relations += ",b,resells\r\n";  // E007
            continue;
        }
        if (i % 250000 == 17) relations += "\r\n";  // blank
        relations += s + "," + t + "," + (i % 3 ? "partners_with" : "resells") + "\r\n";
    }
    std::string quoted = relations;
    quoted.replace(quoted.find("resells"), 7, "\"resells\"");
    auto one = read({{"n.csv", entities}, {"r.csv", quoted}});
    auto two = read({{"n.csv", entities}, {"r.csv", relations}});
    REQUIRE_FALSE(one.ok);
    REQUIRE_FALSE(two.ok);
    std::vector<std::string> d1, d2;
    for (const auto& d : one.diags.items()) d1.push_back(format_diagnostic(d));
    for (const auto& d : two.diags.items()) d2.push_back(format_diagnostic(d));
    CHECK(d1.size() > 4);
    CHECK(d1 == d2);

    GraphBuilder b1, b2;
    Diagnostics ignored;
    read_csv(entities, "n.csv", b1, ignored);
    read_csv(quoted, "r.csv", b1, ignored);
    read_csv(entities, "n.csv", b2, ignored);
    read_csv(relations, "r.csv", b2, ignored);
    const Graph g1 = std::move(b1).build(), g2 = std::move(b2).build();
    REQUIRE(g1.relation_count() == g2.relation_count());
    CHECK(g1.ids() == g2.ids());
    CHECK(g1.relation_type_vocabulary() == g2.relation_type_vocabulary());
    bool same = true;
    for (RelationIndex r = 0; r < g1.relation_count() && same; ++r)
        same = g1.source(r) == g2.source(r) && g1.target(r) == g2.target(r) &&
               g1.relation_type(r) == g2.relation_type(r) &&
               g1.relation_location(r).line == g2.relation_location(r).line &&
               g1.relation_location(r).file == g2.relation_location(r).file;
    CHECK(same);
}

// A big file is scanned (for NUL bytes, invalid UTF-8 and lines) in two halves at once; what
// either half finds is reported at its place in the whole file.
TEST_CASE("csv_reader: a big file scanned in two halves reports the right places", "[io][csv]") {
    std::string relations = "source,target\n";
    while (relations.size() < (std::size_t{17} << 20)) relations += "a,b\n";
    for (std::size_t at : {std::size_t{40}, relations.size() / 2 + 20, relations.size() - 2}) {
        CAPTURE(at);
        std::string nul = relations;
        nul[at] = '\0';
        auto r = read({{"r.csv", nul}});
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.diags.items().size() == 1);
        CHECK(format_diagnostic(r.diags.items()[0]) ==
              "r.csv:" + std::to_string(std::count(nul.begin(), nul.begin() + at, '\n') + 1) +
                  ": error[E002]: not a CSV file: NUL byte at offset " + std::to_string(at));
    }
    std::string latin1 = relations;
    latin1[relations.size() - 4] = '\xE9';  // the last row's "a", in Latin-1
    auto r = read({{"r.csv", latin1}});
    std::string all;
    for (const auto& d : r.diags.items()) all += format_diagnostic(d) + "\n";
    CAPTURE(all);
    CHECK(r.ok);
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].code == "W002");
    REQUIRE(r.graph);
    CHECK(r.graph->relation_count() == (relations.size() - 14) / 4);
    CHECK(r.graph->find("\xEF\xBF\xBD"));  // U+FFFD
}
