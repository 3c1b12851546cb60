#include "ecograph/analysis/closeness.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <queue>

#include "ecograph/analysis/detail/local_graph.hpp"

namespace ecograph {
namespace {

// Weighted distances from one source; calls visit(d) for every other entity reached at
// distance d. (Unweighted views take HopScan below.)
class DistanceScan {
public:
    explicit DistanceScan(std::size_t n) : dist_(n, -1.0) {}

    template <typename Visit>
    void run(const AnalysisView& view, EntityIndex s, Visit visit) {
        dijkstra(view, s);
        for (EntityIndex v : order_)
            if (v != s) visit(dist_[v]);
        for (EntityIndex v : order_) dist_[v] = -1.0;
        order_.clear();
    }

private:
    void dijkstra(const AnalysisView& view, EntityIndex s) {
        using Item = std::pair<double, EntityIndex>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
        dist_[s] = 0;
        heap.push({0.0, s});
        while (!heap.empty()) {
            auto [d, v] = heap.top();
            heap.pop();
            if (d > dist_[v]) continue;  // stale entry
            order_.push_back(v);
            auto arcs = view.out(v);
            for (const auto* w = arcs.begin; w != arcs.end; ++w) {
                double nd = d + view.length(arcs.first + (w - arcs.begin));
                if (dist_[*w] < 0 || nd < dist_[*w]) {
                    dist_[*w] = nd;
                    heap.push({nd, *w});
                }
            }
        }
    }

    std::vector<double> dist_;
    std::vector<EntityIndex> order_;
};

// Unweighted views: 64 breadth-first searches at once (multi-source BFS, Then et al., VLDB
// 2015). Bit i of a vertex's word stands for source first + i, so one pass over an arc serves
// every search of the batch that has reached the arc's tail. Each level is expanded either
// top-down (push from the vertices some search has just reached) or bottom-up (pull into every
// vertex not yet reached by all), whichever touches fewer arcs. Lists of the vertices involved
// keep a batch's cost to what it reaches, so small components stay cheap on large graphs.
class BatchScan {
public:
    // `in` is the transpose of `g` (the same graph when undirected).
    BatchScan(const detail::LocalGraph& g, const detail::LocalGraph& in)
        : g_(g), in_(in), seen_(g.to_entity.size()), frontier_(seen_.size()), next_(seen_.size()) {}

