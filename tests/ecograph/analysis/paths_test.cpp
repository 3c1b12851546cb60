// Routes and resilience: reach (with witness routes), shortest / all shortest / k shortest
// paths, articulation points, bridges, components and dominators, against reference values
// computed with NetworkX and checked against igraph (tests/fixtures/paths/*.json, written by
// tools/gen_fixtures.py), plus small hand-checked cases and a Boost.Graph cross-check.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

// clang-format off
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
// clang-format on
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ecograph/analysis/paths.hpp"
#include "ecograph/analysis/resilience.hpp"
#include "ecograph/io/dot_reader.hpp"
#include "ecograph/io/load.hpp"
#include "random_graph.hpp"
#include "select.hpp"

using namespace ecograph;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

Graph parse(const std::string& dot) {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot(dot, "t.gv", b, d));
    return std::move(b).build();
}

EntityIndex at(const Graph& g, const std::string& id) {
    auto v = g.find(id);
    INFO("entity " << id);
    REQUIRE(v);
    return *v;
}

std::vector<std::string> ids(const Graph& g, const std::vector<EntityIndex>& vs) {
    std::vector<std::string> out;
    for (EntityIndex v : vs) out.emplace_back(g.id(v));
    return out;
}

struct Fixture {
    std::string name;
    json doc;
    Graph graph;
};

// Every tests/fixtures/paths/*.json with its graph, loaded once for all test cases.
const std::vector<Fixture>& fixtures() {
    static const std::vector<Fixture> all = [] {
        const fs::path root = ECOGRAPH_SOURCE_DIR;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(root / "tests/fixtures/paths"))
            if (entry.path().extension() == ".json") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        std::vector<Fixture> out;
        for (const auto& file : files) {
            json doc = json::parse(std::ifstream(file));
            LoadResult loaded =
                load_graph({(root / doc["graph"].get<std::string>()).string()}, Schema::builtin());
            INFO(file.filename().string());
            REQUIRE(loaded.graph);
            out.push_back({file.stem().string(), std::move(doc), std::move(*loaded.graph)});
        }
        return out;
    }();
    REQUIRE(all.size() == 10);
    for (const auto& f : all) {
        INFO(f.name);
        REQUIRE(f.graph.entity_count() == f.doc["entities"].get<std::size_t>());
        REQUIRE(f.graph.relation_count() == f.doc["relations"].get<std::size_t>());
        REQUIRE(f.graph.directed() == f.doc["directed"].get<bool>());
    }
    return all;
}

AnalysisView undirected_view(const Graph& g) {
    return AnalysisView::build(g, Selection::all(g).with_direction(Direction::both));
}

// Articulation points by Boost.Graph on an adjacency_list copy of the undirected view.
std::set<EntityIndex> boost_articulation_points(const AnalysisView& u) {
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected bg(u.size());
    for (EntityIndex v = 0; v < u.size(); ++v) {
        auto out = u.out(v);
        for (const auto* w = out.begin; w != out.end; ++w)
            if (v < *w) boost::add_edge(v, *w, bg);
    }
    std::vector<boost::graph_traits<Undirected>::vertex_descriptor> aps;
    boost::articulation_points(bg, std::back_inserter(aps));
    return {aps.begin(), aps.end()};
}

std::set<EntityIndex> entities_of(const CutStructure& c) {
    std::set<EntityIndex> out;
    for (const auto& ap : c.articulation_points) out.insert(ap.entity);
    return out;
}

// Bridges keyed "u--v" with u < v in string order -> (entities on u's side, on v's side).
std::map<std::string, std::pair<std::size_t, std::size_t>> bridge_map(const Graph& g,
                                                                      const CutStructure& c) {
    std::map<std::string, std::pair<std::size_t, std::size_t>> out;
    for (const Bridge& b : c.bridges) {
        std::string a(g.id(b.a)), z(g.id(b.b));
        if (a < z)
            out[a + "--" + z] = {b.side_a, b.side_b};
        else
            out[z + "--" + a] = {b.side_b, b.side_a};
    }
    return out;
}

