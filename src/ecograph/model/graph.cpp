#include "ecograph/model/graph.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"

namespace ecograph {
namespace {

// Takes over the buffer of `from` (its contents are about to be overwritten) when it holds `n`
// elements with little slack, so that build() reuses memory instead of faulting in new pages.
template <typename T>
std::vector<T> reuse(std::vector<T>& from, std::size_t n) {
    std::vector<T> out = std::move(from);
    from = {};
    out.resize(n);
    if (out.capacity() > n + n / 64) out.shrink_to_fit();
    return out;
}

// Runs f(0, mid) and f(mid, count) on two threads when `count` is at least `parallel`, else
// f(0, count). `f` must not throw, and the two halves must touch different memory.
template <typename F>
void in_halves(std::size_t count, const F& f, std::size_t parallel = std::size_t{1} << 20) {
    if (count < parallel || available_threads() < 2) {
        f(std::size_t{0}, count);
        return;
    }
    const std::size_t mid = count / 2;
    std::jthread worker([&] { f(mid, count); });
    f(std::size_t{0}, mid);
}

// A stable counting sort of items [0, m) by key(i) < n, each half of the items counted and
// placed on its own thread (in_halves): fills `offsets` (n + 1 entries: key k's items are
// [offsets[k], offsets[k + 1])) and calls place(i, slot) once per item, slots of equal keys in
// item order (the first half's items before the second's).
template <typename Key, typename Place>
void counting_sort(std::size_t n, std::size_t m, std::vector<std::uint32_t>& offsets,
                   const Key& key, const Place& place) {
    constexpr std::size_t kParallel = std::size_t{1} << 16;
    std::vector<std::uint32_t> counts[2];  // per half; then each half's next slot per key
    auto half = [](std::size_t lo) { return lo == 0 ? 0 : 1; };
    in_halves(
        m,
        [&](std::size_t lo, std::size_t hi) {
            auto& c = counts[half(lo)];
            c.assign(n, 0);
            for (std::size_t i = lo; i < hi; ++i) ++c[key(i)];
        },
        kParallel);
    offsets.assign(n + 1, 0);
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t first = counts[0][k], second = counts[1].empty() ? 0 : counts[1][k];
        counts[0][k] = offsets[k];
        if (!counts[1].empty()) counts[1][k] = offsets[k] + first;
        offsets[k + 1] = offsets[k] + first + second;
    }
    in_halves(
        m,
        [&](std::size_t lo, std::size_t hi) {
            auto& next = counts[half(lo)];
            for (std::size_t i = lo; i < hi; ++i) place(i, next[key(i)]++);
        },
        kParallel);
}

// Frees a vector's memory now rather than when its owner goes.
template <typename T, typename A>
void release(std::vector<T, A>& v) {
    std::vector<T, A>().swap(v);
}

}  // namespace

std::string_view Graph::name(EntityIndex v) const {
    const std::string* label = entity_attrs_.get(v, "label");
    return label ? std::string_view(*label) : id(v);
}

std::span<const EntityIndex> Graph::sorted_by_id() const {
    return by_id_.get([&] {
        const std::size_t n = entity_count();
        std::vector<EntityIndex> order(n);
        std::iota(order.begin(), order.end(), EntityIndex{0});
        // Ids are unique, so sorting the halves apart and merging them gives the one order.
        auto by_id = [&](EntityIndex a, EntityIndex b) { return id(a) < id(b); };
        std::size_t half = 0;
        in_halves(
            n,
            [&](std::size_t lo, std::size_t hi) {
                if (lo > 0) half = lo;
                std::sort(order.begin() + static_cast<std::ptrdiff_t>(lo),
                          order.begin() + static_cast<std::ptrdiff_t>(hi), by_id);
            },
            std::size_t{1} << 16);
        if (half > 0)
            std::inplace_merge(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(half),
                               order.end(), by_id);
        return order;
    });
}

