#include "ecograph/analysis/degree.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"

namespace ecograph {

std::vector<double> degree_centrality(const Graph& g, DegreeMode mode, const ViewOptions& view,
                                      bool normalized) {
    const std::size_t n = g.entity_count();
    std::vector<double> deg(n, 0.0);
    std::vector<bool> keep = relation_type_mask(g, view.via);
    check_weight_attribute(g, view.weight);
    if (!g.directed() || view.undirected) mode = DegreeMode::Total;
    for (RelationIndex r = 0; r < g.relation_count(); ++r) {
        if (!keep[g.relation_type(r)]) continue;
        double w = relation_weight(g, r, view.weight);
        if (mode != DegreeMode::In) deg[g.source(r)] += w;
        if (mode != DegreeMode::Out) deg[g.target(r)] += w;
    }
    if (normalized && n > 1)
        for (double& d : deg) d /= static_cast<double>(n - 1);
    return deg;
}

}  // namespace ecograph