std::set<std::set<std::string>> partition(const Graph& g, const std::vector<std::uint32_t>& comp) {
    std::map<std::uint32_t, std::set<std::string>> parts;
    for (EntityIndex v = 0; v < comp.size(); ++v) parts[comp[v]].insert(std::string(g.id(v)));
    std::set<std::set<std::string>> out;
    for (auto& [label, members] : parts) out.insert(std::move(members));
    return out;
}

std::set<std::set<std::string>> partition(const json& parts) {
    std::set<std::set<std::string>> out;
    for (const auto& p : parts) out.insert(p.get<std::set<std::string>>());
    return out;
}

// Components are numbered by their smallest entity index.
void check_labels(const std::vector<std::uint32_t>& comp) {
    for (EntityIndex v = 0; v < comp.size(); ++v) {
        CHECK(comp[v] <= v);
        CHECK(comp[comp[v]] == comp[v]);
    }
}

// The arc u -> w of the view and its length, if there is one.
std::optional<double> arc(const AnalysisView& view, EntityIndex u, EntityIndex w) {
    auto out = view.out(u);
    const auto* it = std::lower_bound(out.begin, out.end, w);
    if (it == out.end || *it != w) return std::nullopt;
    return view.length(out.first + (it - out.begin));
}

// A loopless route from a to b along arcs of the view, whose length is its stated length.
void check_route(const AnalysisView& view, const EntityPath& p, EntityIndex a, EntityIndex b) {
    REQUIRE(!p.entities.empty());
    CHECK(p.entities.front() == a);
    CHECK(p.entities.back() == b);
    std::set<EntityIndex> seen(p.entities.begin(), p.entities.end());
    CHECK(seen.size() == p.entities.size());
    double length = 0;
    for (std::size_t i = 0; i + 1 < p.entities.size(); ++i) {
        auto l = arc(view, p.entities[i], p.entities[i + 1]);
        REQUIRE(l);
        length += *l;
    }
    CHECK(p.length == Approx(length).margin(1e-9));
}

// How a test case follows relations, and the selection it stands for.
struct Route {
    std::vector<std::string> via;
    bool reverse = false, undirected = false;
};
Selection route(const Graph& g, const Route& o) {
    return test::select(g, {.relation_types = o.via,
                            .direction = o.undirected ? Direction::both
                                         : o.reverse  ? Direction::reverse
                                                      : Direction::forward});
}

// The witness route to `to` is a shortest route (as long as the BFS distance) that starts at
// the start, ends at `to`, follows only allowed relation types, each in an allowed direction.
void check_witness(const Graph& g, const ReachResult& r, const Route& o, EntityIndex to) {
    auto steps = witness(r, g, to);
    INFO("witness to " << g.id(to) << ": " << route_text(g, r.start, steps));
    REQUIRE(r.distance[to] >= 0);
    CHECK(steps.size() == static_cast<std::size_t>(r.distance[to]));
    const bool either = o.undirected || !g.directed();
    EntityIndex at = r.start;
    for (const auto& s : steps) {
        std::string type(g.relation_type_name(s.relation));
        CHECK((o.via.empty() || std::find(o.via.begin(), o.via.end(), type) != o.via.end()));
        if (s.forward) {
            CHECK((either || !o.reverse));
            CHECK(g.source(s.relation) == at);
            at = g.target(s.relation);
        } else {
            CHECK((either || o.reverse));
            CHECK(g.target(s.relation) == at);
            at = g.source(s.relation);
        }
    }
    CHECK(at == to);
}

std::set<std::string> reached(const Graph& g, const ReachResult& r) {
    std::set<std::string> out;
    for (EntityIndex v = 0; v < g.entity_count(); ++v)
        if (r.distance[v] >= 0) out.insert(std::string(g.id(v)));
    return out;
}

}  // namespace

