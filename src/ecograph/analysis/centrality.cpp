#include "ecograph/analysis/centrality.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "ecograph/analysis/selection.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph {

std::vector<bool> entity_type_mask(const Graph& g, const Schema& schema,
                                   const std::vector<std::string>& types, const char* option) {
    try {
        return entities_of_types(g, schema, types);
    } catch (const SelectionError& e) {
        throw Error(fmt::format("{}: {}", option, e.what()), ExitStatus::Usage);
    }
}

std::vector<EntityIndex> rank_entities(const Graph& g, const std::vector<double>& values,
                                       const Schema& schema, const std::vector<std::string>& types,
                                       std::size_t top, const char* option) {
    std::vector<bool> wanted = entity_type_mask(g, schema, types, option);
    std::vector<EntityIndex> order;
    for (EntityIndex v = 0; v < g.entity_count(); ++v)
        if (wanted[v]) order.push_back(v);
    auto by_value = [&](EntityIndex a, EntityIndex b) {
        if (values[a] != values[b]) return values[a] > values[b];
        return g.id(a) < g.id(b);
    };
    if (top > 0 && top < order.size()) {
        std::partial_sort(order.begin(), order.begin() + top, order.end(), by_value);
        order.resize(top);
    } else {
        std::sort(order.begin(), order.end(), by_value);
    }
    return order;
}

}  // namespace ecograph
