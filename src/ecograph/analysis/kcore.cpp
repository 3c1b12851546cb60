#include "ecograph/analysis/kcore.hpp"

#include <algorithm>

#include "ecograph/core/error.hpp"

namespace ecograph {

std::vector<double> core_number(const AnalysisView& view) {
    if (view.directed()) throw Error("internal: core_number needs an undirected view");
    const std::size_t n = view.size();
    std::vector<std::size_t> deg(n, 0);
    for (EntityIndex v = 0; v < n; ++v) {
        auto arcs = view.out(v);
        for (const auto* w = arcs.begin; w != arcs.end; ++w)
            if (*w != v) ++deg[v];
    }
    // Bucket sort by degree; then peel in increasing order of current degree.
    std::size_t max_deg = n ? *std::max_element(deg.begin(), deg.end()) : 0;
    std::vector<std::size_t> bin(max_deg + 2, 0), pos(n), vert(n);
    for (std::size_t v = 0; v < n; ++v) ++bin[deg[v]];
    std::size_t start = 0;
    for (std::size_t d = 0; d <= max_deg; ++d) {
        std::size_t count = bin[d];
        bin[d] = start;
        start += count;
    }
    for (std::size_t v = 0; v < n; ++v) {
        pos[v] = bin[deg[v]]++;
        vert[pos[v]] = v;
    }
    for (std::size_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
    bin[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t v = vert[i];
        auto arcs = view.out(static_cast<EntityIndex>(v));
        for (const auto* w = arcs.begin; w != arcs.end; ++w) {
            std::size_t u = *w;
            if (u == v || deg[u] <= deg[v]) continue;
            // Move u to the front of its bucket, then shrink its degree by one.
            std::size_t du = deg[u], pu = pos[u], pw = bin[du], wv = vert[pw];
            if (u != wv) {
                pos[u] = pw;
                vert[pu] = wv;
                pos[wv] = pu;
                vert[pw] = u;
            }
            ++bin[du];
            --deg[u];
        }
    }
    return std::vector<double>(deg.begin(), deg.end());
}

}  // namespace ecograph