// ------------------------------------------------------------------------- fixtures

TEST_CASE("paths: articulation points and bridges agree with NetworkX, igraph and Boost",
          "[analysis][paths]") {
    std::size_t points = 0, bridges = 0, not_bridges = 0;
    for (const auto& [name, fx, g] : fixtures()) {
        INFO(name);
        AnalysisView u = undirected_view(g);
        CutStructure cuts = cut_structure(u);

        std::map<std::string, std::vector<std::size_t>> got;
        for (const auto& ap : cuts.articulation_points)
            got[std::string(g.id(ap.entity))] = ap.pieces;
        auto expected =
            fx["articulation_points"].get<std::map<std::string, std::vector<std::size_t>>>();
        CHECK(got == expected);
        CHECK(entities_of(cuts) == boost_articulation_points(u));
        CHECK(std::is_sorted(cuts.articulation_points.begin(), cuts.articulation_points.end(),
                             [](const auto& x, const auto& y) { return x.entity < y.entity; }));
        points += expected.size();

        auto got_bridges = bridge_map(g, cuts);
        std::map<std::string, std::pair<std::size_t, std::size_t>> expected_bridges;
        for (const auto& [key, sides] : fx["bridges"].items())
            expected_bridges[key] = {sides[0].get<std::size_t>(), sides[1].get<std::size_t>()};
        CHECK(got_bridges == expected_bridges);
        for (const auto& b : cuts.bridges) CHECK(b.a < b.b);
        bridges += expected_bridges.size();
        for (const auto& pair : fx["parallel_pairs_not_bridges"]) {
            INFO("joined by two or more relations, so not a bridge: " << pair.get<std::string>());
            CHECK(got_bridges.count(pair.get<std::string>()) == 0);
            ++not_bridges;
        }
    }
    CHECK(points == 30);
    CHECK(bridges == 43);
    CHECK(not_bridges == 3);
}

TEST_CASE("paths: weak and strong components agree with NetworkX and igraph", "[analysis][paths]") {
    for (const auto& [name, fx, g] : fixtures()) {
        INFO(name);
        AnalysisView d = AnalysisView::build(g), u = undirected_view(g);
        auto weak = weak_components(u), weak_d = weak_components(d);
        auto strong = strong_components(d);
        CHECK(partition(g, weak) == partition(fx["weak_components"]));
        CHECK(weak_d == weak);
        CHECK(partition(g, strong) == partition(fx["strong_components"]));
        check_labels(weak);
        check_labels(strong);
    }
}

TEST_CASE("paths: immediate dominators agree with NetworkX and igraph", "[analysis][paths]") {
    std::size_t roots = 0, dominated = 0;
    for (const auto& [name, fx, g] : fixtures()) {
        if (fx["dominators"].is_null()) continue;
        INFO(name);
        const json& dom = fx["dominators"];
        const EntityIndex root = at(g, dom["root"].get<std::string>());
        const std::size_t n = g.entity_count();
        auto idom = immediate_dominators(AnalysisView::build(g), root);
        REQUIRE(idom.size() == n);
        const json& expected = dom["idom"];
        for (EntityIndex v = 0; v < n; ++v) {
            std::string id(g.id(v));
            INFO("entity " << id);
            if (expected.contains(id)) {
                CHECK(idom[v] < n);
                if (idom[v] < n)
                    CHECK(std::string(g.id(idom[v])) == expected[id].get<std::string>());
                ++dominated;
            } else {
                CHECK(idom[v] == n);  // the root, or not reachable from it
            }
        }
        ++roots;
    }
    CHECK(roots == 4);
    CHECK(dominated == 74);
}

