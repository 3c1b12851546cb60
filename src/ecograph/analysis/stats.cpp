#include "ecograph/analysis/stats.hpp"

#include <algorithm>
#include <map>
#include <numeric>

// disjoint_sets before the graph algorithms: its unqualified get() on pointers must be bound
// before other headers declare boost::detail::get, which would hide the global overloads.
// clang-format off
#include <boost/pending/disjoint_sets.hpp>
#include <boost/graph/strong_components.hpp>
// clang-format on

#include "ecograph/analysis/detail/bgl_adaptor.hpp"

namespace ecograph {
namespace {

template <typename DegreeOf>
DegreeSummary summarise(const Graph& g, DegreeOf degree_of) {
    DegreeSummary s;
    const std::size_t n = g.entity_count();
    if (n == 0) return s;
    std::vector<std::size_t> d(n);
    for (EntityIndex v = 0; v < n; ++v) d[v] = degree_of(v);
    for (EntityIndex v = 0; v < n; ++v)
        if (d[v] > s.max || (d[v] == s.max && (s.max_entity.empty() || g.id(v) < s.max_entity))) {
            s.max = d[v];
            s.max_entity = std::string(g.id(v));
        }
    s.mean = static_cast<double>(std::accumulate(d.begin(), d.end(), std::size_t{0})) / n;
    std::sort(d.begin(), d.end());
    s.min = d.front();
    s.median = n % 2 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
    return s;
}

std::vector<std::pair<std::string, std::size_t>> sorted_counts(
    const std::map<std::string, std::size_t>& m) {
    return {m.begin(), m.end()};
}

}  // namespace

GraphStats compute_stats(const Graph& g) {
    GraphStats s;
    const std::size_t n = g.entity_count(), m = g.relation_count();
    s.entities = n;
    s.relations = m;
    std::map<std::string, std::size_t> by_type, by_rel;
    for (EntityIndex v = 0; v < n; ++v) ++by_type[std::string(g.entity_type_name(v))];
    for (RelationIndex r = 0; r < m; ++r) ++by_rel[std::string(g.relation_type_name(r))];
    s.entities_by_type = sorted_counts(by_type);
    s.relations_by_type = sorted_counts(by_rel);
    if (n > 1)
        s.density = (g.directed() ? 1.0 : 2.0) * static_cast<double>(m) /
                    (static_cast<double>(n) * static_cast<double>(n - 1));

    boost::disjoint_sets_with_storage<> sets(n);
    for (RelationIndex r = 0; r < m; ++r) {
        EntityIndex a = g.source(r), b = g.target(r);
        if (a == b)
            ++s.self_loops;
        else
            sets.union_set(a, b);
    }
    // A relation repeating an earlier pair is parallel (in undirected graphs, either way round).
    std::vector<std::pair<EntityIndex, EntityIndex>> pairs;
    pairs.reserve(m);
    for (RelationIndex r = 0; r < m; ++r) {
        EntityIndex a = g.source(r), b = g.target(r);
        pairs.emplace_back(g.directed() ? a : std::min(a, b), g.directed() ? b : std::max(a, b));
    }
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 1; i < pairs.size(); ++i)
        if (pairs[i] == pairs[i - 1]) ++s.multi_relations;
    std::vector<std::size_t> size(n, 0);
    for (EntityIndex v = 0; v < n; ++v) ++size[sets.find_set(v)];
    for (std::size_t c : size)
        if (c > 0) {
            ++s.weak_components;
            s.largest_component = std::max(s.largest_component, c);
        }
    if (g.directed()) {
        std::vector<std::size_t> component(n);
        s.strong_components = boost::strong_components(
            g, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, g)));
    } else {
        s.strong_components = s.weak_components;
    }
    for (EntityIndex v = 0; v < n; ++v)
        if (g.in_degree(v) + g.out_degree(v) == 0) ++s.isolated;

    s.in_degree = summarise(g, [&](EntityIndex v) { return g.in_degree(v); });
    s.out_degree = summarise(g, [&](EntityIndex v) { return g.out_degree(v); });
    s.degree = summarise(g, [&](EntityIndex v) { return g.in_degree(v) + g.out_degree(v); });
    return s;
}

}  // namespace ecograph
