#include "ecograph/analysis/betweenness.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <queue>
#include <random>

#include "ecograph/analysis/detail/local_graph.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph {
namespace {

constexpr double kUnreached = -1.0;

// Per-thread arrays, reset after each source for the entities it reached only.
struct Scratch {
    std::vector<double> dist, sigma, delta, coef;
    std::vector<EntityIndex> order;  // BFS order, or Dijkstra settle order
    std::vector<char> settled;
    explicit Scratch(std::size_t n)
        : dist(n, kUnreached), sigma(n, 0.0), delta(n, 0.0), coef(n, 0.0), settled(n, 0) {}
};

// Per-thread state of one BFS. hops is kept apart and small (4 bytes an entity) because every
// arc of the forward pass reads it. coef holds (1 + delta) / sigma only for the level just
// below the one being summed, and 0 elsewhere, so the backward pass adds coef over all of an
// entity's arcs without looking at hops; pending holds a level's coefs until it is published.
struct BfsState {
    std::vector<std::int32_t> hops;
    std::vector<double> sigma, coef, pending;
    std::vector<std::uint32_t> order;
    explicit BfsState(std::size_t n)
        : hops(n, -1), sigma(n, 0.0), coef(n, 0.0), pending(n), order(n + 1) {}
};

// Unweighted Brandes from one source. Each dependency is added `weight` times (the source and
// the leaves it stands for, see betweenness()). This loop is nearly all of the run time.
// Returns how many entities the source reaches, itself included.
std::size_t brandes_bfs(const detail::LocalGraph& g, std::uint32_t s, BfsState& st, double weight,
                        double* vertex_acc, double* edge_acc) {
    std::int32_t* hops = st.hops.data();
    double* sigma = st.sigma.data();
    double* coef = st.coef.data();
    const std::uint64_t* off = g.off.data();
    const std::uint32_t* nbr = g.nbr.data();
    // The branches "is w new" and "is w one level down" are unpredictable; written as
    // selects, they compile to conditional moves (several times faster on power-law graphs).
    std::uint32_t* order = st.order.data();  // sized n + 1: a rejected push writes past the end
    std::size_t tail = 0;
    hops[s] = 0;
    sigma[s] = 1;
    order[tail++] = s;
    for (std::size_t head = 0; head < tail; ++head) {
        std::uint32_t v = order[head];
        const std::int32_t next = hops[v] + 1;
        const double sv = sigma[v];
        for (std::uint64_t a = off[v]; a < off[v + 1]; ++a) {
            std::uint32_t w = nbr[a];
            std::int32_t h = hops[w];
            bool fresh = h < 0;
            h = fresh ? next : h;
            hops[w] = h;
            order[tail] = w;
            tail += fresh;
            sigma[w] += h == next ? sv : 0.0;
        }
    }
    // Backward, one level at a time: order[begin, end) is a level, order[end, below) the
    // level under it, whose coefs are the only ones published.
    double* pending = st.pending.data();
    std::size_t end = tail, below = tail;
    while (end > 0) {
        const std::int32_t level = hops[order[end - 1]];
        std::size_t begin = end;
        while (begin > 0 && hops[order[begin - 1]] == level) --begin;
        for (std::size_t i = begin; i < end; ++i) {
            std::uint32_t v = order[i];
            double sum = 0;
            if (edge_acc) {
                for (std::uint64_t a = off[v]; a < off[v + 1]; ++a) {
                    double c = coef[nbr[a]];
                    sum += c;
                    edge_acc[a] += c != 0 ? weight * sigma[v] * c : 0.0;
                }
            } else {
                // Two running sums halve the chain of dependent additions.
                double sum2 = 0;
                std::uint64_t a = off[v];
                for (; a + 1 < off[v + 1]; a += 2) {
                    sum += coef[nbr[a]];
                    sum2 += coef[nbr[a + 1]];
                }
                if (a < off[v + 1]) sum += coef[nbr[a]];
                sum += sum2;
            }
            double delta = sigma[v] * sum;
            pending[i] = (1.0 + delta) / sigma[v];
            if (v != s) vertex_acc[v] += weight * delta;
        }
        for (std::size_t i = end; i < below; ++i) coef[order[i]] = 0;
        for (std::size_t i = begin; i < end; ++i) coef[order[i]] = pending[i];
        below = end;
        end = begin;
    }
    for (std::size_t i = 0; i < below; ++i) coef[order[i]] = 0;
    for (std::size_t i = 0; i < tail; ++i) {
        hops[order[i]] = -1;
        sigma[order[i]] = 0;
    }
    return tail;
}

void brandes_dijkstra(const AnalysisView& view, EntityIndex s, Scratch& st, double* vertex_acc,
                      double* edge_acc) {
    using Item = std::pair<double, EntityIndex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    auto& dist = st.dist;
    auto& sigma = st.sigma;
    auto& settled = st.settled;
    dist[s] = 0;
    sigma[s] = 1;
    heap.push({0.0, s});
    while (!heap.empty()) {
        auto [d, v] = heap.top();
        heap.pop();
        if (settled[v]) continue;
        settled[v] = 1;
        st.order.push_back(v);
        auto arcs = view.out(v);
        for (const auto* w = arcs.begin; w != arcs.end; ++w) {
            if (settled[*w]) continue;
            double nd = d + view.length(arcs.first + (w - arcs.begin));
            if (dist[*w] == kUnreached || nd < dist[*w]) {
                dist[*w] = nd;
                sigma[*w] = sigma[v];
                heap.push({nd, *w});
            } else if (nd == dist[*w]) {
                sigma[*w] += sigma[v];
            }
        }
    }
    // Dependencies, pulled from successors (w settled after v on a shortest path).
    for (auto it = st.order.rbegin(); it != st.order.rend(); ++it) {
        EntityIndex v = *it;
        auto arcs = view.out(v);
        double sum = 0;
        for (const auto* w = arcs.begin; w != arcs.end; ++w) {
            std::size_t arc = arcs.first + (w - arcs.begin);
            if (*w == v || !settled[*w] || dist[v] + view.length(arc) != dist[*w]) continue;
            sum += st.coef[*w];
            if (edge_acc) edge_acc[arc] += sigma[v] * st.coef[*w];
        }
        st.delta[v] = sigma[v] * sum;
        st.coef[v] = (1.0 + st.delta[v]) / sigma[v];
        if (v != s) vertex_acc[v] += st.delta[v];
    }
    for (EntityIndex v : st.order) {
        dist[v] = kUnreached;
        sigma[v] = st.delta[v] = 0;
        settled[v] = 0;
    }
    st.order.clear();
}

}  // namespace

