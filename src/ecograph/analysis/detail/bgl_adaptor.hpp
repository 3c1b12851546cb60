#pragma once

// Boost.Graph view of ecograph::Graph, without copying: vertices are entity indices, edges are
// relation indices. Models VertexListGraph, IncidenceGraph, BidirectionalGraph and
// EdgeListGraph, with identity vertex_index and edge_index maps, so BGL algorithms
// (strong_components, breadth_first_search, dijkstra_shortest_paths, ...) run on the CSR arrays
// directly. Internal: include only from analysis sources.

#include <cstdint>
#include <utility>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include "ecograph/model/graph.hpp"

namespace boost {

template <>
struct graph_traits<ecograph::Graph> {
    using vertex_descriptor = ecograph::EntityIndex;
    using edge_descriptor = ecograph::RelationIndex;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    struct traversal_category : vertex_list_graph_tag,
                                bidirectional_graph_tag,  // includes incidence_graph_tag
                                edge_list_graph_tag {};
    using vertex_iterator = counting_iterator<ecograph::EntityIndex>;
    using out_edge_iterator = counting_iterator<ecograph::RelationIndex>;
    using in_edge_iterator = const ecograph::RelationIndex*;
    using edge_iterator = counting_iterator<ecograph::RelationIndex>;
    using adjacency_iterator = void;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    using degree_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return ~vertex_descriptor{0}; }
};

template <>
struct property_map<ecograph::Graph, vertex_index_t> {
    using type = typed_identity_property_map<ecograph::EntityIndex>;
    using const_type = type;
};

template <>
struct property_map<ecograph::Graph, edge_index_t> {
    using type = typed_identity_property_map<ecograph::RelationIndex>;
    using const_type = type;
};

}  // namespace boost

namespace ecograph {

// Free functions found by argument-dependent lookup, as BGL expects.
using BglTraits = boost::graph_traits<Graph>;

inline std::pair<BglTraits::vertex_iterator, BglTraits::vertex_iterator> vertices(const Graph& g) {
    return {0, static_cast<EntityIndex>(g.entity_count())};
}
inline std::size_t num_vertices(const Graph& g) { return g.entity_count(); }
inline std::pair<BglTraits::edge_iterator, BglTraits::edge_iterator> edges(const Graph& g) {
    return {0, static_cast<RelationIndex>(g.relation_count())};
}
inline std::size_t num_edges(const Graph& g) { return g.relation_count(); }
inline std::pair<BglTraits::out_edge_iterator, BglTraits::out_edge_iterator> out_edges(
    EntityIndex v, const Graph& g) {
    return {g.out_begin(v), g.out_end(v)};
}
inline std::size_t out_degree(EntityIndex v, const Graph& g) { return g.out_degree(v); }
inline std::pair<BglTraits::in_edge_iterator, BglTraits::in_edge_iterator> in_edges(
    EntityIndex v, const Graph& g) {
    auto span = g.in_relations(v);
    return {span.data(), span.data() + span.size()};
}
inline std::size_t in_degree(EntityIndex v, const Graph& g) { return g.in_degree(v); }
inline std::size_t degree(EntityIndex v, const Graph& g) {
    return g.in_degree(v) + g.out_degree(v);
}
inline EntityIndex source(RelationIndex e, const Graph& g) { return g.source(e); }
inline EntityIndex target(RelationIndex e, const Graph& g) { return g.target(e); }
inline boost::typed_identity_property_map<EntityIndex> get(boost::vertex_index_t, const Graph&) {
    return {};
}
inline boost::typed_identity_property_map<RelationIndex> get(boost::edge_index_t, const Graph&) {
    return {};
}

}  // namespace ecograph
