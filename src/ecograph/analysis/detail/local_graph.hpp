#pragma once

// Internal: the unweighted simple view renumbered for cache locality, shared by the BFS
// kernels (betweenness, closeness, harmonic).

#include <algorithm>
#include <cstdint>
#include <vector>

#include "ecograph/analysis/view.hpp"

namespace ecograph::detail {

// The unweighted graph renumbered for locality: entities by decreasing degree, so the hubs
// most arcs lead to share a few cache lines. orig_arc maps a local arc to the view's arc.
struct LocalGraph {
    std::vector<std::uint64_t> off;
    std::vector<std::uint32_t> nbr;
    std::vector<std::size_t> orig_arc;
    std::vector<EntityIndex> to_entity;  // local index -> entity

    explicit LocalGraph(const AnalysisView& view) {
        const std::size_t n = view.size();
        to_entity.resize(n);
        for (std::size_t v = 0; v < n; ++v) to_entity[v] = static_cast<EntityIndex>(v);
        std::stable_sort(to_entity.begin(), to_entity.end(), [&](EntityIndex a, EntityIndex b) {
            return view.out_degree(a) + view.in(a).end - view.in(a).begin >
                   view.out_degree(b) + view.in(b).end - view.in(b).begin;
        });
        std::vector<std::uint32_t> local(n);
        for (std::size_t i = 0; i < n; ++i) local[to_entity[i]] = static_cast<std::uint32_t>(i);
        off.assign(n + 1, 0);
        std::vector<std::pair<std::uint32_t, std::size_t>> arcs;
        for (std::size_t i = 0; i < n; ++i) {
            auto out = view.out(to_entity[i]);
            arcs.clear();
            for (const auto* w = out.begin; w != out.end; ++w)
                if (*w != to_entity[i]) arcs.push_back({local[*w], out.first + (w - out.begin)});
            std::sort(arcs.begin(), arcs.end());
            for (const auto& [w, a] : arcs) {
                nbr.push_back(w);
                orig_arc.push_back(a);
            }
            off[i + 1] = nbr.size();
        }
    }

    /// The same entities with every arc reversed (no orig_arc), neighbours sorted.
    LocalGraph transposed() const {
        LocalGraph t;
        const std::size_t n = to_entity.size();
        t.to_entity = to_entity;
        t.off.assign(n + 1, 0);
        for (std::uint32_t w : nbr) ++t.off[w + 1];
        for (std::size_t v = 0; v < n; ++v) t.off[v + 1] += t.off[v];
        t.nbr.resize(nbr.size());
        std::vector<std::uint64_t> fill(t.off.begin(), t.off.end() - 1);
        for (std::size_t v = 0; v < n; ++v)  // by increasing v: each list comes out sorted
            for (std::uint64_t a = off[v]; a < off[v + 1]; ++a)
                t.nbr[fill[nbr[a]]++] = static_cast<std::uint32_t>(v);
        return t;
    }

private:
    LocalGraph() = default;
};

}  // namespace ecograph::detail
