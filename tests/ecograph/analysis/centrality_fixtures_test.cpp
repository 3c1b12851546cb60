// Every centrality measure against reference values computed independently with NetworkX and
// igraph (tests/fixtures/centrality/*.json, written by tools/gen_fixtures.py).
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ecograph/analysis/betweenness.hpp"
#include "ecograph/analysis/closeness.hpp"
#include "ecograph/analysis/degree.hpp"
#include "ecograph/analysis/eigenvector.hpp"
#include "ecograph/analysis/kcore.hpp"
#include "ecograph/analysis/pagerank.hpp"
#include "ecograph/io/load.hpp"
#include "select.hpp"

using namespace ecograph;
using nlohmann::json;

namespace {

struct Computed {
    std::vector<double> vertex;
    std::map<std::string, double> edges;
};

Computed compute(const Graph& g, const std::string& measure, const json& o) {
    SelectionSpec spec;
    if (o.contains("via") && !o["via"].is_null())
        spec.relation_types = o["via"].get<std::vector<std::string>>();
    spec.direction = o.value("undirected", false) ? Direction::both : Direction::forward;
    if (o.contains("weight") && !o["weight"].is_null())
        spec.weight = o["weight"].get<std::string>();
    const Selection view = test::select(g, spec);
    const bool normalized = o.value("normalized", false);
    Computed c;
    if (measure == "degree") {
        std::string mode = o.value("mode", "total");
        DegreeMode m = mode == "in"    ? DegreeMode::In
                       : mode == "out" ? DegreeMode::Out
                                       : DegreeMode::Total;
        c.vertex = degree_centrality(g, m, view, normalized);
    } else if (measure == "betweenness") {
        AnalysisView v = AnalysisView::build(g, view, true);
        bool edges = o.value("edges", false);
        auto r = betweenness(v, normalized, edges);
        c.vertex = r.vertex;
        for (const auto& e : r.edges) {
            std::string a(g.id(e.source)), b(g.id(e.target));
            if (!v.directed() && b < a) std::swap(a, b);
            c.edges[a + (v.directed() ? "->" : "--") + b] = e.value;
        }
    } else if (measure == "closeness") {
        c.vertex = closeness(AnalysisView::build(g, view, true), o.value("wf_improved", true));
    } else if (measure == "harmonic") {
        c.vertex = harmonic(AnalysisView::build(g, view, true), normalized);
    } else if (measure == "pagerank") {
        PageRankOptions p;
        p.damping = o.value("damping", 0.85);
        if (o.contains("personalize") && !o["personalize"].is_null())
            for (const auto& id : o["personalize"])
                p.personalize.push_back(*g.find(id.get<std::string>()));
        c.vertex = pagerank(AnalysisView::build(g, view), p);
    } else if (measure == "eigenvector") {
        c.vertex = eigenvector_centrality(AnalysisView::build(g, view));
    } else if (measure == "katz") {
        c.vertex = katz_centrality(AnalysisView::build(g, view), o.value("alpha", 0.1));
    } else if (measure == "kcore") {
        c.vertex = core_number(AnalysisView::build(g, view.with_direction(Direction::both)));
    } else {
        FAIL("unknown measure in fixture: " << measure);
    }
    return c;
}

}  // namespace

