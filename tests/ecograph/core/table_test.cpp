#include "ecograph/core/table.hpp"

#include <catch2/catch.hpp>

#include "ecograph/core/error.hpp"

using namespace ecograph;

namespace {
Table sample() {
    Table t;
    t.title = "Types";
    t.columns = {"type", "count"};
    t.right_align = {false, true};
    t.add_row({"SI", "12"});
    t.add_row({"Cloud, \"big\"", "3"});
    return t;
}
}  // namespace

TEST_CASE("table: text output aligns columns", "[core][table]") {
    CHECK(render_text(sample()) ==
          "Types\n"
          "type          count\n"
          "------------  -----\n"
          "SI               12\n"
          "Cloud, \"big\"      3\n");
}

TEST_CASE("table: CSV quotes fields with commas and quotes", "[core][table]") {
    CHECK(render_csv(sample()) == "type,count\nSI,12\n\"Cloud, \"\"big\"\"\",3\n");
}

TEST_CASE("table: Markdown escapes pipes and aligns numbers right", "[core][table]") {
    Table t = sample();
    t.rows[0][0] = "a|b";
    CHECK(
        render_markdown(t) ==
        "### Types\n\n| type | count |\n| --- | ---: |\n| a\\|b | 12 |\n| Cloud, \"big\" | 3 |\n");
}

TEST_CASE("table: unknown format is a usage error", "[core][table]") {
    CHECK(parse_table_format("markdown") == TableFormat::Markdown);
    try {
        parse_table_format("xml");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.status() == ExitStatus::Usage);
        CHECK(std::string(e.what()) ==
              "unknown format 'xml'; expected table, json, csv or markdown");
    }
}

TEST_CASE("table: CSV cells a spreadsheet would evaluate are neutralised", "[core][table]") {
    Table t;
    t.columns = {"id", "v"};
    t.add_row({"=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)"});
    t.add_row({"+cmd|x", "-1+2"});
    t.add_row({"\tTAB", "-"});
    t.add_row({"-1.5", "+2e-3"});  // plain numbers stay numbers
    t.add_row({"a=b", "1e5"});
    CHECK(render_csv(t) ==
          "id,v\n"
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(1)\n"
          "'+cmd|x,'-1+2\n"
          "'\tTAB,'-\n"
          "-1.5,+2e-3\n"
          "a=b,1e5\n");
    for (const char* formula : {"=1", "@a", "+a", "-a", "\r", "+", "-.", "-1e", "+1-1"})
        CHECK(spreadsheet_formula(formula));
    for (const char* plain : {"", "a", "1", "-1", "+1.5", "-.5", "1e-3", "-2E+10", "'=x"})
        CHECK_FALSE(spreadsheet_formula(plain));
}
