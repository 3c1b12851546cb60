// Exact betweenness runs its own breadth-first kernel over a degree-ordered copy of the graph
// and, undirected, skips the searches from leaves; here it must equal Boost.Graph's
// brandes_betweenness_centrality on seeded random graphs (directed and undirected, sparse
// enough to leave leaves, isolated pairs and unreachable parts).
// clang-format off
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
// clang-format on
#include "ecograph/analysis/betweenness.hpp"

#include <catch2/catch.hpp>

#include "random_graph.hpp"

using namespace ecograph;

namespace {

template <typename Directed>
std::vector<double> boost_betweenness(const AnalysisView& v) {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, Directed>;
    G g(v.size());
    for (EntityIndex u = 0; u < v.size(); ++u) {
        auto arcs = v.out(u);
        for (const auto* w = arcs.begin; w != arcs.end; ++w)
            if (*w != u && (v.directed() || u < *w)) boost::add_edge(u, *w, g);
    }
    std::vector<double> c(v.size(), 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(
               boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, g))));
    return c;
}

}  // namespace

TEST_CASE("betweenness: equals Boost.Graph's Brandes on random graphs", "[analysis][bgl]") {
    test::Lcg rng{11};
    int leaves_seen = 0;
    for (std::uint32_t n : {2u, 3u, 20u, 70u, 150u}) {
        for (double density : {0.5, 1.0, 3.0}) {
            Graph g = test::random_graph(rng, n, static_cast<std::uint32_t>(density * n));
            for (bool undirected : {false, true}) {
                AnalysisView v =
                    AnalysisView::build(g, Selection::all(g).with_direction(
                                               undirected ? Direction::both : Direction::forward));
                auto ours = betweenness(v, false, false).vertex;
                auto ref = undirected ? boost_betweenness<boost::undirectedS>(v)
                                      : boost_betweenness<boost::directedS>(v);
                for (EntityIndex u = 0; u < n; ++u) {
                    if (undirected && v.out_degree(u) == 1) ++leaves_seen;
                    INFO("n " << n << " density " << density << " undirected " << undirected
                              << " entity " << u);
                    CHECK(ours[u] == Approx(ref[u]).margin(1e-9));
                }
            }
        }
    }
    CHECK(leaves_seen > 20);
}