std::optional<EntityIndex> Graph::find(std::string_view key) const {
    auto order = sorted_by_id();
    auto it = std::lower_bound(order.begin(), order.end(), key,
                               [&](EntityIndex v, std::string_view k) { return id(v) < k; });
    if (it == order.end() || id(*it) != key) return std::nullopt;
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

Location Graph::location(std::uint32_t position) const {
    if (position == 0) return {};
    // The last file whose lines start at or before `position`; file_base_[0] is 1.
    auto f = std::upper_bound(file_base_.begin(), file_base_.end(), position) - file_base_.begin();
    return {files_[f - 1], position - file_base_[f - 1]};
}

std::size_t Graph::topology_bytes() const {
    // The id index counts as built: 4 bytes per entity once the first lookup sorts it.
    return id_pool_.capacity() + (id_offset_.capacity() + entity_count()) * 4 +
           entity_type_.capacity() * sizeof(TypeTag) +
           (rel_src_.capacity() + rel_dst_.capacity() + in_rel_.capacity()) * 4 +
           rel_type_.capacity() * sizeof(TypeTag) +
           (out_offset_.capacity() + in_offset_.capacity()) * 4 +
           (entity_pos_.capacity() + rel_pos_.capacity() + file_base_.capacity()) * 4;
}

std::uint32_t GraphBuilder::add_file(std::string path) {
    files_.push_back(std::move(path));
    return static_cast<std::uint32_t>(files_.size());
}

std::array<std::uint64_t, 2> GraphBuilder::random_seed() {
    try {
        std::random_device device;
        auto word = [&] { return (std::uint64_t{device()} << 32) | device(); };
        return {word(), word()};
    } catch (const std::exception&) {  // no entropy source: still a good hash, only guessable
        return {0x243F6A8885A308D3ull, 0x13198A2E03707344ull};
    }
}

// Linear probing from an id's home slot, except that the other slot of the home's cache line
// (two slots a line) comes first: a lookup that needs a second slot mostly finds it in the line
// already loaded (prefetched by a bulk reader) instead of missing on the next one.
std::size_t GraphBuilder::next_slot(std::size_t slot, std::size_t home, std::size_t mask) {
    if (slot == home) return home ^ 1;
    if (slot == (home ^ 1)) return ((home | 1) + 1) & mask;
    return (slot + 1) & mask;
}

std::size_t GraphBuilder::probe(std::string_view id, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const auto fingerprint = static_cast<std::uint32_t>(hash >> 32);
    char head[kHead] = {};
    std::memcpy(head, id.data(), std::min(id.size(), kHead));
    const std::size_t home = hash & mask;
    std::size_t slot = home;
    for (; slots_[slot].entity != kEmptySlot; slot = next_slot(slot, home, mask)) {
        const Slot& s = slots_[slot];
        if (s.fingerprint == fingerprint && s.length == id.size() &&
            std::memcmp(s.head, head, kHead) == 0 &&
            (id.size() <= kHead || std::memcmp(id_pool_.data() + s.offset + kHead,
                                               id.data() + kHead, id.size() - kHead) == 0))
            break;
    }
    return slot;
}

std::optional<EntityIndex> GraphBuilder::find_entity(std::string_view id, std::size_t hash) const {
    const EntityIndex v = slots_[probe(id, hash)].entity;
    if (v == kEmptySlot) return std::nullopt;
    return v;
}

EntityIndex GraphBuilder::entity(std::string_view id, std::size_t hash, Origin where) {
    const std::size_t slot = probe(id, hash);
    if (slots_[slot].entity != kEmptySlot) return slots_[slot].entity;
    if (entity_type_.size() >= std::numeric_limits<EntityIndex>::max() - 1 ||
        id_pool_.size() + id.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error("graph too large: more than 2^32 entities or 4 GiB of ids");
    EntityIndex v = static_cast<EntityIndex>(entity_type_.size());
    Slot& s = slots_[slot];
    s.entity = v;
    s.fingerprint = static_cast<std::uint32_t>(hash >> 32);
    s.offset = static_cast<std::uint32_t>(id_pool_.size());
    s.length = static_cast<std::uint32_t>(id.size());
    std::memcpy(s.head, id.data(), std::min(id.size(), kHead));
    id_pool_.append(id);
    id_offset_.push_back(static_cast<std::uint32_t>(id_pool_.size()));
    entity_type_.push_back(0);
    entity_origin_.push_back(where);
    if (entity_type_.size() * 2 > slots_.size()) grow_slots(slots_.size() * 2);  // load < 1/2
    return v;
}

void GraphBuilder::grow_slots(std::size_t size) {
    decltype(slots_) bigger(size);
    const std::size_t mask = bigger.size() - 1;
    for (const Slot& s : slots_) {
        if (s.entity == kEmptySlot) continue;
        const std::size_t home =
            hash_id(std::string_view(id_pool_.data() + s.offset, s.length)) & mask;
        std::size_t slot = home;
        while (bigger[slot].entity != kEmptySlot) slot = next_slot(slot, home, mask);
        bigger[slot] = s;
    }
    slots_ = std::move(bigger);
}

void GraphBuilder::reserve_entities(std::size_t n) {
    const std::size_t total = entity_type_.size() + n;
    id_offset_.reserve(total + 1);
    entity_type_.reserve(total);
    entity_origin_.reserve(total);
    std::size_t size = slots_.size();
    while (total * 2 > size) size *= 2;
    if (size > slots_.size()) grow_slots(size);
}

void GraphBuilder::reserve_relations(std::size_t n) {
    rel_src_.reserve(rel_src_.size() + n);
    rel_dst_.reserve(rel_dst_.size() + n);
    rel_type_.reserve(rel_type_.size() + n);
    rel_line_.reserve(rel_line_.size() + n);
}

std::string_view GraphBuilder::entity_id(EntityIndex v) const {
    return std::string_view(id_pool_).substr(id_offset_[v], id_offset_[v + 1] - id_offset_[v]);
}

TypeTag GraphBuilder::intern(std::vector<std::string>& vocabulary,
                             std::unordered_map<std::string, TypeTag>& index,
                             std::string_view name) {
    // A partner graph has a handful of type names: comparing them beats hashing a string.
    constexpr std::size_t kScan = 16;
    if (vocabulary.size() <= kScan) {
        for (std::size_t t = 1; t < vocabulary.size(); ++t)
            if (vocabulary[t] == name) return static_cast<TypeTag>(t);
    }
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
    if (entity_types_[last_entity_type_] != type)
        last_entity_type_ = intern(entity_types_, entity_type_index_, type);
    const TypeTag tag = last_entity_type_;
    if (entity_type_[v] != 0 && entity_type_[v] != tag) return false;
    entity_type_[v] = tag;
    return true;
}

RelationIndex GraphBuilder::add_relation(EntityIndex from, EntityIndex to, std::string_view type,
                                         Origin where) {
    if (rel_src_.size() >= std::numeric_limits<RelationIndex>::max())
        throw Error("graph too large: more than 2^32 relations");
    const auto r = static_cast<RelationIndex>(rel_src_.size());
    rel_src_.push_back(from);
    rel_dst_.push_back(to);
    rel_type_.push_back(relation_type_tag(type));
    if (rel_file_runs_.empty() || rel_file_runs_.back().second != where.file)
        rel_file_runs_.emplace_back(r, where.file);
    rel_line_.push_back(where.line);
    return r;
}

TypeTag GraphBuilder::relation_type_tag(std::string_view type) {
    if (relation_types_[last_relation_type_] != type)
        last_relation_type_ = intern(relation_types_, relation_type_index_, type);
    return last_relation_type_;
}

RelationIndex GraphBuilder::add_relations(std::span<const EntityIndex> from,
                                          std::span<const EntityIndex> to,
                                          std::span<const TypeTag> types,
                                          std::span<const std::uint32_t> lines,
                                          std::uint32_t file) {
    if (rel_src_.size() + from.size() > std::numeric_limits<RelationIndex>::max())
        throw Error("graph too large: more than 2^32 relations");
    const auto first = static_cast<RelationIndex>(rel_src_.size());
    if (from.empty()) return first;
    rel_src_.insert(rel_src_.end(), from.begin(), from.end());
    rel_dst_.insert(rel_dst_.end(), to.begin(), to.end());
    rel_type_.insert(rel_type_.end(), types.begin(), types.end());
    if (rel_file_runs_.empty() || rel_file_runs_.back().second != file)
        rel_file_runs_.emplace_back(first, file);
    rel_line_.insert(rel_line_.end(), lines.begin(), lines.end());
    return first;
}

Graph GraphBuilder::build() && {
    Graph g;
    const std::size_t n = entity_type_.size(), m = rel_src_.size();
    release(slots_);  // lookups are over; build() keeps memory low by freeing as it goes

    // Origins: the lines of all files numbered in one sequence, file after file.
    const std::size_t files = files_.size();
    std::vector<std::uint32_t> last_line(files + 1, 0);
    for (const Origin& o : entity_origin_)
        if (o.file <= files) last_line[o.file] = std::max(last_line[o.file], o.line);
    for (std::size_t k = 0; k < rel_file_runs_.size(); ++k) {
        const std::uint32_t f = rel_file_runs_[k].second;
        if (f > files) continue;
        const std::size_t end = k + 1 < rel_file_runs_.size() ? rel_file_runs_[k + 1].first : m;
        for (std::size_t r = rel_file_runs_[k].first; r < end; ++r)
            last_line[f] = std::max(last_line[f], rel_line_[r]);
    }
    g.file_base_.resize(files);
    std::uint64_t next_base = 1;
    for (std::size_t f = 1; f <= files; ++f) {
        if (next_base + last_line[f] > std::numeric_limits<std::uint32_t>::max())
            throw Error("graph too large: more than 2^32 lines of input");
        g.file_base_[f - 1] = static_cast<std::uint32_t>(next_base);
        next_base += std::uint64_t{last_line[f]} + 1;
    }
    auto position = [&](std::uint32_t file, std::uint32_t line) -> std::uint32_t {
        return file == 0 || file > files ? 0 : g.file_base_[file - 1] + line;
    };
    g.entity_pos_.resize(n);
    for (std::size_t v = 0; v < n; ++v)
        g.entity_pos_[v] = position(entity_origin_[v].file, entity_origin_[v].line);
    release(entity_origin_);

    // Counting sort of relations by source (stable: input order within a source), one array at
    // a time so that at most one array is held twice. Relations that already come grouped by
    // source (a file ecograph wrote, for one) keep their numbering, and their arrays are taken
    // over as they are.
    std::vector<std::uint32_t> remap;  // old relation index -> new; empty when unchanged
    if (std::is_sorted(rel_src_.begin(), rel_src_.end())) {
        g.out_offset_.assign(n + 1, 0);
        for (EntityIndex s : rel_src_) ++g.out_offset_[s + 1];
        for (std::size_t v = 0; v < n; ++v) g.out_offset_[v + 1] += g.out_offset_[v];
    } else {
        remap.resize(m);
        counting_sort(
            n, m, g.out_offset_, [&](std::size_t r) { return rel_src_[r]; },
            [&](std::size_t r, std::uint32_t slot) { remap[r] = slot; });
    }
    // new_index(r): where relation r goes.
    auto new_index = [&](std::size_t r) { return remap.empty() ? r : remap[r]; };
    // Each array is scattered into the buffer of one no longer needed (fresh memory costs a
    // page fault and zeroing per page); two threads share each scatter.
    if (remap.empty()) {
        g.rel_dst_ = std::move(rel_dst_);
    } else {
        g.rel_dst_ = reuse(rel_src_, m);
        in_halves(m, [&](std::size_t lo, std::size_t hi) {
            for (std::size_t r = lo; r < hi; ++r) g.rel_dst_[remap[r]] = rel_dst_[r];
        });
    }
    // Positions overwrite the lines in place when nothing moves.
    g.rel_pos_ = remap.empty() ? std::move(rel_line_) : reuse(rel_dst_, m);
    in_halves(m, [&](std::size_t lo, std::size_t hi) {
        for (std::size_t k = 0; k < rel_file_runs_.size(); ++k) {
            const std::uint32_t f = rel_file_runs_[k].second;
            const std::size_t end = std::min<std::size_t>(
                hi, k + 1 < rel_file_runs_.size() ? rel_file_runs_[k + 1].first : m);
            const auto& lines = remap.empty() ? g.rel_pos_ : rel_line_;
            for (std::size_t r = std::max<std::size_t>(lo, rel_file_runs_[k].first); r < end; ++r)
                g.rel_pos_[new_index(r)] = position(f, lines[r]);
        }
    });
    if (remap.empty()) {
        g.rel_src_ = std::move(rel_src_);  // already each relation's source, in order
        g.rel_type_ = std::move(rel_type_);
    } else {
        g.rel_src_ = reuse(rel_line_, m);
        for (std::size_t v = 0; v < n; ++v)
            std::fill(g.rel_src_.begin() + g.out_offset_[v],
                      g.rel_src_.begin() + g.out_offset_[v + 1], static_cast<EntityIndex>(v));
        g.rel_type_.resize(m);
        in_halves(m, [&](std::size_t lo, std::size_t hi) {
            for (std::size_t r = lo; r < hi; ++r) g.rel_type_[remap[r]] = rel_type_[r];
        });
        release(rel_type_);
    }
    relation_attrs_.freeze(remap);

    // Incoming index: relations grouped by target, in relation order.
    g.in_rel_ = remap.empty() ? std::vector<RelationIndex>(m) : reuse(remap, m);
    counting_sort(
        n, m, g.in_offset_, [&](std::size_t r) { return g.rel_dst_[r]; },
        [&](std::size_t r, std::uint32_t slot) {
            g.in_rel_[slot] = static_cast<RelationIndex>(r);
        });

    g.id_pool_ = std::move(id_pool_);
    g.id_pool_.shrink_to_fit();
    g.id_offset_ = std::move(id_offset_);
    g.id_offset_.shrink_to_fit();
    g.entity_type_ = std::move(entity_type_);
    g.entity_type_.shrink_to_fit();
    g.entity_types_ = std::move(entity_types_);
    g.relation_types_ = std::move(relation_types_);
    entity_attrs_.freeze({});
    g.entity_attrs_ = std::move(entity_attrs_);
    g.relation_attrs_ = std::move(relation_attrs_);
    g.files_ = std::move(files_);
    g.directed_ = directed_;
    g.name_ = std::move(name_);
    g.title_ = std::move(title_);
    return g;
}

}  // namespace ecograph
