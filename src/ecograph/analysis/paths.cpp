#include "ecograph/analysis/paths.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <queue>
#include <set>

#include <fmt/format.h>

namespace ecograph {

ReachResult reach(const Graph& g, EntityIndex start, const Selection& sel, std::size_t max_hops) {
    const std::size_t n = g.entity_count();
    ReachResult r;
    r.start = start;
    r.distance.assign(n, -1);
    r.parent.assign(n, {0, true});
    r.distance[start] = 0;
    std::vector<EntityIndex> queue{start};
    // An undirected graph's relations go both ways, whatever the options.
    const bool both = sel.undirected(g), reverse = sel.direction() == Direction::reverse;
    const bool forward = both || !reverse, backward = both || reverse;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        EntityIndex v = queue[head];
        if (static_cast<std::size_t>(r.distance[v]) >= max_hops) continue;
        auto visit = [&](RelationIndex rel, EntityIndex w, bool along) {
            if (!sel.keeps(g, rel) || r.distance[w] >= 0) return;
            r.distance[w] = r.distance[v] + 1;
            r.parent[w] = {rel, along};
            queue.push_back(w);
        };
        if (forward)
            for (RelationIndex rel = g.out_begin(v); rel < g.out_end(v); ++rel)
                visit(rel, g.target(rel), true);
        if (backward)
            for (RelationIndex rel : g.in_relations(v)) visit(rel, g.source(rel), false);
    }
    return r;
}

std::optional<EntityPath> bidirectional_path(const Graph& g, EntityIndex a, EntityIndex b,
                                             const Selection& sel) {
    if (a == b) return EntityPath{{a}, 0};
    const std::size_t n = g.entity_count();
    const bool both = sel.undirected(g), reverse = sel.direction() == Direction::reverse;
    // Side 0 searches from a along the route's direction, side 1 from b against it.
    const bool from_a_along = both || !reverse, from_a_against = both || reverse;
    std::array<std::vector<std::int32_t>, 2> dist{std::vector<std::int32_t>(n, -1),
                                                  std::vector<std::int32_t>(n, -1)};
    std::array<std::vector<EntityIndex>, 2> prev{std::vector<EntityIndex>(n),
                                                 std::vector<EntityIndex>(n)};
    std::array<std::vector<EntityIndex>, 2> front{std::vector<EntityIndex>{a},
                                                  std::vector<EntityIndex>{b}};
    dist[0][a] = 0;
    dist[1][b] = 0;
    std::int64_t best = -1;
    EntityIndex meet = 0;
    while (!front[0].empty() && !front[1].empty() && best < 0) {
        // Expand the smaller frontier by one whole level; the first level that touches the
        // other side holds a shortest route (the meeting with the smallest total, then index).
        const int s = front[1].size() < front[0].size() ? 1 : 0;
        const bool along = s == 0 ? from_a_along : from_a_against;
        const bool against = s == 0 ? from_a_against : from_a_along;
        std::vector<EntityIndex> next;
        for (EntityIndex v : front[s]) {
            auto visit = [&](RelationIndex rel, EntityIndex w) {
                if (!sel.keeps(g, rel) || dist[s][w] >= 0) return;
                dist[s][w] = dist[s][v] + 1;
                prev[s][w] = v;
                next.push_back(w);
                if (dist[1 - s][w] < 0) return;
                std::int64_t total = dist[s][w] + dist[1 - s][w];
                if (best < 0 || total < best || (total == best && w < meet)) {
                    best = total;
                    meet = w;
                }
            };
            if (along)
                for (RelationIndex rel = g.out_begin(v); rel < g.out_end(v); ++rel)
                    visit(rel, g.target(rel));
            if (against)
                for (RelationIndex rel : g.in_relations(v)) visit(rel, g.source(rel));
        }
        front[s] = std::move(next);
    }
    if (best < 0) return std::nullopt;
    EntityPath path;
    for (EntityIndex v = meet; v != a; v = prev[0][v]) path.entities.push_back(v);
    path.entities.push_back(a);
    std::reverse(path.entities.begin(), path.entities.end());
    for (EntityIndex v = meet; v != b;) {
        v = prev[1][v];
        path.entities.push_back(v);
    }
    path.length = static_cast<double>(best);
    return path;
}