TEST_CASE("paths: shortest, all shortest and k shortest paths agree with NetworkX and igraph",
          "[analysis][paths]") {
    std::size_t cases = 0, none = 0, listed = 0, k_lengths = 0, k_paths = 0;
    for (const auto& [name, fx, g] : fixtures()) {
        std::map<std::pair<bool, bool>, AnalysisView> views;  // (undirected, weighted)
        for (const auto& kase : fx["shortest_paths"]) {
            const bool undirected = kase["undirected"], weighted = !kase["weight"].is_null();
            INFO(name << ": " << kase["from"].get<std::string>() << " -> "
                      << kase["to"].get<std::string>() << (undirected ? " undirected" : "")
                      << (weighted ? " weighted" : ""));
            auto key = std::make_pair(undirected, weighted);
            if (!views.count(key))
                views.emplace(key,
                              AnalysisView::build(
                                  g,
                                  test::select(g, {.weight = weighted ? "weight" : "",
                                                   .direction = undirected ? Direction::both
                                                                           : Direction::forward}),
                                  true));
            const AnalysisView& view = views.at(key);
            const EntityIndex a = at(g, kase["from"]), b = at(g, kase["to"]);

            auto one = shortest_paths(view, a, b, 1, false, 0);
            auto k = shortest_paths(view, a, b, kase["k"].get<std::size_t>(), false, 0);
            const std::size_t count = kase["count"];
            auto all = shortest_paths(view, a, b, 0, true, count + 1);
            ++cases;
            if (kase["length"].is_null()) {
                CHECK(one.empty());
                CHECK(k.empty());
                CHECK(all.empty());
                ++none;
                continue;
            }
            const double length = kase["length"];
            REQUIRE(one.size() == 1);
            CHECK(one[0].length == Approx(length).margin(1e-9));
            check_route(view, one[0], a, b);

            // All shortest paths: as many as NetworkX and igraph find, each a shortest route.
            CHECK(all.size() == count);
            std::set<std::vector<std::string>> got;
            for (const auto& p : all) {
                CHECK(p.length == Approx(length).margin(1e-9));
                check_route(view, p, a, b);
                got.insert(ids(g, p.entities));
            }
            CHECK(got.size() == all.size());
            CHECK(got.count(ids(g, one[0].entities)) == 1);
            if (!kase["paths"].is_null()) {
                CHECK(got == kase["paths"].get<std::set<std::vector<std::string>>>());
                ++listed;
            }

            // k shortest loopless paths: same lengths; same paths where lengths do not tie.
            const auto& lengths = kase["k_lengths"];
            REQUIRE(k.size() == lengths.size());
            std::set<std::vector<EntityIndex>> distinct;
            for (std::size_t i = 0; i < k.size(); ++i) {
                INFO("k-shortest path " << i);
                CHECK(k[i].length == Approx(lengths[i].get<double>()).margin(1e-9));
                check_route(view, k[i], a, b);
                if (i > 0) CHECK(k[i - 1].length <= k[i].length);
                distinct.insert(k[i].entities);
                if (!kase["k_paths"][i].is_null()) {
                    CHECK(ids(g, k[i].entities) ==
                          kase["k_paths"][i].get<std::vector<std::string>>());
                    ++k_paths;
                }
                ++k_lengths;
            }
            CHECK(distinct.size() == k.size());
        }
    }
    CHECK(cases == 396);
    CHECK(none == 36);
    CHECK(listed == 360);
    CHECK(k_lengths == 1474);
    CHECK(k_paths == 434);
}

