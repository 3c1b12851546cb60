#include "ecograph/analysis/pagerank.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"

namespace ecograph {

std::vector<double> pagerank(const AnalysisView& view, const PageRankOptions& o,
                             const RunControl& control) {
    if (!(o.damping >= 0 && o.damping < 1))
        throw Error(fmt::format("damping must be in [0, 1), not {}", o.damping), ExitStatus::Usage);
    const std::size_t n = view.size();
    if (n == 0) return {};
    std::vector<double> teleport(n, 0.0);
    if (o.personalize.empty()) {
        std::fill(teleport.begin(), teleport.end(), 1.0 / static_cast<double>(n));
    } else {
        for (EntityIndex v : o.personalize) teleport[v] += 1.0;
        for (double& t : teleport) t /= static_cast<double>(o.personalize.size());
    }
    CooperativeScope cooperative;
    for (EntityIndex v = 0; v < n; ++v) {
        if (view.out_strength(v) < 0)
            throw Error(
                "PageRank needs non-negative weights: an entity's outgoing weights sum "
                "below zero");
    }
    // share[v] = x[v] / view.out_strength(v), what v hands each unit of outgoing strength; entities
    // without outgoing arcs hand their rank to the teleport set instead ("dangling").
    std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n), share(n), next_share(n);
    double dangling = 0;
    for (EntityIndex v = 0; v < n; ++v) {
        const double out = view.out_strength(v);
        share[v] = out > 0 ? x[v] / out : 0.0;
        if (out <= 0) dangling += x[v];
    }
    // Entities in fixed blocks, one parallel pass per iteration: each block pulls its new
    // ranks and sums its own change and dangling rank; blocks are summed in block order, so
    // the result does not depend on the thread count.
    constexpr std::size_t kBlock = 4096;
    const std::size_t blocks = (n + kBlock - 1) / kBlock;
    std::vector<double> block_change(blocks), block_dangling(blocks);
    unsigned threads = partition_threads(blocks, control);
    const std::uint32_t* source = view.in_sources();
    // Unweighted, the entities none of whose in-arcs stands for parallel relations: their
    // strengths are all 1, so their sums skip reading them (x * 1 is x: the same bits).
    std::vector<std::uint8_t> simple;
    if (!view.weighted()) {
        const std::uint32_t* counts = view.in_multiplicities();
        simple.resize(n);
        for (EntityIndex v = 0; v < n; ++v) {
            auto in = view.in(v);
            simple[v] = std::all_of(counts + in.first, counts + in.first + (in.end - in.begin),
                                    [](std::uint32_t c) { return c == 1; });
        }
    }
    // iterate(strength) runs to convergence, strength(a) being in-arc a's strength. Each
    // variant is compiled apart so that the inner loop has no branches.
    auto iterate = [&](const auto& strength) -> bool {
        for (std::size_t iter = 0; iter < o.max_iterations; ++iter) {
            control.check_cancelled();
            for_each_partitioned(
                blocks, RunControl{control.threads, {}, control.cancel}, threads,
                [&](unsigned, std::size_t, std::size_t b) {
                    double change = 0, lost = 0;
                    const auto lo = static_cast<EntityIndex>(b * kBlock);
                    const auto hi = static_cast<EntityIndex>(std::min(n, (b + 1) * kBlock));
                    std::size_t a = view.in(lo).first;
                    for (EntityIndex v = lo; v < hi; ++v) {
                        double sum = 0;
                        const std::size_t end = a + (view.in(v).end - view.in(v).begin);
                        if (!simple.empty() && simple[v])
                            for (; a < end; ++a) sum += share[source[a]];
                        else
                            for (; a < end; ++a) sum += share[source[a]] * strength(a);
                        double nv = o.damping * (sum + dangling * teleport[v]) +
                                    (1 - o.damping) * teleport[v];
                        change += std::abs(nv - x[v]);
                        next[v] = nv;
                        const double out = view.out_strength(v);
                        next_share[v] = out > 0 ? nv / out : 0.0;
                        lost += out > 0 ? 0.0 : nv;
                    }
                    block_change[b] = change;
                    block_dangling[b] = lost;
                });
            double change = 0;
            dangling = 0;
            for (std::size_t b = 0; b < blocks; ++b) {
                change += block_change[b];
                dangling += block_dangling[b];
            }
            x.swap(next);
            share.swap(next_share);
            bool converged = change < o.tolerance;
            // Progress counts iterations against the maximum; the last report clears the line.
            if (control.progress)
                control.progress(converged ? o.max_iterations : iter + 1, o.max_iterations);
            if (converged) return true;
        }
        return false;
    };
    bool converged;
    if (view.weighted()) {
        const double* sums = view.in_weight_sums();
        converged = iterate([&](std::size_t a) { return sums[a]; });
    } else {
        const std::uint32_t* counts = view.in_multiplicities();
        converged = iterate([&](std::size_t a) { return static_cast<double>(counts[a]); });
    }
    if (converged) return x;
    throw Error(fmt::format("PageRank did not converge in {} iterations (tolerance {})",
                            o.max_iterations, o.tolerance));
}

}  // namespace ecograph
