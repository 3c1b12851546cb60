#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/core/huge_pages.hpp"
#include "ecograph/model/attribute_store.hpp"

namespace ecograph {

using EntityIndex = std::uint32_t;
using RelationIndex = std::uint32_t;
using TypeTag = std::uint16_t;  ///< index into a graph's type vocabulary; 0 means untyped

/// Where an entity or relation was declared: file (1-based index into Graph::files(), 0 for
/// none) and line (0 when unknown).
struct Origin {
    std::uint32_t file = 0;
    std::uint32_t line = 0;
};

/// A loaded, immutable typed graph in compact form.
///
/// Entities are dense 32-bit indices in first-seen order; relations are sorted by source so
/// that the relations leaving an entity are one contiguous range (CSR), with a second index for
/// the relations entering it. Types are small integer tags into per-graph vocabularies (the
/// names as written; the schema is consulted by name). Attributes live in AttributeStores apart
/// from the topology. docs/model.md gives the bytes per entity and relation.
class Graph {
public:
    std::size_t entity_count() const { return entity_type_.size(); }
    std::size_t relation_count() const { return rel_type_.size(); }

    std::string_view id(EntityIndex v) const {
        return std::string_view(id_pool_).substr(id_offset_[v], id_offset_[v + 1] - id_offset_[v]);
    }
    /// Display name: the `label` attribute, else the id.
    std::string_view name(EntityIndex v) const;
    std::optional<EntityIndex> find(std::string_view id) const;
    /// Every entity, ordered by id (byte order): the index find() searches.
    /// Sorted on the first call (by find() or here) and kept; safe to call from several threads.
    std::span<const EntityIndex> sorted_by_id() const;
    /// Every id, for "did you mean" suggestions.
    std::vector<std::string> ids() const;

    TypeTag entity_type(EntityIndex v) const { return entity_type_[v]; }
    std::string_view entity_type_name(EntityIndex v) const {
        return entity_types_[entity_type_[v]];
    }
    /// Tag -> type name as written in the input; entry 0 is "" (untyped).
    const std::vector<std::string>& entity_type_vocabulary() const { return entity_types_; }

    EntityIndex source(RelationIndex r) const { return rel_src_[r]; }
    EntityIndex target(RelationIndex r) const { return rel_dst_[r]; }
    TypeTag relation_type(RelationIndex r) const { return rel_type_[r]; }
    std::string_view relation_type_name(RelationIndex r) const {
        return relation_types_[rel_type_[r]];
    }
    const std::vector<std::string>& relation_type_vocabulary() const { return relation_types_; }
    /// "infosys -partners_with-> alibaba-cloud" (or "a -> b" when untyped).
    std::string relation_label(RelationIndex r) const;

    /// Relations leaving `v` are the indices [out_begin(v), out_end(v)).
    RelationIndex out_begin(EntityIndex v) const { return out_offset_[v]; }
    RelationIndex out_end(EntityIndex v) const { return out_offset_[v + 1]; }
    std::size_t out_degree(EntityIndex v) const { return out_offset_[v + 1] - out_offset_[v]; }
    /// Relations entering `v`, in relation order.
    std::span<const RelationIndex> in_relations(EntityIndex v) const {
        return {in_rel_.data() + in_offset_[v], in_offset_[v + 1] - in_offset_[v]};
    }
    std::size_t in_degree(EntityIndex v) const { return in_offset_[v + 1] - in_offset_[v]; }

    const AttributeStore& entity_attributes() const { return entity_attrs_; }
    const AttributeStore& relation_attributes() const { return relation_attrs_; }
    const std::string* entity_attr(EntityIndex v, std::string_view key) const {
        return entity_attrs_.get(v, key);
    }
    /// Capacity for `n` more entity values of `key`.
    void reserve_entity_attr(std::string_view key, std::size_t n) { entity_attrs_.reserve(key, n); }
    const std::string* relation_attr(RelationIndex r, std::string_view key) const {
        return relation_attrs_.get(r, key);
    }

    const std::vector<std::string>& files() const { return files_; }
    Location entity_location(EntityIndex v) const { return location(entity_pos_[v]); }
    Location relation_location(RelationIndex r) const { return location(rel_pos_[r]); }

    bool directed() const { return directed_; }
    const std::string& graph_name() const { return name_; }
    /// The graph's `label` attribute (a human title), empty when not set.
    const std::string& title() const { return title_; }
    /// True when any entity or relation carries a type.
    bool typed() const { return entity_types_.size() > 1 || relation_types_.size() > 1; }

    /// Bytes held by ids, types, topology and origins (attributes are counted apart, by
    /// AttributeStore::memory_bytes). docs/model.md derives the figure per entity and relation.
    std::size_t topology_bytes() const;

private:
    friend class GraphBuilder;
    Location location(std::uint32_t position) const;

