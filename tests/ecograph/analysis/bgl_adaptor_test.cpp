#include "ecograph/analysis/detail/bgl_adaptor.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <catch2/catch.hpp>

#include "ecograph/io/dot_reader.hpp"

using namespace ecograph;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<Graph>));

//  a -> b -> c -> d      a -> c      e (unreachable)
TEST_CASE("bgl_adaptor: breadth-first search runs on the CSR arrays", "[analysis][bgl]") {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot("digraph { a -> b -> c -> d; a -> c; e }", "b.gv", b, d));
    Graph g = std::move(b).build();
    std::vector<std::size_t> dist(g.entity_count(), 99);
    EntityIndex a = *g.find("a");
    dist[a] = 0;
    boost::breadth_first_search(
        g, a,
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(
            boost::make_iterator_property_map(dist.begin(), get(boost::vertex_index, g)),
            boost::on_tree_edge()))));
    CHECK(dist[*g.find("b")] == 1);
    CHECK(dist[*g.find("c")] == 1);
    CHECK(dist[*g.find("d")] == 2);
    CHECK(dist[*g.find("e")] == 99);
    auto [first, last] = in_edges(*g.find("c"), g);
    CHECK(last - first == 2);
}
