#include "ecograph/analysis/impact.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "ecograph/analysis/betweenness.hpp"
#include "ecograph/analysis/centrality.hpp"
#include "ecograph/analysis/grouping.hpp"
#include "ecograph/analysis/resilience.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph {
namespace {

// Entities reachable from s along out-arcs of the view (s itself excluded).
void reachable(const AnalysisView& view, EntityIndex s, std::vector<char>& seen,
               std::vector<EntityIndex>& order) {
    order.assign(1, s);
    seen[s] = 1;
    for (std::size_t head = 0; head < order.size(); ++head) {
        auto out = view.out(order[head]);
        for (const auto* w = out.begin; w != out.end; ++w)
            if (!seen[*w]) {
                seen[*w] = 1;
                order.push_back(*w);
            }
    }
}

}  // namespace

ImpactResult impact(const Graph& g, const Schema& schema, const Selection& sel,
                    const ImpactOptions& o) {
    const std::size_t n = g.entity_count();
    ImpactResult r;
    r.removed = sel.removed();
    if (r.removed.empty()) throw Error("impact needs at least one entity to remove");
    std::vector<bool> gone(n, false);
    for (EntityIndex v : r.removed) gone[v] = true;

    // "After" is the same graph with the removed entities isolated, so indices stay the same;
    // they are simply skipped.
    const Selection before = sel.without_removals();
    AnalysisView vb = AnalysisView::build(g, before), va = AnalysisView::build(g, sel);

    // Lost routes.
    auto from_ok = entity_type_mask(g, schema, o.from_types, "--from-types");
    auto to_ok = entity_type_mask(g, schema, o.to_types, "--to-types");
    auto region = region_of(g, schema, false);
    std::vector<char> seen_b(n, 0), seen_a(n, 0);
    std::vector<EntityIndex> order_b, order_a;
    std::vector<EntityIndex> sources;
    for (EntityIndex v = 0; v < n; ++v)
        if (from_ok[v] && !gone[v]) sources.push_back(v);
    for (EntityIndex s : sources) {
        reachable(vb, s, seen_b, order_b);
        reachable(va, s, seen_a, order_a);
        for (EntityIndex t : order_b)
            if (t != s && !gone[t] && to_ok[t] && !seen_a[t]) r.lost_pairs.push_back({s, t});
        for (EntityIndex v : order_b) seen_b[v] = 0;
        for (EntityIndex v : order_a) seen_a[v] = 0;
    }
    std::sort(r.lost_pairs.begin(), r.lost_pairs.end(), [&](const auto& a, const auto& b) {
        return std::make_pair(g.id(a.first), g.id(a.second)) <
               std::make_pair(g.id(b.first), g.id(b.second));
    });
    auto region_name = [&](EntityIndex v) {
        return region[v] < n ? std::string(g.id(region[v])) : std::string("(none)");
    };
    for (auto [s, t] : r.lost_pairs) {
        ++r.lost_by_type[{std::string(g.entity_type_name(s)), std::string(g.entity_type_name(t))}];
        ++r.lost_by_region[{region_name(s), region_name(t)}];
    }

    // Components that split (direction ignored).
    AnalysisView ub = AnalysisView::build(g, before.with_direction(Direction::both)),
                 ua = AnalysisView::build(g, sel.with_direction(Direction::both));
    auto cb = weak_components(ub), ca = weak_components(ua);
    std::map<std::uint32_t, std::map<std::uint32_t, std::size_t>> parts;
    for (EntityIndex v = 0; v < n; ++v)
        if (!gone[v]) ++parts[cb[v]][ca[v]];
    for (const auto& [comp, pieces] : parts) {
        if (pieces.size() < 2) continue;
        ComponentSplit split;
        split.example = n;
        for (auto [p, size] : pieces) {
            split.after.push_back(size);
            split.before += size;
        }
        for (EntityIndex v = 0; v < n; ++v)
            if (!gone[v] && cb[v] == comp && (split.example == n || g.id(v) < g.id(split.example)))
                split.example = v;
        std::sort(split.after.rbegin(), split.after.rend());
        r.splits.push_back(std::move(split));
    }
    std::sort(r.splits.begin(), r.splits.end(), [&](const auto& a, const auto& b) {
        if (a.before != b.before) return a.before > b.before;
        return g.id(a.example) < g.id(b.example);
    });

    // New single points of failure.
    std::set<EntityIndex> ap_before;
    for (const auto& ap : cut_structure(ub).articulation_points) ap_before.insert(ap.entity);
    for (const auto& ap : cut_structure(ua).articulation_points)
        if (!ap_before.count(ap.entity)) r.new_articulation_points.push_back(ap.entity);
    std::sort(r.new_articulation_points.begin(), r.new_articulation_points.end(),
              [&](EntityIndex a, EntityIndex b) { return g.id(a) < g.id(b); });

    // Betweenness movers.
    auto bb = betweenness(vb, false, false).vertex, ba = betweenness(va, false, false).vertex;
    for (EntityIndex v = 0; v < n; ++v)
        if (!gone[v] && bb[v] != ba[v]) r.movers.push_back({v, bb[v], ba[v]});
    std::sort(r.movers.begin(), r.movers.end(), [&](const MoverScore& a, const MoverScore& b) {
        double da = std::abs(a.after - a.before), db = std::abs(b.after - b.before);
        if (da != db) return da > db;
        return g.id(a.entity) < g.id(b.entity);
    });
    return r;
}

}  // namespace ecograph