    std::string id_pool_;
    std::vector<std::uint32_t> id_offset_{0};
    // Entity indices sorted by id, for find(). Sorted on first use: a job that never looks an
    // id up (PageRank over a million entities) does not pay for sorting them.
    class LazyOrder {
    public:
        LazyOrder() = default;
        LazyOrder(const LazyOrder&) = delete;
        LazyOrder& operator=(const LazyOrder&) = delete;
        LazyOrder(LazyOrder&& other) noexcept
            : order_(std::move(other.order_)), built_(other.built_.load()) {}
        LazyOrder& operator=(LazyOrder&& other) noexcept {
            order_ = std::move(other.order_);
            built_ = other.built_.load();
            return *this;
        }
        // The order, made by make() the first time.
        template <class Make>
        std::span<const EntityIndex> get(const Make& make) const {
            if (!built()) {
                std::lock_guard lock(mutex_);
                if (!built_.load(std::memory_order_relaxed)) {
                    order_ = make();
                    built_.store(true, std::memory_order_release);
                }
            }
            return order_;
        }

    private:
        bool built() const { return built_.load(std::memory_order_acquire); }
        mutable std::mutex mutex_;
        mutable std::vector<EntityIndex> order_;
        mutable std::atomic<bool> built_{false};
    };
    LazyOrder by_id_;
    std::vector<TypeTag> entity_type_;
    std::vector<std::string> entity_types_{""};
    std::vector<EntityIndex> rel_src_, rel_dst_;
    std::vector<TypeTag> rel_type_;
    std::vector<std::string> relation_types_{""};
    std::vector<std::uint32_t> out_offset_{0}, in_offset_{0};
    std::vector<RelationIndex> in_rel_;
    AttributeStore entity_attrs_, relation_attrs_;
    // Origins packed in 32 bits: the lines of all files numbered in one sequence, file i's
    // line l at file_base_[i - 1] + l; 0 for no file.
    std::vector<std::uint32_t> entity_pos_, rel_pos_;
    std::vector<std::uint32_t> file_base_;
    std::vector<std::string> files_;
    bool directed_ = true;
    std::string name_;
    std::string title_;
};

/// Collects entities and relations from one or more inputs (merged by entity id), then builds
/// the compact Graph. Conflicts are reported back to the caller, which knows the positions.
class GraphBuilder {
public:
    /// Registers an input file; returns its 1-based index for Origin::file.
    std::uint32_t add_file(std::string path);

    /// The entity with this id, created on first use at `where`.
    EntityIndex entity(std::string_view id, Origin where) { return entity(id, hash_id(id), where); }
    /// The same, with `hash == hash_id(id)` computed beforehand.
    EntityIndex entity(std::string_view id, std::size_t hash, Origin where);
    /// A 64-bit hash of an id, both halves well mixed (the table uses the low bits for the
    /// slot, the high ones as a fingerprint). Inline and branch-light for the short ids of
    /// partner graphs: a bulk read hashes two ids per relation. Seeded per builder at random,
    /// so that a hostile file cannot be made of ids that collide; entity numbering does not
    /// depend on it.
    std::size_t hash_id(std::string_view id) const {
        const auto* p = reinterpret_cast<const unsigned char*>(id.data());
        const std::size_t n = id.size();
        std::uint64_t h = seed_[1] ^ (n * kMixA);
        std::size_t i = 0;
        for (; n - i > 16; i += 16) h = mix(load64(p + i) ^ seed_[0], load64(p + i + 8) ^ h);
        // The last 1 to 16 bytes as two words (overlapping when fewer than 16).
        std::uint64_t a = 0, b = 0;
        const std::size_t rest = n - i;
        if (rest >= 8) {
            a = load64(p + i);
            b = load64(p + n - 8);
        } else if (rest >= 4) {
            a = load32(p + i);
            b = load32(p + n - 4);
        } else if (rest > 0) {
            a = (std::uint64_t{p[i]} << 16) | (std::uint64_t{p[i + rest / 2]} << 8) | p[n - 1];
        }
        return mix(mix(a ^ seed_[0], b ^ h), n ^ kMixB);
    }
    /// The entity with this id (`hash == hash_id(id)`), if there is one. Only reads: threads
    /// may call it at once while nothing changes the builder's entities.
    std::optional<EntityIndex> find_entity(std::string_view id, std::size_t hash) const;
    /// A hint for bulk readers that look up many ids: prefetch_slot(hash_id(id)) starts loading
    /// the table slot of the id, so that entity() some rows later finds it in cache (the slot
    /// holds short ids whole). Changes nothing.
    void prefetch_slot(std::size_t hash) const {
        __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }
    /// Capacity for `n` more entities.
    void reserve_entities(std::size_t n);
    std::size_t entity_count() const { return entity_type_.size(); }
    std::string_view entity_id(EntityIndex v) const;
    Origin entity_origin(EntityIndex v) const { return entity_origin_[v]; }
    /// Moves the entity's origin to its declaration (a node statement with attributes).
    void set_entity_origin(EntityIndex v, Origin where) { entity_origin_[v] = where; }

    /// Sets the type; returns false (keeping the first) if a different type was set before.
    bool set_entity_type(EntityIndex v, std::string_view type);
    std::string_view entity_type(EntityIndex v) const { return entity_types_[entity_type_[v]]; }
    void set_entity_attr(EntityIndex v, std::string_view key, std::string value) {
        entity_attrs_.set(v, key, std::move(value));
    }
    const std::string* entity_attr(EntityIndex v, std::string_view key) const {
        return entity_attrs_.get(v, key);
    }
    /// Capacity for `n` more entity values of `key`.
    void reserve_entity_attr(std::string_view key, std::size_t n) { entity_attrs_.reserve(key, n); }

