#include "ecograph/analysis/centrality.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"
#include "ecograph/core/spellcheck.hpp"

namespace ecograph {

std::vector<bool> entity_type_mask(const Graph& g, const Schema& schema,
                                   const std::vector<std::string>& types, const char* option) {
    for (const auto& t : types)
        if (!schema.entity_type(t)) {
            std::string hint = did_you_mean(t, schema.entity_type_names());
            throw Error(fmt::format("{}: unknown entity type '{}'{}", option, t,
                                    hint.empty() ? "" : "; " + hint),
                        ExitStatus::Usage);
        }
    // Resolved once per type tag: is_a walks the hierarchy by name.
    const auto& vocab = g.entity_type_vocabulary();
    std::vector<bool> wanted(vocab.size(), types.empty());
    for (std::size_t tag = 0; tag < vocab.size() && !types.empty(); ++tag)
        for (const auto& t : types)
            if (schema.is_a(vocab[tag], t)) wanted[tag] = true;
    std::vector<bool> mask(g.entity_count());
    for (EntityIndex v = 0; v < g.entity_count(); ++v) mask[v] = wanted[g.entity_type(v)];
    return mask;
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
