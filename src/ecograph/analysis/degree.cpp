#include "ecograph/analysis/degree.hpp"

namespace ecograph {

std::vector<double> degree_centrality(const Graph& g, DegreeMode mode, const Selection& sel,
                                      bool normalized) {
    const std::size_t n = g.entity_count();
    std::vector<double> deg(n, 0.0);
    if (sel.undirected(g)) mode = DegreeMode::Total;
    for (RelationIndex r = 0; r < g.relation_count(); ++r) {
        if (!sel.keeps(g, r)) continue;
        double w = sel.weight_of(g, r);
        if (mode != DegreeMode::In) deg[g.source(r)] += w;
        if (mode != DegreeMode::Out) deg[g.target(r)] += w;
    }
    if (normalized && n > 1)
        for (double& d : deg) d /= static_cast<double>(n - 1);
    return deg;
}

}  // namespace ecograph