    // Calls level(i, hops, count) for each source first + i and each distance hops >= 1 at
    // which it reaches count > 0 entities, in increasing hops.
    template <typename Level>
    void run(std::uint32_t first, unsigned sources, Level level) {
        const std::size_t n = seen_.size();
        const std::uint64_t all = sources == 64 ? ~0ULL : (1ULL << sources) - 1;
        std::uint64_t* seen = seen_.data();
        std::uint64_t* frontier = frontier_.data();
        std::uint64_t* next = next_.data();
        // Invariant between levels: frontier and next are 0 outside front_, seen outside
        // touched_; complete_arcs counts the in-arcs of vertices every search has reached.
        std::uint64_t complete_arcs = 0;
        for (std::uint32_t i = 0; i < sources; ++i) {
            seen[first + i] = frontier[first + i] = 1ULL << i;
            front_.push_back(first + i);
            touched_.push_back(first + i);
            if (seen[first + i] == all) complete_arcs += degree(in_, first + i);
        }
        std::uint64_t planes[33] = {};  // bit-sliced counters: a level reaches < 2^32 entities
        unsigned used = 0;
        for (std::int32_t hops = 1; !front_.empty(); ++hops) {
            std::uint64_t push_cost = front_.size();
            for (std::uint32_t v : front_) push_cost += degree(g_, v);
            if (push_cost <= n + in_.nbr.size() - complete_arcs) {
                for (std::uint32_t v : front_) {
                    const std::uint64_t m = frontier[v];
                    for (std::uint64_t a = g_.off[v]; a < g_.off[v + 1]; ++a) {
                        std::uint32_t w = g_.nbr[a];
                        if (!next[w]) found_.push_back(w);
                        next[w] |= m;
                    }
                }
            } else {
                for (std::uint32_t v = 0; v < n; ++v) {
                    if (seen[v] == all) continue;
                    std::uint64_t m = 0;
                    for (std::uint64_t a = in_.off[v]; a < in_.off[v + 1]; ++a)
                        m |= frontier[in_.nbr[a]];
                    if (m) {
                        next[v] = m;
                        found_.push_back(v);
                    }
                }
            }
            for (std::uint32_t v : front_) frontier[v] = 0;
            front_.clear();
            for (std::uint32_t w : found_) {
                std::uint64_t fresh = next[w] & ~seen[w];
                next[w] = 0;
                if (!fresh) continue;
                if (!seen[w]) touched_.push_back(w);
                seen[w] |= fresh;
                if (seen[w] == all) complete_arcs += degree(in_, w);
                frontier[w] = fresh;
                front_.push_back(w);
                // Add fresh to the 64 counters at once: plane k holds bit k of every count.
                for (unsigned k = 0; fresh; ++k) {
                    std::uint64_t carry = planes[k] & fresh;
                    planes[k] ^= fresh;
                    fresh = carry;
                    used = std::max(used, k + 1);
                }
            }
            found_.clear();
            for (unsigned i = 0; i < sources; ++i) {
                std::uint32_t count = 0;
                for (unsigned k = 0; k < used; ++k)
                    count |= static_cast<std::uint32_t>((planes[k] >> i) & 1) << k;
                if (count) level(i, hops, count);
            }
            std::fill(planes, planes + used, 0);
            used = 0;
        }
        for (std::uint32_t v : touched_) seen[v] = 0;
        touched_.clear();
    }

private:
    static std::uint64_t degree(const detail::LocalGraph& g, std::size_t v) {
        return g.off[v + 1] - g.off[v];
    }
    const detail::LocalGraph& g_;
    const detail::LocalGraph& in_;
    std::vector<std::uint64_t> seen_, frontier_, next_;
    std::vector<std::uint32_t> front_, found_, touched_;  // see run()
};

// Unweighted: per-source totals from batches of 64 searches; score(totals) gives the result.
struct HopTotals {
    double reached = 0, distance = 0, inverse = 0;  // count, sum of hops, sum of 1 / hops
};
template <typename Score>
std::vector<double> per_source_hops(const AnalysisView& view, const RunControl& control,
                                    Score score) {
    const std::size_t n = view.size();
    detail::LocalGraph local(view);
    std::optional<detail::LocalGraph> transpose;
    if (view.directed()) transpose.emplace(local.transposed());
    const detail::LocalGraph& in = transpose ? *transpose : local;
    const std::size_t batches = (n + 63) / 64;
    unsigned threads = partition_threads(batches, control);
    std::vector<BatchScan> scans;
    for (unsigned t = 0; t < threads; ++t) scans.emplace_back(local, in);
    std::vector<double> out(n, 0.0);
    for_each_partitioned(batches, control, threads, [&](unsigned t, std::size_t, std::size_t b) {
        const auto first = static_cast<std::uint32_t>(b * 64);
        const auto sources = static_cast<unsigned>(std::min<std::size_t>(64, n - first));
        HopTotals totals[64] = {};
        scans[t].run(first, sources, [&](unsigned i, std::int32_t hops, std::uint32_t count) {
            totals[i].reached += count;
            totals[i].distance += static_cast<double>(hops) * count;
            totals[i].inverse += count / static_cast<double>(hops);
        });
        for (unsigned i = 0; i < sources; ++i) out[local.to_entity[first + i]] = score(totals[i]);
    });
    return out;
}

// Runs `score(scan, source)` for every entity in parallel; each result lands in its own slot.
std::vector<double> per_source(const AnalysisView& view, const RunControl& control,
                               const std::function<double(DistanceScan&, EntityIndex)>& score) {
    const std::size_t n = view.size();
    unsigned threads = partition_threads(n, control);
    std::vector<DistanceScan> scans;
    for (unsigned t = 0; t < threads; ++t) scans.emplace_back(n);
    std::vector<double> out(n, 0.0);
    for_each_partitioned(n, control, threads, [&](unsigned t, std::size_t, std::size_t item) {
        out[item] = score(scans[t], static_cast<EntityIndex>(item));
    });
    return out;
}

}  // namespace

std::vector<double> closeness(const AnalysisView& view, bool wf_improved,
                              const RunControl& control) {
    const double n = static_cast<double>(view.size());
    auto from_sums = [&](double reached, double total) {
        if (total <= 0) return 0.0;
        double c = reached / total;
        if (wf_improved && n > 1) c *= reached / (n - 1);
        return c;
    };
    if (!view.weighted())
        return per_source_hops(
            view, control, [&](const HopTotals& t) { return from_sums(t.reached, t.distance); });
    return per_source(view, control, [&](DistanceScan& scan, EntityIndex s) {
        double total = 0, reached = 0;
        scan.run(view, s, [&](double d) {
            total += d;
            reached += 1;
        });
        return from_sums(reached, total);
    });
}

std::vector<double> harmonic(const AnalysisView& view, bool normalized, const RunControl& control) {
    const double n = static_cast<double>(view.size());
    if (!view.weighted())
        return per_source_hops(view, control, [&](const HopTotals& t) {
            return normalized && n > 1 ? t.inverse / (n - 1) : t.inverse;
        });
    return per_source(view, control, [&](DistanceScan& scan, EntityIndex s) {
        double sum = 0;
        scan.run(view, s, [&](double d) {
            if (d > 0) sum += 1.0 / d;
        });
        return normalized && n > 1 ? sum / (n - 1) : sum;
    });
}

}  // namespace ecograph
