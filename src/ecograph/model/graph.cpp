#include "ecograph/model/graph.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"

namespace ecograph {

std::string_view Graph::name(EntityIndex v) const {
    const std::string* label = entity_attrs_.get(v, "label");
    return label ? std::string_view(*label) : id(v);
}

std::optional<EntityIndex> Graph::find(std::string_view key) const {
    auto it = std::lower_bound(by_id_.begin(), by_id_.end(), key,
                               [&](EntityIndex v, std::string_view k) { return id(v) < k; });
    if (it == by_id_.end() || id(*it) != key) return std::nullopt;
    return *it;
}

std::vector<std::string> Graph::ids() const {
    std::vector<std::string> out;
    out.reserve(entity_count());
    for (EntityIndex v = 0; v < entity_count(); ++v) out.emplace_back(id(v));
    return out;
}

std::string Graph::relation_label(RelationIndex r) const {
    std::string_view type = relation_type_name(r);
    const char* head = directed_ ? ">" : "-";
    if (type.empty()) return fmt::format("{} -{} {}", id(source(r)), head, id(target(r)));
    return fmt::format("{} -{}-{} {}", id(source(r)), type, head, id(target(r)));
}

Location Graph::location(Origin o) const {
    if (o.file == 0 || o.file > files_.size()) return {};
    return {files_[o.file - 1], o.line};
}

std::size_t Graph::topology_bytes() const {
    return id_pool_.capacity() + (id_offset_.capacity() + by_id_.capacity()) * 4 +
           entity_type_.capacity() * sizeof(TypeTag) +
           (rel_src_.capacity() + rel_dst_.capacity() + in_rel_.capacity()) * 4 +
           rel_type_.capacity() * sizeof(TypeTag) +
           (out_offset_.capacity() + in_offset_.capacity()) * 4 +
           (entity_origin_.capacity() + rel_origin_.capacity()) * sizeof(Origin);
}

std::uint32_t GraphBuilder::add_file(std::string path) {
    files_.push_back(std::move(path));
    return static_cast<std::uint32_t>(files_.size());
}

EntityIndex GraphBuilder::entity(std::string_view id, Origin where) {
    const std::size_t hash = std::hash<std::string_view>{}(id), mask = slots_.size() - 1;
    const auto fingerprint = static_cast<std::uint32_t>(hash >> 32);
    std::size_t slot = hash & mask;
    for (; slots_[slot].entity != kEmptySlot; slot = (slot + 1) & mask)
        if (slots_[slot].fingerprint == fingerprint && entity_id(slots_[slot].entity) == id)
            return slots_[slot].entity;
    if (entity_type_.size() >= std::numeric_limits<EntityIndex>::max() - 1 ||
        id_pool_.size() + id.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error("graph too large: more than 2^32 entities or 4 GiB of ids");
    EntityIndex v = static_cast<EntityIndex>(entity_type_.size());
    slots_[slot] = {v, fingerprint};
    id_pool_.append(id);
    id_offset_.push_back(static_cast<std::uint32_t>(id_pool_.size()));
    entity_type_.push_back(0);
    entity_origin_.push_back(where);
    if (entity_type_.size() * 2 > slots_.size()) grow_slots();  // keep the load below one half
    return v;
}

void GraphBuilder::grow_slots() {
    std::vector<Slot> bigger(slots_.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const Slot& s : slots_) {
        if (s.entity == kEmptySlot) continue;
        std::size_t slot = std::hash<std::string_view>{}(entity_id(s.entity)) & mask;
        while (bigger[slot].entity != kEmptySlot) slot = (slot + 1) & mask;
        bigger[slot] = s;
    }
    slots_ = std::move(bigger);
}

void GraphBuilder::reserve_relations(std::size_t n) {
    rel_src_.reserve(rel_src_.size() + n);
    rel_dst_.reserve(rel_dst_.size() + n);
    rel_type_.reserve(rel_type_.size() + n);
    rel_origin_.reserve(rel_origin_.size() + n);
}

std::string_view GraphBuilder::entity_id(EntityIndex v) const {
    return std::string_view(id_pool_).substr(id_offset_[v], id_offset_[v + 1] - id_offset_[v]);
}

TypeTag GraphBuilder::intern(std::vector<std::string>& vocabulary,
                             std::unordered_map<std::string, TypeTag>& index,
                             std::string_view name) {
    auto [it, inserted] = index.try_emplace(std::string(name), 0);
    if (inserted) {
        if (vocabulary.size() > std::numeric_limits<TypeTag>::max())
            throw Error("too many distinct type names (more than 65535)");
        it->second = static_cast<TypeTag>(vocabulary.size());
        vocabulary.emplace_back(name);
    }
    return it->second;
}

bool GraphBuilder::set_entity_type(EntityIndex v, std::string_view type) {
    TypeTag tag = intern(entity_types_, entity_type_index_, type);
    if (entity_type_[v] != 0 && entity_type_[v] != tag) return false;
    entity_type_[v] = tag;
    return true;
}

RelationIndex GraphBuilder::add_relation(EntityIndex from, EntityIndex to, std::string_view type,
                                         Origin where) {
    if (rel_src_.size() >= std::numeric_limits<RelationIndex>::max())
        throw Error("graph too large: more than 2^32 relations");
    rel_src_.push_back(from);
    rel_dst_.push_back(to);
    rel_type_.push_back(intern(relation_types_, relation_type_index_, type));
    rel_origin_.push_back(where);
    return static_cast<RelationIndex>(rel_src_.size() - 1);
}

Graph GraphBuilder::build() && {
    Graph g;
    const std::size_t n = entity_type_.size(), m = rel_src_.size();

    // Counting sort of relations by source (stable: input order within a source).
    g.out_offset_.assign(n + 1, 0);
    for (EntityIndex s : rel_src_) ++g.out_offset_[s + 1];
    for (std::size_t v = 0; v < n; ++v) g.out_offset_[v + 1] += g.out_offset_[v];
    std::vector<std::uint32_t> next(g.out_offset_.begin(), g.out_offset_.end() - 1);
    std::vector<std::uint32_t> remap(m);  // old relation index -> new
    for (std::size_t r = 0; r < m; ++r) remap[r] = next[rel_src_[r]]++;

    g.rel_src_.resize(m);
    g.rel_dst_.resize(m);
    g.rel_type_.resize(m);
    g.rel_origin_.resize(m);
    for (std::size_t r = 0; r < m; ++r) {
        g.rel_src_[remap[r]] = rel_src_[r];
        g.rel_dst_[remap[r]] = rel_dst_[r];
        g.rel_type_[remap[r]] = rel_type_[r];
        g.rel_origin_[remap[r]] = rel_origin_[r];
    }

    // Incoming index: relations grouped by target, in relation order.
    g.in_offset_.assign(n + 1, 0);
    for (EntityIndex t : g.rel_dst_) ++g.in_offset_[t + 1];
    for (std::size_t v = 0; v < n; ++v) g.in_offset_[v + 1] += g.in_offset_[v];
    g.in_rel_.resize(m);
    std::vector<std::uint32_t> fill(g.in_offset_.begin(), g.in_offset_.end() - 1);
    for (std::size_t r = 0; r < m; ++r)
        g.in_rel_[fill[g.rel_dst_[r]]++] = static_cast<RelationIndex>(r);

    g.id_pool_ = std::move(id_pool_);
    g.id_pool_.shrink_to_fit();
    g.id_offset_ = std::move(id_offset_);
    g.by_id_.resize(n);
    for (std::size_t v = 0; v < n; ++v) g.by_id_[v] = static_cast<EntityIndex>(v);
    std::sort(g.by_id_.begin(), g.by_id_.end(),
              [&](EntityIndex a, EntityIndex b) { return g.id(a) < g.id(b); });
    slots_.clear();
    slots_.shrink_to_fit();

    g.entity_type_ = std::move(entity_type_);
    g.entity_types_ = std::move(entity_types_);
    g.relation_types_ = std::move(relation_types_);
    g.entity_origin_ = std::move(entity_origin_);
    g.entity_origin_.shrink_to_fit();
    g.entity_type_.shrink_to_fit();
    g.id_offset_.shrink_to_fit();
    entity_attrs_.freeze({});
    relation_attrs_.freeze(remap);
    g.entity_attrs_ = std::move(entity_attrs_);
    g.relation_attrs_ = std::move(relation_attrs_);
    g.files_ = std::move(files_);
    g.directed_ = directed_;
    g.name_ = std::move(name_);
    g.title_ = std::move(title_);
    return g;
}

}  // namespace ecograph