TEST_CASE("paths: reach within 1, 2 and any number of hops agrees with NetworkX and igraph",
          "[analysis][paths]") {
    std::size_t cases = 0, witnesses = 0;
    for (const auto& [name, fx, g] : fixtures()) {
        for (const auto& kase : fx["reach"]) {
            Route o;
            if (!kase["via"].is_null()) o.via = kase["via"].get<std::vector<std::string>>();
            o.reverse = kase["reverse"];
            o.undirected = kase["undirected"];
            INFO(name << ": reach from " << kase["from"].get<std::string>()
                      << (o.reverse ? " reverse" : "") << (o.undirected ? " undirected" : "")
                      << (o.via.empty() ? "" : " via " + kase["via"].dump()));
            const EntityIndex start = at(g, kase["from"]);
            for (std::size_t hops : {1, 2}) {
                INFO("within " << hops << " hops");
                ReachResult r = reach(g, start, route(g, o), hops);
                CHECK(reached(g, r) ==
                      kase["within_" + std::to_string(hops)].get<std::set<std::string>>());
                for (auto d : r.distance) CHECK(d <= static_cast<std::int64_t>(hops));
            }
            ReachResult r = reach(g, start, route(g, o));
            std::map<std::string, std::int64_t> distance;
            for (EntityIndex v = 0; v < g.entity_count(); ++v)
                if (r.distance[v] >= 0) distance[std::string(g.id(v))] = r.distance[v];
            CHECK(distance == kase["distance"].get<std::map<std::string, std::int64_t>>());
            for (EntityIndex v = 0; v < g.entity_count(); ++v)
                if (r.distance[v] >= 0) {
                    check_witness(g, r, o, v);
                    ++witnesses;
                } else {
                    CHECK(witness(r, g, v).empty());
                }
            ++cases;
        }
    }
    CHECK(cases == 93);
    CHECK(witnesses == 2325);
}

// ------------------------------------------------------------------------- by hand

//   u -a-> s -a-> p -a-> q -a-> t
//          s -b-> t                  (b is not followed with via a)
//          s -a-> r -a-> t
TEST_CASE("reach: the witness route is a shortest route over allowed relation types",
          "[analysis][paths]") {
    Graph g = parse(
        "digraph { s -> p [type=a]; p -> q [type=a]; q -> t [type=a]; s -> t [type=b]; "
        "s -> r [type=a]; r -> t [type=a]; u -> s [type=a] }");
    const EntityIndex s = at(g, "s"), t = at(g, "t"), u = at(g, "u"), p = at(g, "p");

    Route via_a{{"a"}, false, false};
    ReachResult r = reach(g, s, route(g, via_a));
    CHECK(r.distance[t] == 2);  // not 1: s -b-> t is not allowed
    CHECK(r.distance[at(g, "q")] == 2);
    CHECK(r.distance[u] == -1);
    // Two shortest routes to t (via q is longer: 3); the one through r is found first.
    CHECK(route_text(g, s, witness(r, g, t)) == "s -a-> r -a-> t");
    for (EntityIndex v = 0; v < g.entity_count(); ++v)
        if (r.distance[v] >= 0) check_witness(g, r, via_a, v);
    CHECK(witness(r, g, s).empty());

    ReachResult any = reach(g, s, Selection::all(g));
    CHECK(any.distance[t] == 1);
    CHECK(route_text(g, s, witness(any, g, t)) == "s -b-> t");

    Route back{{"a"}, true, false};
    ReachResult rb = reach(g, t, route(g, back));
    CHECK(rb.distance[u] == 3);
    CHECK(rb.distance[p] == 2);
    CHECK(route_text(g, t, witness(rb, g, u)) == "t <-a- r <-a- s <-a- u");
    for (EntityIndex v = 0; v < g.entity_count(); ++v)
        if (rb.distance[v] >= 0) check_witness(g, rb, back, v);

    Route both{{"a"}, false, true};
    ReachResult ru = reach(g, p, route(g, both));
    CHECK(ru.distance[u] == 2);
    CHECK(route_text(g, p, witness(ru, g, u)) == "p <-a- s <-a- u");
    for (EntityIndex v = 0; v < g.entity_count(); ++v)
        if (ru.distance[v] >= 0) check_witness(g, ru, both, v);

    ReachResult one = reach(g, s, route(g, via_a), 1);
    CHECK(reached(g, one) == std::set<std::string>{"s", "p", "r"});
}

