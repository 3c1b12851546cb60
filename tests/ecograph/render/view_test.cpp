#include "ecograph/render/view.hpp"

#include <catch2/catch.hpp>

#include "ecograph/core/error.hpp"
#include "ecograph/io/load.hpp"
#include "ecograph/render/styled_dot.hpp"

using namespace ecograph;

namespace {
Graph bundled() {
    LoadResult r = load_graph({ECOGRAPH_SOURCE_DIR "/graphs/alibaba-cloud.gv"}, Schema::builtin());
    REQUIRE(r.graph);
    return std::move(*r.graph);
}
std::vector<std::string> sorted_ids(const Graph& g) {
    auto ids = g.ids();
    std::sort(ids.begin(), ids.end());
    return ids;
}
}  // namespace

TEST_CASE("view: focus and hops keep the ego network", "[render][view]") {
    Graph g = bundled();
    DiagramView v;
    v.focus = "infosys";
    v.hops = 1;
    const Schema& schema = Schema::builtin();
    Graph one = apply_view(g, schema, Selection::all(g), v);
    CHECK(sorted_ids(one) == std::vector<std::string>{"alibaba-cloud", "china", "india", "infosys",
                                                      "rest-of-world", "si-partners"});
    // Every relation among the kept entities stays.
    CHECK(one.relation_count() == 9);
    const Selection operates = Selection::resolve(g, schema, {.relation_types = {"operates_in"}});
    CHECK(sorted_ids(apply_view(g, schema, operates, v)) ==
          std::vector<std::string>{"china", "india", "infosys", "rest-of-world"});
    v.focus = "infosis";
    REQUIRE_THROWS_WITH(apply_view(g, schema, operates, v),
                        Catch::Contains("did you mean 'infosys'"));
}

TEST_CASE("view: types keep subtypes; top keeps the highest", "[render][view]") {
    Graph g = bundled();
    const Schema& schema = Schema::builtin();
    const Selection companies = Selection::resolve(g, schema, {.entity_types = {"Company"}});
    CHECK(sorted_ids(apply_view(g, schema, companies, {})) ==
          std::vector<std::string>{"alibaba-cloud", "alibaba-group", "infosys"});
    DiagramView top;
    top.top = 2;
    CHECK(
        sorted_ids(apply_view(g, schema, Selection::all(g), top)) ==
        std::vector<std::string>{"alibaba-cloud", "india"});  // total degree 21 and 4... see stats
}

TEST_CASE("view: collapse by type counts entities and relations", "[render][view]") {
    Graph g = bundled();
    DiagramView v;
    v.collapse = "type";
    Graph c = apply_view(g, Schema::builtin(), Selection::all(g), v);
    CHECK(c.entity_count() == 11);  // one node per entity type in the graph
    auto region = *c.find("Region");
    CHECK(*c.entity_attr(region, "count") == "6");
    CHECK(c.name(region) == "Region (6)");
    // CloudProvider -operates_in-> Region stands for Alibaba Cloud's four operates_in relations.
    bool found = false;
    for (RelationIndex r = 0; r < c.relation_count(); ++r)
        if (c.id(c.source(r)) == "CloudProvider" && c.id(c.target(r)) == "Region" &&
            c.relation_type_name(r) == "operates_in") {
            CHECK(*c.relation_attr(r, "count") == "4");
            found = true;
        }
    CHECK(found);
    std::string dot = styled_dot(c, Schema::builtin(), {});
    CHECK_THAT(dot, Catch::Contains("label=\"operates_in (4)\""));
}
