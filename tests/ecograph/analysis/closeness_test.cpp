// Unweighted closeness and harmonic run 64 breadth-first searches at once, switching between
// pushing and pulling per level; here they must equal one plain BFS per source on seeded random
// graphs of sizes around the 64-source batches, directed and not, with unreachable pairs.
#include "ecograph/analysis/closeness.hpp"

#include <catch2/catch.hpp>

#include "random_graph.hpp"

using namespace ecograph;

namespace {

// Hop counts from s along out-arcs (-1 when not reached).
std::vector<int> bfs(const AnalysisView& v, EntityIndex s) {
    std::vector<int> hops(v.size(), -1);
    std::vector<EntityIndex> queue{s};
    hops[s] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        auto arcs = v.out(queue[head]);
        for (const auto* w = arcs.begin; w != arcs.end; ++w)
            if (hops[*w] < 0) {
                hops[*w] = hops[queue[head]] + 1;
                queue.push_back(*w);
            }
    }
    return hops;
}

}  // namespace

TEST_CASE("closeness and harmonic: batched searches equal one BFS per source", "[analysis]") {
    test::Lcg rng{7};
    for (std::uint32_t n : {1u, 2u, 63u, 64u, 65u, 129u, 300u}) {
        for (double density : {0.6, 1.5, 4.0}) {
            Graph g = test::random_graph(rng, n, static_cast<std::uint32_t>(density * n));
            for (bool undirected : {false, true}) {
                AnalysisView v =
                    AnalysisView::build(g, Selection::all(g).with_direction(
                                               undirected ? Direction::both : Direction::forward));
                auto close = closeness(v, true), plain = closeness(v, false);
                auto harm = harmonic(v, false);
                for (EntityIndex s = 0; s < n; ++s) {
                    double reached = 0, total = 0, inverse = 0;
                    for (int h : bfs(v, s))
                        if (h > 0) {
                            reached += 1;
                            total += h;
                            inverse += 1.0 / h;
                        }
                    INFO("n " << n << " density " << density << " undirected " << undirected
                              << " source " << s);
                    double expect = total > 0 ? reached / total : 0.0;
                    CHECK(plain[s] == expect);
                    CHECK(close[s] == (n > 1 ? expect * (reached / (n - 1)) : expect));
                    CHECK(harm[s] == Approx(inverse).epsilon(1e-12));
                }
            }
        }
    }
}
