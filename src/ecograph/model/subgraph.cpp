#include "ecograph/model/subgraph.hpp"

namespace ecograph {

Graph induced_subgraph(const Graph& g, const std::vector<bool>& keep_entity,
                       const std::vector<bool>& keep_relation) {
    GraphBuilder b;
    for (const auto& f : g.files()) b.add_file(f);
    b.set_directed(g.directed());
    b.set_name(g.graph_name());
    b.set_title(g.title());
    auto origin_of = [&](const Location& loc) {
        Origin o;
        for (std::size_t i = 0; i < g.files().size(); ++i)
            if (g.files()[i] == loc.file) o.file = static_cast<std::uint32_t>(i + 1);
        o.line = loc.line;
        return o;
    };
    std::vector<EntityIndex> index(g.entity_count());
    for (EntityIndex v = 0; v < g.entity_count(); ++v) {
        if (!keep_entity[v]) continue;
        index[v] = b.entity(g.id(v), origin_of(g.entity_location(v)));
        if (!g.entity_type_name(v).empty()) b.set_entity_type(index[v], g.entity_type_name(v));
        for (const auto& [k, val] : g.entity_attributes().all(v))
            b.set_entity_attr(index[v], k, std::string(val));
    }
    for (RelationIndex r = 0; r < g.relation_count(); ++r) {
        if (!keep_relation[r] || !keep_entity[g.source(r)] || !keep_entity[g.target(r)]) continue;
        RelationIndex nr =
            b.add_relation(index[g.source(r)], index[g.target(r)], g.relation_type_name(r),
                           origin_of(g.relation_location(r)));
        for (const auto& [k, val] : g.relation_attributes().all(r))
            b.set_relation_attr(nr, k, std::string(val));
    }
    return std::move(b).build();
}

}  // namespace ecograph