    RelationIndex add_relation(EntityIndex from, EntityIndex to, std::string_view type,
                               Origin where);
    /// Bulk loading, for readers that resolve ids and type tags themselves: appends relations
    /// from[i] -> to[i] with tags from relation_type_tag, at lines[i] of `file`, and returns the
    /// index of the first. Ends may be set later with set_relation_ends.
    RelationIndex add_relations(std::span<const EntityIndex> from, std::span<const EntityIndex> to,
                                std::span<const TypeTag> types,
                                std::span<const std::uint32_t> lines, std::uint32_t file);
    void set_relation_ends(RelationIndex r, EntityIndex from, EntityIndex to) {
        rel_src_[r] = from;
        rel_dst_[r] = to;
    }
    /// The tag of a relation type name, interned on first use.
    TypeTag relation_type_tag(std::string_view type);
    std::size_t relation_count() const { return rel_src_.size(); }
    /// Capacity for `n` more relations (bulk readers know roughly how many are coming).
    void reserve_relations(std::size_t n);
    void set_relation_attr(RelationIndex r, std::string_view key, std::string value) {
        relation_attrs_.set(r, key, std::move(value));
    }

    void set_directed(bool directed) { directed_ = directed; }
    bool directed() const { return directed_; }
    void set_name(std::string name) { name_ = std::move(name); }
    void set_title(std::string title) { title_ = std::move(title); }
    const std::vector<std::string>& files() const { return files_; }

    Graph build() &&;

private:
    static constexpr std::uint64_t kMixA = 0xE7037ED1A0B428DBull, kMixB = 0x8EBC6AF09C88C6E3ull;
    std::array<std::uint64_t, 2> seed_ = random_seed();
    static std::array<std::uint64_t, 2> random_seed();
    // The 128-bit product's halves folded: every input bit reaches both halves of the result.
    static std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
        __extension__ using Wide = unsigned __int128;  // GCC and Clang; pedantic otherwise
        const Wide r = static_cast<Wide>(a) * b;
        return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
    }
    static std::uint64_t load64(const unsigned char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    }
    static std::uint64_t load32(const unsigned char* p) {
        std::uint32_t w;
        std::memcpy(&w, p, 4);
        return w;
    }
    TypeTag intern(std::vector<std::string>& vocabulary,
                   std::unordered_map<std::string, TypeTag>& index, std::string_view name);

    std::string id_pool_;
    std::vector<std::uint32_t> id_offset_{0};
    // Open-addressing table of entity indices (kEmptySlot = free), keyed by the ids in
    // id_pool_: one array probe per lookup instead of a node-based map's pointer chase.
    // Each slot holds an entity index, 32 bits of its id's hash, compared first, and the id's
    // first kHead bytes, so that a short id is compared without touching id_pool_ (a cache
    // miss in a big graph). Slots are half a cache line, aligned.
    static constexpr EntityIndex kEmptySlot = ~EntityIndex{0};
    static constexpr std::size_t kHead = 16;
    struct alignas(32) Slot {
        EntityIndex entity = kEmptySlot;
        std::uint32_t fingerprint = 0;
        std::uint32_t offset = 0;  ///< of the id in id_pool_
        std::uint32_t length = 0;  ///< of the id
        char head[kHead] = {};     ///< the id's first bytes, zero-padded
    };
    // Huge pages: every id looked up is a random read in this table (64 MB at 1M entities).
    std::vector<Slot, HugePageAllocator<Slot>> slots_ = decltype(slots_)(16);
    void grow_slots(std::size_t size);
    /// The slot holding `id`, or the free slot where it would go.
    std::size_t probe(std::string_view id, std::size_t hash) const;
    static std::size_t next_slot(std::size_t slot, std::size_t home, std::size_t mask);
    std::vector<TypeTag> entity_type_;
    std::vector<std::string> entity_types_{""};
    std::unordered_map<std::string, TypeTag> entity_type_index_{{"", 0}};
    TypeTag last_entity_type_ = 0;  ///< the tag interned last
    std::vector<Origin> entity_origin_;
    std::vector<EntityIndex> rel_src_, rel_dst_;
    std::vector<TypeTag> rel_type_;
    std::vector<std::string> relation_types_{""};
    std::unordered_map<std::string, TypeTag> relation_type_index_{{"", 0}};
    TypeTag last_relation_type_ = 0;  ///< the tag interned last: types come in runs
    // Origins of relations: the line of each, and the file of each run of relations from one
    // file as (first relation, file).
    std::vector<std::uint32_t> rel_line_;
    std::vector<std::pair<RelationIndex, std::uint32_t>> rel_file_runs_;
    AttributeStore entity_attrs_, relation_attrs_;
    std::vector<std::string> files_;
    bool directed_ = true;
    std::string name_;
    std::string title_;
};

}  // namespace ecograph
