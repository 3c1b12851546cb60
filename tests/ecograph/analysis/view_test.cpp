#include "ecograph/analysis/view.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "random_graph.hpp"
#include "select.hpp"

namespace ecograph {
namespace {

// One arc of the reference: the plain definition, built from every relation at once.
struct RefArc {
    EntityIndex from, to;
    std::size_t count;
    double min_w, sum_w;
};

// What a test case keeps.
struct ViewOptions {
    std::vector<std::string> via;
    bool undirected = false;
    std::string weight;
};
Selection selection(const Graph& g, const ViewOptions& o) {
    return test::select(g, {.relation_types = o.via,
                            .weight = o.weight,
                            .direction = o.undirected ? Direction::both : Direction::forward});
}

// All arcs of the view: (from, to) of each kept relation (both ways when undirected, a
// self-loop once), stably sorted by (from, to), parallel ones collapsed.
std::vector<RefArc> reference(const Graph& g, const ViewOptions& o) {
    struct Raw {
        EntityIndex from, to;
        double w;
    };
    std::vector<Raw> raw;
    const bool directed = g.directed() && !o.undirected;
    for (RelationIndex r = 0; r < g.relation_count(); ++r) {
        if (!o.via.empty() &&
            std::find(o.via.begin(), o.via.end(), g.relation_type_name(r)) == o.via.end())
            continue;
        const double w = selection(g, o).weight_of(g, r);
        raw.push_back({g.source(r), g.target(r), w});
        if (!directed && g.source(r) != g.target(r)) raw.push_back({g.target(r), g.source(r), w});
    }
    std::stable_sort(raw.begin(), raw.end(), [](const Raw& a, const Raw& b) {
        return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    });
    std::vector<RefArc> arcs;
    for (const Raw& a : raw) {
        if (!arcs.empty() && arcs.back().from == a.from && arcs.back().to == a.to) {
            ++arcs.back().count;
            arcs.back().min_w = std::min(arcs.back().min_w, a.w);
            arcs.back().sum_w += a.w;
        } else {
            arcs.push_back({a.from, a.to, 1, a.w, a.w});
        }
    }
    return arcs;
}

Graph weighted_random_graph(std::uint32_t n, std::uint32_t m, bool directed) {
    test::Lcg rng{7};
    const std::vector<std::string> types = {"partners_with", "resells", "located_in"};
    GraphBuilder b;
    b.set_directed(directed);
    for (std::uint32_t i = 0; i < n; ++i) b.entity("v" + std::to_string(i), {});
    for (std::uint32_t i = 0; i < m; ++i) {
        // A few hubs, so that some entities have long lists (the stable_sort path).
        std::uint32_t from = rng.next(8) == 0 ? rng.next(4) : rng.next(n), to = rng.next(n);
        RelationIndex r = b.add_relation(from, to, types[rng.next(3)], {});
        if (rng.next(5) != 0) b.set_relation_attr(r, "w", std::to_string(1 + rng.next(9)) + ".25");
    }
    return std::move(b).build();
}

void require_matches(const Graph& g, const ViewOptions& o) {
    const AnalysisView view = AnalysisView::build(g, selection(g, o));
    const std::vector<RefArc> ref = reference(g, o);
    REQUIRE(view.size() == g.entity_count());
    REQUIRE(view.arc_count() == ref.size());
    std::vector<std::vector<RefArc>> in(g.entity_count());
    std::size_t k = 0;
    for (EntityIndex v = 0; v < view.size(); ++v) {
        auto out = view.out(v);
        for (const auto* u = out.begin; u != out.end; ++u, ++k) {
            const std::size_t a = out.first + (u - out.begin);
            REQUIRE(ref[k].from == v);
            REQUIRE(*u == ref[k].to);
            REQUIRE(view.multiplicity(a) == ref[k].count);
            REQUIRE(view.length(a) == (o.weight.empty() ? 1.0 : ref[k].min_w));
            REQUIRE(view.strength(a) ==
                    (o.weight.empty() ? static_cast<double>(ref[k].count) : ref[k].sum_w));
            in[ref[k].to].push_back(ref[k]);
        }
    }
    // Out-strengths: the summed strengths of each source's arcs, by increasing target.
    std::vector<double> strength(g.entity_count(), 0.0);
    for (const RefArc& a : ref)
        strength[a.from] += o.weight.empty() ? static_cast<double>(a.count) : a.sum_w;
    for (EntityIndex v = 0; v < view.size(); ++v) REQUIRE(view.out_strength(v) == strength[v]);
    // The view of in-arcs only: the same in-arcs and out-strengths, no out-arcs when directed.
    const AnalysisView in_only = AnalysisView::build(g, selection(g, o), false, ViewSides::in_only);
    REQUIRE(in_only.size() == view.size());
    REQUIRE(in_only.arc_count() == view.arc_count());
    for (EntityIndex v = 0; v < view.size(); ++v) {
        REQUIRE(in_only.out_strength(v) == view.out_strength(v));
        REQUIRE(in_only.out_degree(v) == (view.directed() ? 0 : view.out_degree(v)));
        auto a = view.in(v), b = in_only.in(v);
        REQUIRE(std::vector<std::uint32_t>(a.begin, a.end) ==
                std::vector<std::uint32_t>(b.begin, b.end));
        for (std::size_t i = 0; i < static_cast<std::size_t>(a.end - a.begin); ++i)
            REQUIRE(view.in_strength(a.first + i) == in_only.in_strength(b.first + i));
    }
    if (!view.directed()) return;
    for (EntityIndex v = 0; v < view.size(); ++v) {  // in-arcs sorted by source
        auto arcs = view.in(v);
        REQUIRE(static_cast<std::size_t>(arcs.end - arcs.begin) == in[v].size());
        for (std::size_t i = 0; i < in[v].size(); ++i) {
            REQUIRE(arcs.begin[i] == in[v][i].from);
            REQUIRE(view.in_strength(arcs.first + i) ==
                    (o.weight.empty() ? static_cast<double>(in[v][i].count) : in[v][i].sum_w));
        }
    }
}

TEST_CASE("the view equals the plain definition of its arcs", "[view]") {
    // 100,000 relations: big enough for the two-thread build.
    for (bool directed : {true, false}) {
        const Graph g = weighted_random_graph(3000, 100000, directed);
        for (bool undirected : {false, true})
            for (std::string weight : {"", "w"})
                for (std::vector<std::string> via :
                     {std::vector<std::string>{},
                      std::vector<std::string>{"resells", "located_in"}}) {
                    CAPTURE(directed, undirected, weight, via);
                    require_matches(g, {via, undirected, weight});
                }
    }
    test::Lcg rng{3};
    for (std::uint32_t n : {1u, 2u, 40u}) {  // small: one thread
        CAPTURE(n);
        const Graph g = test::random_graph(rng, n, 3 * n);
        require_matches(g, {});
        require_matches(g, {{}, true, ""});
    }
}

TEST_CASE("an empty graph has an empty view", "[view]") {
    const Graph g = GraphBuilder{}.build();
    const AnalysisView view = AnalysisView::build(g);
    CHECK(view.size() == 0);
    CHECK(view.arc_count() == 0);
}

}  // namespace
}  // namespace ecograph
