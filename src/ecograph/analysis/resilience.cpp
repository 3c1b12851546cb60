#include "ecograph/analysis/resilience.hpp"

#include <algorithm>
#include <numeric>

// disjoint_sets before the graph algorithms (see stats.cpp).
// clang-format off
#include <boost/pending/disjoint_sets.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <boost/graph/strong_components.hpp>
// clang-format on

#include "ecograph/core/error.hpp"

namespace ecograph {

CutStructure cut_structure(const AnalysisView& view) {
    if (view.directed()) throw Error("internal: cut_structure needs an undirected view");
    const std::size_t n = view.size();
    constexpr std::uint32_t kNone = ~std::uint32_t{0};
    std::vector<std::uint32_t> disc(n, kNone), low(n, 0), parent(n, kNone);
    std::vector<std::size_t> subtree(n, 1), next_arc(n, 0);
    // Per entity: sizes of the child subtrees it cuts off (low[child] >= disc[entity]).
    std::vector<std::vector<std::size_t>> separated(n);
    std::uint32_t time = 0;
    CutStructure out;
    std::vector<EntityIndex> stack, members;
    std::vector<std::pair<EntityIndex, EntityIndex>> tree_bridges;  // (parent, child)
    for (EntityIndex root = 0; root < n; ++root) {
        if (disc[root] != kNone) continue;
        disc[root] = low[root] = time++;
        stack.assign(1, root);
        members.assign(1, root);
        tree_bridges.clear();
        while (!stack.empty()) {  // iterative DFS: no recursion depth limit
            EntityIndex v = stack.back();
            auto arcs = view.out(v);
            if (next_arc[v] < static_cast<std::size_t>(arcs.end - arcs.begin)) {
                std::size_t arc = arcs.first + next_arc[v];
                EntityIndex w = arcs.begin[next_arc[v]++];
                // The tree edge back to the parent is not a back edge, unless the two are
                // joined by several relations: then it is one, and no bridge separates them.
                if (w == v || (w == parent[v] && view.multiplicity(arc) == 1)) continue;
                if (disc[w] == kNone) {
                    parent[w] = v;
                    disc[w] = low[w] = time++;
                    stack.push_back(w);
                    members.push_back(w);
                } else {
                    low[v] = std::min(low[v], disc[w]);
                }
                continue;
            }
            stack.pop_back();
            EntityIndex p = parent[v];
            if (p == kNone) continue;
            low[p] = std::min(low[p], low[v]);
            subtree[p] += subtree[v];
            if (low[v] >= disc[p]) separated[p].push_back(subtree[v]);
            if (low[v] > disc[p]) tree_bridges.push_back({p, v});
        }
        const std::size_t comp = subtree[root];
        for (auto [p, v] : tree_bridges) {
            std::size_t below = subtree[v], above = comp - below;
            if (p < v)
                out.bridges.push_back({p, v, above, below});
            else
                out.bridges.push_back({v, p, below, above});
        }
        for (EntityIndex v : members) {
            // The root cuts only when it has two or more DFS children.
            if (separated[v].empty() || (v == root && separated[v].size() < 2)) continue;
            std::vector<std::size_t> pieces = separated[v];
            std::size_t cut = std::accumulate(pieces.begin(), pieces.end(), std::size_t{0});
            if (comp - 1 > cut) pieces.push_back(comp - 1 - cut);
            std::sort(pieces.rbegin(), pieces.rend());
            out.articulation_points.push_back({v, std::move(pieces)});
        }
    }
    std::sort(out.articulation_points.begin(), out.articulation_points.end(),
              [](const auto& x, const auto& y) { return x.entity < y.entity; });
    std::sort(out.bridges.begin(), out.bridges.end(), [](const Bridge& x, const Bridge& y) {
        return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    return out;
}

std::vector<std::uint32_t> weak_components(const AnalysisView& view) {
    const std::size_t n = view.size();
    boost::disjoint_sets_with_storage<> sets(n);
    for (EntityIndex v = 0; v < n; ++v) {
        auto out = view.out(v);
        for (const auto* w = out.begin; w != out.end; ++w) sets.union_set(v, *w);
    }
    std::vector<std::uint32_t> comp(n), label(n, ~std::uint32_t{0});
    for (EntityIndex v = 0; v < n; ++v) {
        auto root = sets.find_set(v);
        if (label[root] == ~std::uint32_t{0}) label[root] = v;  // smallest index of the component
        comp[v] = label[root];
    }
    return comp;
}

namespace {

using BglDigraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

BglDigraph copy_to_bgl(const AnalysisView& view) {
    BglDigraph bg(view.size());
    for (EntityIndex v = 0; v < view.size(); ++v) {
        auto out = view.out(v);
        for (const auto* w = out.begin; w != out.end; ++w)
            if (*w != v) boost::add_edge(v, *w, bg);
    }
    return bg;
}

}  // namespace

std::vector<std::uint32_t> strong_components(const AnalysisView& view) {
    const std::size_t n = view.size();
    BglDigraph bg = copy_to_bgl(view);
    std::vector<std::size_t> comp(n);
    boost::strong_components(
        bg, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, bg)));
    // Renumber by smallest member, independent of BGL's numbering.
    std::vector<std::uint32_t> label(n, ~std::uint32_t{0}), out(n);
    for (EntityIndex v = 0; v < n; ++v) {
        if (label[comp[v]] == ~std::uint32_t{0}) label[comp[v]] = v;
        out[v] = label[comp[v]];
    }
    return out;
}

std::vector<EntityIndex> immediate_dominators(const AnalysisView& view, EntityIndex root) {
    const std::size_t n = view.size();
    // Only arcs leaving entities reachable from the root: Boost's Lengauer-Tarjan assumes every
    // predecessor it meets was reached, and an arc from outside would corrupt semidominators.
    std::vector<char> reached(n, 0);
    std::vector<EntityIndex> queue{root};
    reached[root] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        auto out = view.out(queue[head]);
        for (const auto* w = out.begin; w != out.end; ++w)
            if (!reached[*w]) {
                reached[*w] = 1;
                queue.push_back(*w);
            }
    }
    BglDigraph bg(n);
    for (EntityIndex v : queue) {
        auto out = view.out(v);
        for (const auto* w = out.begin; w != out.end; ++w)
            if (*w != v) boost::add_edge(v, *w, bg);
    }
    using Vertex = boost::graph_traits<BglDigraph>::vertex_descriptor;
    std::vector<Vertex> idom(n, boost::graph_traits<BglDigraph>::null_vertex());
    boost::lengauer_tarjan_dominator_tree(
        bg, root,
        boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, bg)));
    std::vector<EntityIndex> out(n, static_cast<EntityIndex>(n));
    for (std::size_t v = 0; v < n; ++v)
        if (idom[v] != boost::graph_traits<BglDigraph>::null_vertex() && v != root)
            out[v] = static_cast<EntityIndex>(idom[v]);
    return out;
}

}  // namespace ecograph
