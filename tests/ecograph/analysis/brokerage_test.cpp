#include "ecograph/analysis/brokerage.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ecograph/io/dot_reader.hpp"
#include "ecograph/io/load.hpp"

using namespace ecograph;
using nlohmann::json;

// a -> b -> c with groups (1, 2, 2): b receives from outside its group and passes in.
TEST_CASE("brokerage: roles of the five two-path kinds", "[analysis][brokerage]") {
    struct Case {
        const char* groups;
        BrokerageRole role;
    };
    for (auto [groups, role] :
         {Case{"x x x", Coordinator}, Case{"x y x", Itinerant}, Case{"x x y", Representative},
          Case{"x y y", Gatekeeper}, Case{"x y z", Liaison}}) {
        std::string g(groups);
        GraphBuilder b;
        Diagnostics d;
        REQUIRE(read_dot("digraph { a [grp=" + g.substr(0, 1) + "]; b [grp=" + g.substr(2, 1) +
                             "]; c [grp=" + g.substr(4, 1) + "]; a -> b -> c }",
                         "t.gv", b, d));
        Graph graph = std::move(b).build();
        auto r =
            brokerage(AnalysisView::build(graph), group_entities(graph, Schema::builtin(), "grp"));
        INFO(groups);
        auto bi = *graph.find("b");
        for (std::size_t k = 0; k < 5; ++k) CHECK(r.raw[bi][k] == (k == role ? 1.0 : 0.0));
        CHECK(r.raw[bi][Total] == 1.0);
    }
}

TEST_CASE("brokerage: a closed triad brokers nothing", "[analysis][brokerage]") {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot("digraph { a -> b -> c; a -> c; c -> a }", "t.gv", b, d));
    Graph g = std::move(b).build();
    auto r = brokerage(AnalysisView::build(g), group_entities(g, Schema::builtin(), "type"));
    // a -> b -> c is closed by a -> c, so b brokers nothing; c -> a -> b is open (no c -> b).
    CHECK(r.raw[*g.find("b")][Total] == 0);
    CHECK(r.raw[*g.find("a")][Total] == 1);
}

TEST_CASE("brokerage: agrees with R's sna::brokerage on every fixture", "[analysis][brokerage]") {
    namespace fs = std::filesystem;
    const fs::path root = ECOGRAPH_SOURCE_DIR;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(root / "tests/fixtures/brokerage")) {
        json fx = json::parse(std::ifstream(entry.path()));
        INFO(entry.path().filename().string());
        LoadResult loaded =
            load_graph({(root / fx["graph"].get<std::string>()).string()}, Schema::builtin());
        REQUIRE(loaded.graph);
        const Graph& g = *loaded.graph;
        const Selection view = Selection::all(g).with_direction(
            fx["undirected"].get<bool>() ? Direction::both : Direction::forward);
        Grouping groups = group_entities(g, Schema::builtin(), fx["group_by"].get<std::string>());
        for (const auto& [id, group] : fx["groups"].items())
            REQUIRE(groups.names[groups.group[*g.find(id)]] == group.get<std::string>());
        BrokerageResult r = brokerage(AnalysisView::build(g, view), groups);
        const double tol = fx["tolerance"];
        auto check = [&](const json& expected, const BrokerageResult::Row& row) {
            for (std::size_t k = 0; k < kRoleNames.size(); ++k) {
                INFO(kRoleNames[k]);
                const json& e = expected[kRoleNames[k]];
                if (e.is_null())
                    CHECK(std::isnan(row[k]));
                else
                    CHECK(row[k] == Approx(e.get<double>()).margin(tol).epsilon(1e-12));
            }
        };
        for (const auto& [id, roles] : fx["raw"].items()) {
            INFO("entity " << id);
            EntityIndex v = *g.find(id);
            check(roles, r.raw[v]);
            check(fx["exp"][id], r.expected[v]);
            check(fx["sd"][id], r.sd[v]);
            check(fx["z"][id], r.z[v]);
        }
        check(fx["global_raw"], r.global_raw);
        check(fx["global_exp"], r.global_expected);
        check(fx["global_sd"], r.global_sd);
        check(fx["global_z"], r.global_z);
        ++files;
    }
    CHECK(files == 5);
}