std::vector<RouteStep> witness(const ReachResult& r, const Graph& g, EntityIndex to) {
    std::vector<RouteStep> steps;
    if (r.distance[to] < 0) return steps;
    for (EntityIndex v = to; v != r.start;) {
        RouteStep s = r.parent[v];
        steps.push_back(s);
        v = s.forward ? g.source(s.relation) : g.target(s.relation);
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
}

std::vector<RouteStep> reading_witness(const ReachResult& r, const Graph& g, EntityIndex to,
                                       bool reverse) {
    auto steps = witness(r, g, to);
    if (reverse) {
        std::reverse(steps.begin(), steps.end());
        for (auto& s : steps) s.forward = !s.forward;
    }
    return steps;
}

std::string route_text(const Graph& g, EntityIndex start, const std::vector<RouteStep>& steps) {
    std::string out(g.id(start));
    for (const auto& s : steps) {
        std::string_view type = g.relation_type_name(s.relation);
        std::string label = type.empty() ? "" : std::string(type);
        if (s.forward)
            out += fmt::format(" -{}-> {}", label, g.id(g.target(s.relation)));
        else
            out += fmt::format(" <-{}- {}", label, g.id(g.source(s.relation)));
    }
    return out;
}

namespace {

double arc_length(const AnalysisView& view, EntityIndex u, EntityIndex w) {
    auto out = view.out(u);
    const auto* it = std::lower_bound(out.begin, out.end, w);
    return view.length(out.first + (it - out.begin));
}

// Dijkstra distances from a (-1 where not reached) avoiding blocked entities and arcs, stopping
// once `stop` is settled. The heap is ordered by (distance, entity) and a parent is kept from
// the first shortest route found, so results are deterministic.
std::vector<double> distances_from(
    const AnalysisView& view, EntityIndex a, EntityIndex stop, const std::vector<char>& blocked,
    const std::set<std::pair<EntityIndex, EntityIndex>>& blocked_arcs,
    std::vector<EntityIndex>* parent = nullptr) {
    std::vector<double> dist(view.size(), -1);
    using Item = std::pair<double, EntityIndex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    dist[a] = 0;
    heap.push({0, a});
    while (!heap.empty()) {
        auto [d, v] = heap.top();
        heap.pop();
        if (d > dist[v]) continue;
        if (v == stop) break;
        auto out = view.out(v);
        for (const auto* w = out.begin; w != out.end; ++w) {
            if (*w == v || blocked[*w] || blocked_arcs.count({v, *w})) continue;
            double nd = d + view.length(out.first + (w - out.begin));
            if (dist[*w] < 0 || nd < dist[*w]) {
                dist[*w] = nd;
                if (parent) (*parent)[*w] = v;
                heap.push({nd, *w});
            }
        }
    }
    return dist;
}

std::optional<EntityPath> dijkstra(
    const AnalysisView& view, EntityIndex a, EntityIndex b, const std::vector<char>& blocked,
    const std::set<std::pair<EntityIndex, EntityIndex>>& blocked_arcs) {
    std::vector<EntityIndex> parent(view.size(), a);
    auto dist = distances_from(view, a, b, blocked, blocked_arcs, &parent);
    if (dist[b] < 0) return std::nullopt;
    EntityPath p;
    p.length = dist[b];
    for (EntityIndex v = b; v != a; v = parent[v]) p.entities.push_back(v);
    p.entities.push_back(a);
    std::reverse(p.entities.begin(), p.entities.end());
    return p;
}

std::vector<EntityPath> all_shortest(const AnalysisView& view, EntityIndex a, EntityIndex b,
                                     std::size_t limit) {
    const std::size_t n = view.size();
    auto dist = distances_from(view, a, static_cast<EntityIndex>(n), std::vector<char>(n, 0), {});
    std::vector<EntityPath> paths;
    if (dist[b] < 0) return paths;
    // Walk back from b over predecessors on shortest routes, in entity order.
    std::vector<EntityIndex> stack{b};
    std::function<void(EntityIndex)> back = [&](EntityIndex w) {
        if (paths.size() >= limit) return;
        if (w == a) {
            EntityPath p{std::vector<EntityIndex>(stack.rbegin(), stack.rend()), dist[b]};
            paths.push_back(std::move(p));
            return;
        }
        auto in = view.in(w);
        for (const auto* u = in.begin; u != in.end; ++u) {
            if (*u == w || dist[*u] < 0 || dist[*u] + arc_length(view, *u, w) != dist[w]) continue;
            stack.push_back(*u);
            back(*u);
            stack.pop_back();
        }
    };
    back(b);
    std::sort(paths.begin(), paths.end(),
              [](const EntityPath& x, const EntityPath& y) { return x.entities < y.entities; });
    return paths;
}

// Yen's k shortest loopless paths.
std::vector<EntityPath> yen(const AnalysisView& view, EntityIndex a, EntityIndex b, std::size_t k) {
    const std::size_t n = view.size();
    std::vector<EntityPath> found;
    std::vector<char> none(n, 0);
    auto first = dijkstra(view, a, b, none, {});
    if (!first) return found;
    found.push_back(*first);
    auto order = [](const EntityPath& x, const EntityPath& y) {
        return std::tie(x.length, x.entities) < std::tie(y.length, y.entities);
    };
    std::set<EntityPath, decltype(order)> candidates(order);
    while (found.size() < k) {
        const EntityPath& last = found.back();
        for (std::size_t i = 0; i + 1 < last.entities.size(); ++i) {
            EntityIndex spur = last.entities[i];
            std::vector<EntityIndex> root(last.entities.begin(), last.entities.begin() + i + 1);
            std::set<std::pair<EntityIndex, EntityIndex>> blocked_arcs;
            for (const auto& p : found)
                if (p.entities.size() > i + 1 &&
                    std::equal(root.begin(), root.end(), p.entities.begin()))
                    blocked_arcs.insert({p.entities[i], p.entities[i + 1]});
            std::vector<char> blocked(n, 0);
            for (std::size_t j = 0; j < i; ++j) blocked[root[j]] = 1;
            auto spur_path = dijkstra(view, spur, b, blocked, blocked_arcs);
            if (!spur_path) continue;
            EntityPath total;
            total.entities = root;
            total.entities.insert(total.entities.end(), spur_path->entities.begin() + 1,
                                  spur_path->entities.end());
            total.length = spur_path->length;
            for (std::size_t j = 0; j < i; ++j)
                total.length += arc_length(view, root[j], root[j + 1]);
            bool known = std::any_of(found.begin(), found.end(), [&](const EntityPath& p) {
                return p.entities == total.entities;
            });
            if (!known) candidates.insert(std::move(total));
        }
        if (candidates.empty()) break;
        found.push_back(*candidates.begin());
        candidates.erase(candidates.begin());
    }
    return found;
}

}  // namespace

std::vector<EntityPath> shortest_paths(const AnalysisView& view, EntityIndex a, EntityIndex b,
                                       std::size_t k_shortest, bool all, std::size_t limit) {
    if (a == b) return {EntityPath{{a}, 0}};
    if (all) return all_shortest(view, a, b, limit);
    if (k_shortest > 1) return yen(view, a, b, k_shortest);
    std::vector<char> none(view.size(), 0);
    auto p = dijkstra(view, a, b, none, {});
    if (!p) return {};
    return {*p};
}

std::string path_text(const Graph& g, const EntityPath& path, const Selection& sel) {
    const bool reverse = sel.direction() == Direction::reverse;
    std::string out(g.id(path.entities.front()));
    for (std::size_t i = 0; i + 1 < path.entities.size(); ++i) {
        EntityIndex u = path.entities[i], w = path.entities[i + 1];
        std::set<std::string> along, against;
        for (RelationIndex r = g.out_begin(u); r < g.out_end(u); ++r)
            if (g.target(r) == w && sel.keeps(g, r))
                along.insert(std::string(g.relation_type_name(r)));
        if (sel.direction() != Direction::forward)
            for (RelationIndex r = g.out_begin(w); r < g.out_end(w); ++r)
                if (g.target(r) == u && sel.keeps(g, r))
                    against.insert(std::string(g.relation_type_name(r)));
        auto join = [](const std::set<std::string>& s) {
            std::string t;
            for (const auto& x : s) t += (t.empty() ? "" : "|") + x;
            return t;
        };
        if (!along.empty() && !reverse)
            out += fmt::format(" -{}-> {}", join(along), g.id(w));
        else
            out += fmt::format(" <-{}- {}", join(against), g.id(w));
    }
    return out;
}

}  // namespace ecograph
