#include "ecograph/io/attr_types.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>

namespace ecograph {
namespace {

// Shared by entities and relations: `defs(tag)` lists the attributes the schema declares for
// an owner's type tag, `tag(owner)` gives the owner's tag.
template <typename Defs, typename Tag>
std::vector<AttributeKey> keys_of(const AttributeStore& store, std::size_t owners, std::size_t tags,
                                  Defs defs, Tag tag) {
    std::vector<std::vector<AttrDef>> by_tag(tags);
    for (std::size_t t = 0; t < tags; ++t) by_tag[t] = defs(static_cast<TypeTag>(t));
    std::vector<AttributeKey> out;
    for (const auto& key : store.keys()) {
        std::optional<AttrType> type;
        bool uniform = true;
        for (std::uint32_t o = 0; o < owners && uniform; ++o) {
            const std::string* value = store.get(o, key);
            if (!value) continue;
            const auto& d = by_tag[tag(o)];
            auto it =
                std::find_if(d.begin(), d.end(), [&](const AttrDef& a) { return a.name == key; });
            AttrType t = it == d.end() ? AttrType::String : it->type;
            uniform = (!type || *type == t) && check_attr_value(t, *value).empty();
            type = t;
        }
        out.push_back({key, uniform && type ? *type : AttrType::String});
    }
    std::sort(out.begin(), out.end(),
              [](const AttributeKey& a, const AttributeKey& b) { return a.name < b.name; });
    return out;
}

}  // namespace

std::vector<AttributeKey> entity_attribute_keys(const Graph& g, const Schema& schema) {
    const auto& vocabulary = g.entity_type_vocabulary();
    return keys_of(
        g.entity_attributes(), g.entity_count(), vocabulary.size(),
        [&](TypeTag t) { return schema.entity_attributes(vocabulary[t]); },
        [&](std::uint32_t v) { return g.entity_type(v); });
}

std::vector<AttributeKey> relation_attribute_keys(const Graph& g, const Schema& schema) {
    const auto& vocabulary = g.relation_type_vocabulary();
    return keys_of(
        g.relation_attributes(), g.relation_count(), vocabulary.size(),
        [&](TypeTag t) { return schema.relation_attributes(vocabulary[t]); },
        [&](std::uint32_t r) { return g.relation_type(r); });
}

std::vector<EntityIndex> entities_by_id(const Graph& g) {
    auto order = g.sorted_by_id();
    return {order.begin(), order.end()};
}

std::vector<RelationIndex> relations_by_ends(const Graph& g) {
    std::vector<RelationIndex> order(g.relation_count());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](RelationIndex r) {
        return std::make_tuple(g.id(g.source(r)), g.id(g.target(r)), g.relation_type_name(r));
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](RelationIndex a, RelationIndex b) { return key(a) < key(b); });
    return order;
}

}  // namespace ecograph
