#include "ecograph/analysis/grouping.hpp"

#include <algorithm>
#include <map>

namespace ecograph {

std::vector<EntityIndex> region_of(const Graph& g, const Schema& schema, bool single) {
    const EntityIndex none = static_cast<EntityIndex>(g.entity_count());
    std::vector<EntityIndex> region(g.entity_count(), none);
    auto is_region = [&](EntityIndex v) { return schema.is_a(g.entity_type_name(v), "Region"); };
    auto lower = [&](EntityIndex a, EntityIndex b) { return a == none || g.id(b) < g.id(a); };
    for (EntityIndex v = 0; v < g.entity_count(); ++v) {
        if (is_region(v)) {
            region[v] = v;
            continue;
        }
        EntityIndex located = none, other = none;
        bool several = false;
        for (RelationIndex r = g.out_begin(v); r < g.out_end(v); ++r) {
            EntityIndex t = g.target(r);
            if (!is_region(t)) continue;
            std::string_view type = g.relation_type_name(r);
            if (type == "located_in" && lower(located, t)) located = t;
            if (type == "operates_in" || type == "serves") {
                if (other != none && other != t) several = true;
                if (lower(other, t)) other = t;
            }
        }
        region[v] = located != none ? located : (single && several ? none : other);
    }
    return region;
}

Grouping group_entities(const Graph& g, const Schema& schema, const std::string& key) {
    const std::size_t n = g.entity_count();
    std::vector<std::string> label(n);
    if (key == "type") {
        for (EntityIndex v = 0; v < n; ++v) label[v] = std::string(g.entity_type_name(v));
    } else if (key == "region") {
        auto region = region_of(g, schema, false);
        for (EntityIndex v = 0; v < n; ++v)
            if (region[v] != n) label[v] = std::string(g.id(region[v]));
    } else {
        for (EntityIndex v = 0; v < n; ++v)
            if (const std::string* value = g.entity_attr(v, key)) label[v] = *value;
    }
    for (auto& l : label)
        if (l.empty()) l = "(none)";
    Grouping out;
    std::map<std::string, std::uint32_t> index;
    for (const auto& l : label) index.emplace(l, 0);
    for (auto& [name, i] : index) {
        i = static_cast<std::uint32_t>(out.names.size());
        out.names.push_back(name);
    }
    out.group.resize(n);
    for (EntityIndex v = 0; v < n; ++v) out.group[v] = index[label[v]];
    return out;
}

}  // namespace ecograph