//   a -- b -- c        written "a -- b; c -- b": an undirected graph has no direction
TEST_CASE("reach: relations of an undirected graph are followed either way", "[analysis][paths]") {
    Graph g = parse("graph { a -- b; c -- b }");
    const EntityIndex a = at(g, "a"), c = at(g, "c");
    for (bool reverse : {false, true}) {
        INFO((reverse ? "reverse" : "forward"));
        Route o{{}, reverse, false};
        ReachResult r = reach(g, a, route(g, o));
        CHECK(r.distance[c] == 2);
        if (r.distance[c] == 2) check_witness(g, r, o, c);
        ReachResult rc = reach(g, c, route(g, o));
        CHECK(rc.distance[a] == 2);
    }
}

//            1          1
//   a -----------> b ------> d
//   |              | 1 ^     ^
//   |  2           v   | 1   | 1
//   +------------> c --+-----+        c -> b (1), c -> d (1)
//   a ---------------5-------> d
TEST_CASE("shortest paths: the k shortest are loopless, distinct and non-decreasing",
          "[analysis][paths]") {
    Graph g = parse(
        "digraph { a -> b [weight=1]; b -> d [weight=1]; a -> c [weight=2]; b -> c [weight=1]; "
        "c -> b [weight=1]; c -> d [weight=1]; a -> d [weight=5] }");
    AnalysisView view = AnalysisView::build(g, test::select(g, {.weight = "weight"}), true);
    const EntityIndex a = at(g, "a"), d = at(g, "d");
    using Ids = std::vector<std::string>;

    auto k = shortest_paths(view, a, d, 10, false, 0);  // only five loopless paths exist
    REQUIRE(k.size() == 5);
    std::vector<double> lengths;
    for (const auto& p : k) {
        check_route(view, p, a, d);
        lengths.push_back(p.length);
    }
    CHECK(lengths == std::vector<double>{2, 3, 3, 4, 5});
    CHECK(ids(g, k[0].entities) == Ids{"a", "b", "d"});
    CHECK(std::set<Ids>{ids(g, k[1].entities), ids(g, k[2].entities)} ==
          std::set<Ids>{{"a", "b", "c", "d"}, {"a", "c", "d"}});
    CHECK(ids(g, k[3].entities) == Ids{"a", "c", "b", "d"});
    CHECK(ids(g, k[4].entities) == Ids{"a", "d"});

    auto three = shortest_paths(view, a, d, 3, false, 0);
    REQUIRE(three.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(three[i].length == k[i].length);

    auto all = shortest_paths(view, a, d, 0, true, 100);
    REQUIRE(all.size() == 1);
    CHECK(ids(g, all[0].entities) == Ids{"a", "b", "d"});

    // Unweighted, direction ignored: more cycles to avoid; still loopless and distinct.
    AnalysisView u =
        AnalysisView::build(g, Selection::all(g).with_direction(Direction::both), true);
    auto ku = shortest_paths(u, a, d, 20, false, 0);
    std::set<std::vector<EntityIndex>> distinct;
    for (std::size_t i = 0; i < ku.size(); ++i) {
        check_route(u, ku[i], a, d);
        if (i > 0) CHECK(ku[i - 1].length <= ku[i].length);
        distinct.insert(ku[i].entities);
    }
    CHECK(distinct.size() == ku.size());
    // a-d; a-b-d, a-c-d; a-b-c-d, a-c-b-d: the only simple a..d paths in the undirected view.
    CHECK(ku.size() == 5);
    auto tied = shortest_paths(u, a, d, 0, true, 100);
    CHECK(tied.size() == 1);  // a-d directly
}

//   a -> b        c (alone)
TEST_CASE("shortest paths: a pair with no route gives no path", "[analysis][paths]") {
    Graph g = parse("digraph { a -> b; c }");
    const EntityIndex a = at(g, "a"), b = at(g, "b"), c = at(g, "c");
    AnalysisView d = AnalysisView::build(g, Selection::all(g), true),
                 u = AnalysisView::build(g, Selection::all(g).with_direction(Direction::both));
    for (auto [x, y] : {std::pair{b, a}, std::pair{a, c}, std::pair{c, b}}) {
        INFO(g.id(x) << " -> " << g.id(y));
        CHECK(shortest_paths(d, x, y, 1, false, 0).empty());
        CHECK(shortest_paths(d, x, y, 5, false, 0).empty());
        CHECK(shortest_paths(d, x, y, 0, true, 100).empty());
    }
    CHECK(shortest_paths(u, a, c, 5, false, 0).empty());
    auto back = shortest_paths(u, b, a, 5, false, 0);  // direction ignored: b -- a
    REQUIRE(back.size() == 1);
    CHECK(ids(g, back[0].entities) == std::vector<std::string>{"b", "a"});
    auto self = shortest_paths(d, c, c, 5, false, 0);
    REQUIRE(self.size() == 1);
    CHECK(self[0].entities == std::vector<EntityIndex>{c});
    CHECK(self[0].length == 0);

    ReachResult r = reach(g, a, Selection::all(g));
    CHECK(r.distance[c] == -1);
    CHECK(witness(r, g, c).empty());
    ReachResult rb = reach(g, b, Selection::all(g));
    CHECK(rb.distance[a] == -1);
}

//   x == y -- z          x and y joined by two relations: cutting one leaves the other
TEST_CASE("resilience: a pair joined by two relations is not a bridge", "[analysis][paths]") {
    for (const char* dot :
         {"graph { x -- y; y -- x; y -- z }", "digraph { x -> y; y -> x; y -> z }",
          "digraph { x -> y; x -> y; z -> y }"}) {
        INFO(dot);
        Graph g = parse(dot);
        AnalysisView u = undirected_view(g);
        CutStructure cuts = cut_structure(u);
        REQUIRE(cuts.articulation_points.size() == 1);
        CHECK(cuts.articulation_points[0].entity == at(g, "y"));
        CHECK(cuts.articulation_points[0].pieces == std::vector<std::size_t>{1, 1});
        CHECK(entities_of(cuts) == boost_articulation_points(u));
        auto bridges = bridge_map(g, cuts);
        CHECK(bridges.count("x--y") == 0);
        CHECK(bridges ==
              std::map<std::string, std::pair<std::size_t, std::size_t>>{{"y--z", {2, 1}}});
    }
}

//   a1 --- a2     b1 --- b2        a3 and b3 are cut points; a3 -- m -- b3 are bridges;
//     \   /         \   /          m's removal leaves 3 + 3; isolated i is nothing
//      a3 --- m --- b3        i
TEST_CASE("resilience: articulation points with the parts they leave, and bridges",
          "[analysis][paths]") {
    Graph g =
        parse("graph { a1 -- a2 -- a3 -- a1; b1 -- b2 -- b3 -- b1; a3 -- m -- b3; a1 -- a1; i }");
    AnalysisView u = undirected_view(g);
    CutStructure cuts = cut_structure(u);
    std::map<std::string, std::vector<std::size_t>> got;
    for (const auto& ap : cuts.articulation_points) got[std::string(g.id(ap.entity))] = ap.pieces;
    CHECK(got == std::map<std::string, std::vector<std::size_t>>{
                     {"a3", {4, 2}}, {"m", {3, 3}}, {"b3", {4, 2}}});
    CHECK(entities_of(cuts) == boost_articulation_points(u));
    CHECK(bridge_map(g, cuts) == std::map<std::string, std::pair<std::size_t, std::size_t>>{
                                     {"a3--m", {3, 4}}, {"b3--m", {3, 4}}});
    auto weak = weak_components(u);
    CHECK(partition(g, weak) ==
          std::set<std::set<std::string>>{{"a1", "a2", "a3", "m", "b1", "b2", "b3"}, {"i"}});
}

//        +--> a --+
//   r ---+        +--> c --> d --> e        z --> c   (z is not reachable from r)
//        +--> b --+
TEST_CASE("resilience: immediate dominators of a diamond and a chain", "[analysis][paths]") {
    Graph g = parse("digraph { r -> a -> c; r -> b -> c; c -> d -> e; z -> c }");
    const std::size_t n = g.entity_count();
    auto idom = immediate_dominators(AnalysisView::build(g), at(g, "r"));
    std::map<std::string, std::string> got;
    for (EntityIndex v = 0; v < n; ++v)
        got[std::string(g.id(v))] = idom[v] < n ? std::string(g.id(idom[v])) : "-";
    CHECK(got ==
          std::map<std::string, std::string>{
              {"r", "-"}, {"a", "r"}, {"b", "r"}, {"c", "r"}, {"d", "c"}, {"e", "d"}, {"z", "-"}});
}

//   r --> x --> a --> b
//               ^
//         z ----+          z is not reachable from r, so it changes nothing: idom(a) = x
TEST_CASE("resilience: an unreachable entity leading in does not hide dominators",
          "[analysis][paths]") {
    Graph g = parse("digraph { r -> x -> a -> b; z -> a }");
    const std::size_t n = g.entity_count();
    auto idom = immediate_dominators(AnalysisView::build(g), at(g, "r"));
    std::map<std::string, std::string> got;
    for (EntityIndex v = 0; v < n; ++v)
        got[std::string(g.id(v))] = idom[v] < n ? std::string(g.id(idom[v])) : "-";
    CHECK(got == std::map<std::string, std::string>{
                     {"r", "-"}, {"x", "r"}, {"a", "x"}, {"b", "a"}, {"z", "-"}});
}

TEST_CASE("bidirectional_path: as short as reach finds, and a real route", "[paths]") {
    // Seeded random graphs of two relation types, sparse enough to have unreachable pairs.
    test::Lcg rng{42};
    for (int trial = 0; trial < 20; ++trial) {
        const std::uint32_t n = 30 + rng.next(50), m = n + rng.next(2 * n);
        Graph g = test::random_graph(rng, n, m, {"partners_with", "resells"});
        for (const Route& o : {Route{{}, false, false}, Route{{}, true, false},
                               Route{{}, false, true}, Route{{"resells"}, false, false}}) {
            const Selection sel = route(g, o);
            for (EntityIndex a = 0; a < g.entity_count(); a += 3) {
                ReachResult r = reach(g, a, route(g, o));
                for (EntityIndex z = 0; z < g.entity_count(); ++z) {
                    auto p = bidirectional_path(g, a, z, route(g, o));
                    INFO("trial " << trial << " from " << a << " to " << z);
                    REQUIRE(p.has_value() == (r.distance[z] >= 0));
                    if (!p) continue;
                    REQUIRE(p->length == r.distance[z]);
                    REQUIRE(p->entities.size() == static_cast<std::size_t>(r.distance[z]) + 1);
                    REQUIRE(p->entities.front() == a);
                    REQUIRE(p->entities.back() == z);
                    for (std::size_t i = 0; i + 1 < p->entities.size(); ++i) {
                        EntityIndex u = p->entities[i], w = p->entities[i + 1];
                        bool joined = false;  // a relation of an allowed type, allowed way
                        for (RelationIndex rel = 0; rel < g.relation_count(); ++rel) {
                            if (!sel.keeps(g, rel)) continue;
                            bool along = g.source(rel) == u && g.target(rel) == w;
                            bool against = g.source(rel) == w && g.target(rel) == u;
                            if (o.undirected ? along || against : o.reverse ? against : along)
                                joined = true;
                        }
                        REQUIRE(joined);
                    }
                }
            }
        }
    }
}