TEST_CASE("centrality: agrees with NetworkX and igraph on every fixture", "[analysis][fixtures]") {
    namespace fs = std::filesystem;
    const fs::path root = ECOGRAPH_SOURCE_DIR;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(root / "tests/fixtures/centrality"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 8);
    std::size_t cases = 0;
    for (const auto& file : files) {
        json fixture = json::parse(std::ifstream(file));
        LoadResult loaded =
            load_graph({(root / fixture["graph"].get<std::string>()).string()}, Schema::builtin());
        REQUIRE(loaded.graph);
        const Graph& g = *loaded.graph;
        REQUIRE(g.entity_count() == fixture["entities"].get<std::size_t>());
        REQUIRE(g.relation_count() == fixture["relations"].get<std::size_t>());
        for (const auto& kase : fixture["cases"]) {
            if (kase.contains("ecograph_follows") && !kase["ecograph_follows"].get<bool>())
                continue;
            const std::string measure = kase["measure"];
            const double tol = kase["tolerance"];
            INFO(file.filename().string() << ": " << measure << " " << kase["options"].dump()
                                          << " (" << kase["reference"].get<std::string>() << ")");
            Computed c = compute(g, measure, kase["options"]);
            const json& expected = kase["values"];
            if (kase["options"].value("edges", false)) {
                REQUIRE(c.edges.size() == expected.size());
                for (const auto& [key, value] : expected.items()) {
                    INFO("edge " << key);
                    REQUIRE(c.edges.count(key) == 1);
                    CHECK(c.edges[key] == Approx(value.get<double>()).margin(tol).epsilon(0));
                }
            } else {
                REQUIRE(expected.size() == g.entity_count());
                for (const auto& [id, value] : expected.items()) {
                    INFO("entity " << id);
                    CHECK(c.vertex[*g.find(id)] ==
                          Approx(value.get<double>()).margin(tol).epsilon(0));
                }
            }
            ++cases;
        }
    }
    CHECK(cases > 150);
}

TEST_CASE("centrality: identical results on 1 and 2 threads", "[analysis][threads]") {
    LoadResult loaded =
        load_graph({ECOGRAPH_SOURCE_DIR "/tests/fixtures/graphs/lesmis.gv"}, Schema::builtin());
    REQUIRE(loaded.graph);
    AnalysisView v =
        AnalysisView::build(*loaded.graph, test::select(*loaded.graph, {.weight = "weight"}), true);
    RunControl one{1, {}, nullptr}, two{2, {}, nullptr};
    auto b1 = betweenness(v, false, true, one), b2 = betweenness(v, false, true, two);
    CHECK(b1.vertex == b2.vertex);  // bitwise: partitions are summed in a fixed order
    REQUIRE(b1.edges.size() == b2.edges.size());
    for (std::size_t i = 0; i < b1.edges.size(); ++i) CHECK(b1.edges[i].value == b2.edges[i].value);
    CHECK(closeness(v, true, one) == closeness(v, true, two));
    CHECK(harmonic(v, false, one) == harmonic(v, false, two));
    AnalysisView plain = AnalysisView::build(*loaded.graph);
    CHECK(pagerank(plain, {}, one) == pagerank(plain, {}, two));
    CHECK(betweenness(plain, false, true, one).vertex ==
          betweenness(plain, false, true, two).vertex);
    CHECK(closeness(plain, true, one) == closeness(plain, true, two));
    CHECK(harmonic(plain, false, one) == harmonic(plain, false, two));
}

TEST_CASE("approx betweenness: within epsilon of the exact values on several seeds",
          "[analysis][approx]") {
    for (const char* file :
         {"/tests/fixtures/graphs/lesmis.gv", "/tests/fixtures/graphs/random_directed.gv",
          "/graphs/alibaba-cloud.gv"}) {
        LoadResult loaded =
            load_graph({std::string(ECOGRAPH_SOURCE_DIR) + file}, Schema::builtin());
        REQUIRE(loaded.graph);
        AnalysisView v = AnalysisView::build(*loaded.graph);
        auto exact = betweenness(v, false, false).vertex;
        const double n = static_cast<double>(v.size());
        // The guarantee is on betweenness / (n (n - 1)) over ordered pairs.
        const double per_pair = v.directed() ? 1.0 / (n * (n - 1)) : 2.0 / (n * (n - 1));
        for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
            ApproxOptions o{0.02, 0.1, seed};
            auto approx = approx_betweenness(v, false, o);
            INFO(file << " seed " << seed << " samples " << approx.samples);
            double worst = 0;
            for (std::size_t i = 0; i < exact.size(); ++i)
                worst = std::max(worst, std::abs(approx.vertex[i] - exact[i]) * per_pair);
            CHECK(worst <= 0.02);
            CHECK(approx.samples > 0);
        }
        RunControl one{1, {}, nullptr}, two{2, {}, nullptr};
        CHECK(approx_betweenness(v, true, {0.05, 0.1, 7}, one).vertex ==
              approx_betweenness(v, true, {0.05, 0.1, 7}, two).vertex);
    }
}
