#include "ecograph/analysis/betweenness.hpp"

#include <algorithm>
#include <limits>
#include <queue>

namespace ecograph {
namespace {

constexpr double kUnreached = -1.0;

// Per-thread arrays, reset after each source for the entities it reached only.
struct Scratch {
    std::vector<double> dist, sigma, delta;
    std::vector<EntityIndex> order;  // BFS order, or Dijkstra settle order
    std::vector<char> settled;
    explicit Scratch(std::size_t n)
        : dist(n, kUnreached), sigma(n, 0.0), delta(n, 0.0), settled(n, 0) {}
};

void shortest_paths_bfs(const AnalysisView& view, EntityIndex s, Scratch& st) {
    st.dist[s] = 0;
    st.sigma[s] = 1;
    st.order.push_back(s);
    for (std::size_t head = 0; head < st.order.size(); ++head) {
        EntityIndex v = st.order[head];
        auto arcs = view.out(v);
        for (const auto* w = arcs.begin; w != arcs.end; ++w) {
            if (st.dist[*w] == kUnreached) {
                st.dist[*w] = st.dist[v] + 1;
                st.order.push_back(*w);
            }
            if (st.dist[*w] == st.dist[v] + 1) st.sigma[*w] += st.sigma[v];
        }
    }
}

void shortest_paths_dijkstra(const AnalysisView& view, EntityIndex s, Scratch& st) {
    using Item = std::pair<double, EntityIndex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    st.dist[s] = 0;
    st.sigma[s] = 1;
    heap.push({0.0, s});
    while (!heap.empty()) {
        auto [d, v] = heap.top();
        heap.pop();
        if (st.settled[v]) continue;
        st.settled[v] = 1;
        st.order.push_back(v);
        auto arcs = view.out(v);
        for (const auto* w = arcs.begin; w != arcs.end; ++w) {
            if (st.settled[*w]) continue;
            double nd = d + view.length(arcs.first + (w - arcs.begin));
            if (st.dist[*w] == kUnreached || nd < st.dist[*w]) {
                st.dist[*w] = nd;
                st.sigma[*w] = st.sigma[v];
                heap.push({nd, *w});
            } else if (nd == st.dist[*w]) {
                st.sigma[*w] += st.sigma[v];
            }
        }
    }
}

}  // namespace

BetweennessResult betweenness(const AnalysisView& view, bool normalized, bool edges,
                              const RunControl& control) {
    const std::size_t n = view.size(), arcs_n = view.arc_count();
    unsigned threads = partition_threads(n, control);
    std::vector<Scratch> scratch;
    for (unsigned t = 0; t < threads; ++t) scratch.emplace_back(n);
    std::vector<std::vector<double>> acc(kPartitions, std::vector<double>(n, 0.0));
    std::vector<std::vector<double>> edge_acc(edges ? kPartitions : 0,
                                              std::vector<double>(arcs_n, 0.0));

    for_each_partitioned(n, control, threads, [&](unsigned t, std::size_t p, std::size_t item) {
        Scratch& st = scratch[t];
        auto s = static_cast<EntityIndex>(item);
        if (view.weighted())
            shortest_paths_dijkstra(view, s, st);
        else
            shortest_paths_bfs(view, s, st);
        // Dependencies, pulled from successors in reverse order of distance.
        for (auto it = st.order.rbegin(); it != st.order.rend(); ++it) {
            EntityIndex v = *it;
            auto out = view.out(v);
            for (const auto* w = out.begin; w != out.end; ++w) {
                std::size_t arc = out.first + (w - out.begin);
                if (*w == v || st.dist[*w] == kUnreached) continue;
                if (view.weighted()
                        ? !(st.settled[*w] && st.dist[v] + view.length(arc) == st.dist[*w])
                        : st.dist[*w] != st.dist[v] + 1)
                    continue;
                double c = st.sigma[v] / st.sigma[*w] * (1.0 + st.delta[*w]);
                st.delta[v] += c;
                if (edges) edge_acc[p][arc] += c;
            }
            if (v != s) acc[p][v] += st.delta[v];
        }
        for (EntityIndex v : st.order) {
            st.dist[v] = kUnreached;
            st.sigma[v] = st.delta[v] = 0;
            st.settled[v] = 0;
        }
        st.order.clear();
    });

    BetweennessResult result;
    result.vertex.assign(n, 0.0);
    for (std::size_t p = 0; p < kPartitions; ++p)  // fixed order: same sums on any thread count
        for (std::size_t v = 0; v < n; ++v) result.vertex[v] += acc[p][v];
    const double nd = static_cast<double>(n);
    double scale = 1.0;
    if (normalized)
        scale = n > 2 ? 1.0 / ((nd - 1) * (nd - 2)) : 1.0;
    else if (!view.directed())
        scale = 0.5;  // every unordered pair was counted from both ends
    for (double& x : result.vertex) x *= scale;

    if (edges) {
        std::vector<double> total(arcs_n, 0.0);
        for (std::size_t p = 0; p < kPartitions; ++p)
            for (std::size_t a = 0; a < arcs_n; ++a) total[a] += edge_acc[p][a];
        double escale =
            normalized ? (n > 1 ? 1.0 / (nd * (nd - 1)) : 1.0) : (view.directed() ? 1.0 : 0.5);
        for (EntityIndex u = 0; u < n; ++u) {
            auto out = view.out(u);
            for (const auto* w = out.begin; w != out.end; ++w) {
                std::size_t arc = out.first + (w - out.begin);
                if (*w == u) continue;
                double value = total[arc];
                if (!view.directed()) {
                    if (*w < u) continue;  // each edge once, from its lower index
                    auto back = view.out(*w);
                    const auto* rev = std::lower_bound(back.begin, back.end, u);
                    value += total[back.first + (rev - back.begin)];
                }
                result.edges.push_back({u, *w, value * escale});
            }
        }
    }
    return result;
}

}  // namespace ecograph
