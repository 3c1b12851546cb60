#include "ecograph/analysis/pagerank.hpp"

#include <catch2/catch.hpp>

#include "select.hpp"

using namespace ecograph;

namespace {

// a, b, c with weighted relations given as (from, to, weight).
Graph weighted_graph(const std::vector<std::tuple<int, int, std::string>>& relations) {
    GraphBuilder b;
    for (const char* id : {"a", "b", "c"}) b.entity(id, {});
    for (const auto& [from, to, weight] : relations) {
        RelationIndex r = b.add_relation(static_cast<EntityIndex>(from),
                                         static_cast<EntityIndex>(to), "partners_with", {});
        b.set_relation_attr(r, "weight", weight);
    }
    return std::move(b).build();
}

}  // namespace

// An entity whose outgoing weights cancel out has out-strength 0: it is dangling, handing its
// rank to the teleport set, and its arcs carry nothing, exactly as if it had none.
TEST_CASE("pagerank: weights that cancel out make an entity dangling", "[analysis][pagerank]") {
    Graph cancelling = weighted_graph({{0, 1, "1"}, {0, 2, "-1"}, {1, 0, "1"}, {2, 0, "2"}});
    Graph without = weighted_graph({{1, 0, "1"}, {2, 0, "2"}});
    auto x =
        pagerank(AnalysisView::build(cancelling, test::select(cancelling, {.weight = "weight"})));
    auto y = pagerank(AnalysisView::build(without, test::select(without, {.weight = "weight"})));
    CHECK(x == y);  // to the last bit
    CHECK(x[0] > x[1]);
    CHECK(x[0] + x[1] + x[2] == Approx(1.0));
}
