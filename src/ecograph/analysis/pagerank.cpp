#include "ecograph/analysis/pagerank.hpp"

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
    std::vector<double> out_strength(n, 0.0);
    for (EntityIndex v = 0; v < n; ++v) {
        auto arcs = view.out(v);
        for (std::size_t a = arcs.first; a < arcs.first + (arcs.end - arcs.begin); ++a)
            out_strength[v] += view.strength(a);
        if (out_strength[v] < 0)
            throw Error(
                "PageRank needs non-negative weights: an entity's outgoing weights sum "
                "below zero");
    }
    std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n), share(n);
    unsigned threads = partition_threads(n, control);
    for (std::size_t iter = 0; iter < o.max_iterations; ++iter) {
        control.check_cancelled();
        double dangling = 0;
        for (EntityIndex v = 0; v < n; ++v) {
            if (out_strength[v] > 0)
                share[v] = x[v] / out_strength[v];
            else
                dangling += x[v];
        }
        for_each_partitioned(n, RunControl{control.threads, {}, control.cancel}, threads,
                             [&](unsigned, std::size_t, std::size_t item) {
                                 auto v = static_cast<EntityIndex>(item);
                                 double sum = 0;
                                 auto in = view.in(v);
                                 for (const auto* u = in.begin; u != in.end; ++u)
                                     sum += share[*u] * view.in_strength(in.first + (u - in.begin));
                                 next[v] = o.damping * (sum + dangling * teleport[v]) +
                                           (1 - o.damping) * teleport[v];
                             });
        double change = 0;
        for (EntityIndex v = 0; v < n; ++v) change += std::abs(next[v] - x[v]);
        x.swap(next);
        bool converged = change < static_cast<double>(n) * o.tolerance;
        // Progress counts iterations against the maximum; the last report clears the line.
        if (control.progress)
            control.progress(converged ? o.max_iterations : iter + 1, o.max_iterations);
        if (converged) return x;
    }
    throw Error(fmt::format("PageRank did not converge in {} iterations (tolerance {})",
                            o.max_iterations, o.tolerance));
}

}  // namespace ecograph