BetweennessResult betweenness(const AnalysisView& view, bool normalized, bool edges,
                              const RunControl& control) {
    const std::size_t n = view.size(), arcs_n = view.arc_count();
    unsigned threads = partition_threads(n, control);
    std::vector<Scratch> scratch;
    std::optional<detail::LocalGraph> local;
    std::vector<BfsState> bfs;
    if (view.weighted()) {
        for (unsigned t = 0; t < threads; ++t) scratch.emplace_back(n);
    } else {
        local.emplace(view);
        for (unsigned t = 0; t < threads; ++t) bfs.emplace_back(n);
    }
    std::vector<std::vector<double>> acc(kPartitions, std::vector<double>(n, 0.0));
    const std::size_t local_arcs = local ? local->nbr.size() : arcs_n;
    std::vector<std::vector<double>> edge_acc(edges ? kPartitions : 0,
                                              std::vector<double>(local_arcs, 0.0));

    // Undirected, unweighted, entity scores only: a leaf (an entity with one neighbour u,
    // which has others) has u's dependencies, except that u lies on every path it starts
    // (Baglioni et al., 2012). Its search is skipped and u's counted once more per leaf.
    const bool skip_leaves = local && !view.directed() && !edges;
    auto degree = [&](std::size_t x) { return local->off[x + 1] - local->off[x]; };
    auto is_leaf = [&](std::size_t v) {
        return degree(v) == 1 && degree(local->nbr[local->off[v]]) > 1;
    };
    std::vector<std::uint32_t> leaves;  // per entity, the leaves whose searches it stands for
    if (skip_leaves) {
        leaves.assign(n, 0);
        for (std::size_t v = 0; v < n; ++v)
            if (is_leaf(v)) ++leaves[local->nbr[local->off[v]]];
    }

    // Sources are taken in local order (unweighted) or entity order (weighted); either way the
    // partitions, and so the sums, are the same on any number of threads.
    for_each_partitioned(n, control, threads, [&](unsigned t, std::size_t p, std::size_t item) {
        double* edges_out = edges ? edge_acc[p].data() : nullptr;
        if (local) {
            if (skip_leaves && is_leaf(item)) return;
            const double extra = leaves.empty() ? 0 : leaves[item];
            std::size_t reached = brandes_bfs(*local, static_cast<std::uint32_t>(item), bfs[t],
                                              1 + extra, acc[p].data(), edges_out);
            // The leaves' paths to everyone but u and themselves.
            if (extra > 0) acc[p][item] += extra * static_cast<double>(reached - 2);
        } else
            brandes_dijkstra(view, static_cast<EntityIndex>(item), scratch[t], acc[p].data(),
                             edges_out);
    });

    BetweennessResult result;
    result.vertex.assign(n, 0.0);
    for (std::size_t p = 0; p < kPartitions; ++p)  // fixed order: same sums on any thread count
        for (std::size_t v = 0; v < n; ++v)
            result.vertex[local ? local->to_entity[v] : v] += acc[p][v];
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
            for (std::size_t a = 0; a < local_arcs; ++a)
                total[local ? local->orig_arc[a] : a] += edge_acc[p][a];
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

namespace ecograph {
namespace {

// Vertex diameter bound: every shortest path stays inside one weak component, so its vertex
// count is at most the component's size; undirected, at most 2 ecc(x) + 1 for any x in it.
std::size_t vertex_diameter_bound(const AnalysisView& view) {
    const std::size_t n = view.size();
    std::vector<std::int64_t> comp(n, -1);
    std::vector<std::uint32_t> queue;
    std::size_t bound = 1;
    for (EntityIndex root = 0; root < n; ++root) {
        if (comp[root] >= 0) continue;
        // BFS over both directions; for undirected views also track the eccentricity of root.
        std::vector<std::int64_t> dist_from_root;
        queue.assign(1, root);
        comp[root] = 0;
        std::size_t size = 0, ecc = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            EntityIndex v = queue[head];
            ++size;
            ecc = std::max<std::size_t>(ecc, static_cast<std::size_t>(comp[v]));
            for (auto arcs : {view.out(v), view.in(v)})
                for (const auto* w = arcs.begin; w != arcs.end; ++w)
                    if (comp[*w] < 0) {
                        comp[*w] = comp[v] + 1;
                        queue.push_back(*w);
                    }
        }
        bound = std::max(bound, view.directed() ? size : std::min(size, 2 * ecc + 1));
    }
    return bound;
}

}  // namespace

ApproxBetweennessResult approx_betweenness(const AnalysisView& view, bool normalized,
                                           const ApproxOptions& o, const RunControl& control) {
    if (view.weighted())
        throw Error("approximate betweenness supports unweighted graphs only", ExitStatus::Usage);
    if (!(o.epsilon > 0 && o.epsilon < 1) || !(o.delta > 0 && o.delta < 1))
        throw Error("--epsilon and --delta must be between 0 and 1", ExitStatus::Usage);
    const std::size_t n = view.size();
    ApproxBetweennessResult result;
    result.vertex.assign(n, 0.0);
    if (n < 3) return result;
    result.diameter_bound = vertex_diameter_bound(view);
    double log_term =
        result.diameter_bound > 2
            ? std::floor(std::log2(static_cast<double>(result.diameter_bound - 2))) + 1
            : 0;
    result.samples = static_cast<std::size_t>(
        std::ceil(0.5 / (o.epsilon * o.epsilon) * (log_term + std::log(1 / o.delta))));
    const double nd = static_cast<double>(n);
    result.error_bound_raw = o.epsilon * nd * (nd - 1);

    unsigned threads = partition_threads(result.samples, control);
    struct State {
        std::vector<std::int32_t> hops;
        std::vector<double> sigma;
        std::vector<EntityIndex> order;
    };
    std::vector<State> state(
        threads, State{std::vector<std::int32_t>(n, -1), std::vector<double>(n, 0.0), {}});
    std::vector<std::vector<double>> acc(kPartitions, std::vector<double>(n, 0.0));
    // One generator per partition, seeded from (seed, partition): the samples drawn do not
    // depend on which thread runs them.
    std::vector<std::mt19937_64> rng;
    for (std::size_t p = 0; p < kPartitions; ++p)
        rng.emplace_back(o.seed * 0x9E3779B97F4A7C15ULL + p);

    for_each_partitioned(
        result.samples, control, threads, [&](unsigned t, std::size_t p, std::size_t) {
            State& st = state[t];
            std::uniform_int_distribution<EntityIndex> pick(0, static_cast<EntityIndex>(n - 1));
            EntityIndex s = pick(rng[p]), target = pick(rng[p]);
            while (target == s) target = pick(rng[p]);
            std::uniform_real_distribution<double> unit(0.0, 1.0);
            // BFS from s until the target's level is complete.
            st.hops[s] = 0;
            st.sigma[s] = 1;
            st.order.assign(1, s);
            for (std::size_t head = 0; head < st.order.size(); ++head) {
                EntityIndex v = st.order[head];
                if (st.hops[target] >= 0 && st.hops[v] >= st.hops[target]) break;
                auto arcs = view.out(v);
                for (const auto* w = arcs.begin; w != arcs.end; ++w) {
                    if (st.hops[*w] < 0) {
                        st.hops[*w] = st.hops[v] + 1;
                        st.order.push_back(*w);
                    }
                    if (st.hops[*w] == st.hops[v] + 1) st.sigma[*w] += st.sigma[v];
                }
            }
            if (st.hops[target] > 0) {
                // Walk back from the target choosing each predecessor with probability
                // sigma[pred] / sigma[current]: a uniformly random shortest path.
                EntityIndex w = target;
                while (w != s) {
                    auto in = view.in(w);
                    double r = unit(rng[p]) * st.sigma[w], run = 0;
                    EntityIndex chosen = s;
                    for (const auto* u = in.begin; u != in.end; ++u)
                        if (st.hops[*u] == st.hops[w] - 1) {
                            chosen = *u;
                            run += st.sigma[*u];
                            if (run > r) break;
                        }
                    if (chosen != s) acc[p][chosen] += 1;
                    w = chosen;
                }
            }
            for (EntityIndex v : st.order) {
                st.hops[v] = -1;
                st.sigma[v] = 0;
            }
        });
    // Each sample estimates b(v) / (n (n - 1)); convert to the exact function's scale.
    double to_raw = nd * (nd - 1) / static_cast<double>(result.samples);
    if (!view.directed()) to_raw /= 2;  // undirected raw counts unordered pairs
    double scale = normalized ? (view.directed() ? 1.0 : 2.0) / ((nd - 1) * (nd - 2)) : 1.0;
    for (std::size_t p = 0; p < kPartitions; ++p)
        for (std::size_t v = 0; v < n; ++v) result.vertex[v] += acc[p][v];
    for (double& x : result.vertex) x *= to_raw * scale;
    return result;
}

}  // namespace ecograph
