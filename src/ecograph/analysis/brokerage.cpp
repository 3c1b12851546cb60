#include "ecograph/analysis/brokerage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ecograph {
namespace {

double choose2(double x) { return x * (x - 1) / 2; }

bool has_arc(const AnalysisView& view, EntityIndex from, EntityIndex to) {
    auto out = view.out(from);
    return std::binary_search(out.begin, out.end, to);
}

}  // namespace

BrokerageResult brokerage(const AnalysisView& view, const Grouping& groups) {
    const std::size_t n = view.size();
    BrokerageResult r;
    r.raw.assign(n, {});
    std::size_t arcs = 0;
    for (EntityIndex v = 0; v < n; ++v) {
        auto out = view.out(v);
        for (const auto* w = out.begin; w != out.end; ++w) arcs += *w != v;
    }
    for (EntityIndex v = 0; v < n; ++v) {
        auto in = view.in(v), out = view.out(v);
        const auto gv = groups.group[v];
        for (const auto* i = in.begin; i != in.end; ++i) {
            if (*i == v) continue;
            const auto gi = groups.group[*i];
            for (const auto* j = out.begin; j != out.end; ++j) {
                if (*j == v || *j == *i || has_arc(view, *i, *j)) continue;
                const auto gj = groups.group[*j];
                BrokerageRole role = gi == gv   ? (gj == gv ? Coordinator : Representative)
                                     : gj == gv ? Gatekeeper
                                     : gi == gj ? Itinerant
                                                : Liaison;
                r.raw[v][role] += 1;
                r.raw[v][Total] += 1;
            }
        }
    }

    // Expected counts and variances under the null model, per group of the broker.
    const double N = static_cast<double>(n);
    const double d = n > 1 ? static_cast<double>(arcs) / (N * (N - 1)) : 0;
    r.density = d;
    const double p = d * d * (1 - d);                          // one open two-path
    const double q = d * d * d * (1 - d) * (1 - d) * (1 - d);  // two sharing an arc
    const std::size_t k = groups.names.size();
    std::vector<double> size(k, 0);
    for (auto g : groups.group) size[g] += 1;
    std::vector<BrokerageResult::Row> exp_g(k), var_g(k);
    for (std::size_t a = 0; a < k; ++a) {
        const double na = size[a];
        double others_pairs = 0, others_triples = 0, others_sum = 0, others_sq = 0, liaison_var = 0;
        for (std::size_t b = 0; b < k; ++b) {
            if (b == a) continue;
            others_pairs += size[b] * (size[b] - 1);
            others_triples += size[b] * (size[b] - 1) * (size[b] - 2);
            others_sum += size[b];
            others_sq += size[b] * size[b];
            liaison_var += size[b] * choose2(N - size[b] - na);
        }
        auto& e = exp_g[a];
        auto& var = var_g[a];
        e[Coordinator] = p * (na - 1) * (na - 2);
        var[Coordinator] = e[Coordinator] * (1 - p) + 2 * (na - 1) * (na - 2) * (na - 3) * q;
        e[Itinerant] = p * others_pairs;
        var[Itinerant] = e[Itinerant] * (1 - p) + 2 * others_triples * q;
        e[Representative] = p * (N - na) * (na - 1);
        var[Representative] = e[Representative] * (1 - p) +
                              2 * ((na - 1) * choose2(N - na) + (N - na) * choose2(na - 1)) * q;
        e[Gatekeeper] = e[Representative];
        var[Gatekeeper] = var[Representative];
        e[Liaison] = p * (others_sum * others_sum - others_sq);
        var[Liaison] = e[Liaison] * (1 - p) + 4 * liaison_var * q;
        e[Total] = p * (N - 1) * (N - 2);
        var[Total] = e[Total] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.expected.resize(n);
    r.sd.resize(n);
    r.z.resize(n);
    for (EntityIndex v = 0; v < n; ++v) {
        const auto g = groups.group[v];
        for (std::size_t role = 0; role < 6; ++role) {
            r.expected[v][role] = exp_g[g][role];
            r.sd[v][role] = std::sqrt(var_g[g][role]);
            r.z[v][role] =
                r.sd[v][role] > 0 ? (r.raw[v][role] - r.expected[v][role]) / r.sd[v][role] : nan;
            r.global_raw[role] += r.raw[v][role];
        }
    }

    // Whole-network expectations and variances.
    const double d3 = d * d * d * (1 - d) * (1 - d) * (1 - d),
                 d4 = d * d * d * d * (1 - d) * (1 - d), d5 = d * d * d * d * d * (1 - d);
    BrokerageResult::Row ge{}, gv{};
    for (std::size_t a = 0; a < k; ++a) {
        const double na = size[a];
        ge[Coordinator] += p * na * (na - 1) * (na - 2);
        gv[Coordinator] +=
            na * (na - 1) * (na - 2) * ((4 * na - 10) * d3 - 4 * (na - 3) * d4 + (na - 3) * d5);
        ge[Itinerant] += p * na * (N - na) * (na - 1);
        ge[Representative] += p * na * (N - na) * (na - 1);
        gv[Representative] += na * (N - na) * (na - 1) * ((N - 3) * d3 + (na - 2) * d5);
        for (std::size_t b = 0; b < k; ++b) {
            const double nb = size[b];
            gv[Itinerant] += na * nb * (na - 1) * ((2 * na + 2 * nb - 6) * d3 + (N - na - 1) * d5);
            ge[Liaison] += p * na * nb * (N - na - nb);
        }
        gv[Itinerant] -= na * na * (na - 1) * ((4 * na - 6) * d3 + (N - na - 1) * d5);
        ge[Liaison] -= p * na * na * (N - 2 * na);
    }
    gv[Coordinator] += ge[Coordinator] * (1 - p);
    gv[Itinerant] += ge[Itinerant] * (1 - p);
    gv[Representative] += ge[Representative] * (1 - p);
    ge[Gatekeeper] = ge[Representative];
    gv[Gatekeeper] = gv[Representative];
    gv[Liaison] = ge[Liaison] * (1 - p);
    for (std::size_t a = 0; a < k; ++a)
        for (std::size_t b = 0; b < k; ++b)
            for (std::size_t c = 0; c < k; ++c) {
                if (a == b || b == c || a == c) continue;
                const double ni = size[a], nj = size[b], nk = size[c];
                gv[Liaison] += ni * nj * nk *
                               ((4 * (N - nj) - 2 * (ni + nk + 1)) * d3 -
                                (4 * (N - nk) - 2 * (ni + nj + 1)) * d4 + (N - (ni + nk + 1)) * d5);
            }
    ge[Total] = p * N * (N - 1) * (N - 2);
    gv[Total] = ge[Total] * (1 - p) +
                N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5);
    for (std::size_t role = 0; role < 6; ++role) {
        r.global_expected[role] = ge[role];
        r.global_sd[role] = std::sqrt(gv[role]);
        r.global_z[role] =
            r.global_sd[role] > 0 ? (r.global_raw[role] - ge[role]) / r.global_sd[role] : nan;
    }
    return r;
}

}  // namespace ecograph
