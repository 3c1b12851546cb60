#include "ecograph/analysis/closeness.hpp"

#include <cstdint>
#include <functional>
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

// Unweighted views: BFS with integer hops on the degree-ordered local graph, calling
// visit(hops) for every other entity reached; the fast path of closeness and harmonic.
struct HopScan {
    std::vector<std::int32_t> hops;
    std::vector<std::uint32_t> order;
    explicit HopScan(std::size_t n) : hops(n, -1), order(n) {}

    template <typename Visit>
    void run(const detail::LocalGraph& g, std::uint32_t s, Visit visit) {
        std::int32_t* h = hops.data();
        const std::uint64_t* off = g.off.data();
        const std::uint32_t* nbr = g.nbr.data();
        std::size_t tail = 0;
        h[s] = 0;
        order[tail++] = s;
        for (std::size_t head = 0; head < tail; ++head) {
            std::uint32_t v = order[head];
            const std::int32_t next = h[v] + 1;
            for (std::uint64_t a = off[v]; a < off[v + 1]; ++a)
                if (h[nbr[a]] < 0) {
                    h[nbr[a]] = next;
                    order[tail++] = nbr[a];
                }
        }
        for (std::size_t i = 1; i < tail; ++i) visit(static_cast<double>(h[order[i]]));
        for (std::size_t i = 0; i < tail; ++i) h[order[i]] = -1;
    }
};

// Unweighted: score(visit-driver) per source on the local graph, results by entity.
template <typename Score>
std::vector<double> per_source_hops(const AnalysisView& view, const RunControl& control,
                                    Score score) {
    const std::size_t n = view.size();
    detail::LocalGraph local(view);
    unsigned threads = partition_threads(n, control);
    std::vector<HopScan> scans;
    for (unsigned t = 0; t < threads; ++t) scans.emplace_back(n);
    std::vector<double> out(n, 0.0);
    for_each_partitioned(n, control, threads, [&](unsigned t, std::size_t, std::size_t item) {
        auto s = static_cast<std::uint32_t>(item);
        out[local.to_entity[s]] = score([&](auto visit) { scans[t].run(local, s, visit); });
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
        return per_source_hops(view, control, [&](auto scan) {
            double total = 0, reached = 0;
            scan([&](double d) {
                total += d;
                reached += 1;
            });
            return from_sums(reached, total);
        });
    return per_source(view, control, [&](DistanceScan& scan, EntityIndex s) {
        double total = 0, reached = 0;
        scan.run(view, s, [&](double d) {
            total += d;
            reached += 1;
        });
        if (total <= 0) return 0.0;
        double c = reached / total;
        if (wf_improved && n > 1) c *= reached / (n - 1);
        return c;
    });
}

std::vector<double> harmonic(const AnalysisView& view, bool normalized, const RunControl& control) {
    const double n = static_cast<double>(view.size());
    if (!view.weighted())
        return per_source_hops(view, control, [&](auto scan) {
            double sum = 0;
            scan([&](double d) { sum += 1.0 / d; });
            return normalized && n > 1 ? sum / (n - 1) : sum;
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
