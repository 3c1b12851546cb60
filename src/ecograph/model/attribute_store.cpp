#include "ecograph/model/attribute_store.hpp"

#include <algorithm>
#include <numeric>

namespace ecograph {

std::size_t AttributeStore::column_index(std::string_view key) {
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    keys_.emplace_back(key);
    columns_.emplace_back();
    index_.emplace(keys_.back(), keys_.size() - 1);
    return keys_.size() - 1;
}

const AttributeStore::Column* AttributeStore::column(std::string_view key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &columns_[it->second];
}

const std::vector<std::size_t>& AttributeStore::key_order() const {
    // Sorted once per batch of new keys, not once per key: 8,000 names once cost seconds.
    if (key_order_.size() != keys_.size()) {
        key_order_.resize(keys_.size());
        std::iota(key_order_.begin(), key_order_.end(), 0);
        std::sort(key_order_.begin(), key_order_.end(),
                  [&](std::size_t a, std::size_t b) { return keys_[a] < keys_[b]; });
    }
    return key_order_;
}

void AttributeStore::reserve(std::string_view key, std::size_t n) {
    Column& c = columns_[column_index(key)];
    c.owners.reserve(c.owners.size() + n);
    c.values.reserve(c.values.size() + n);
}

void AttributeStore::set(std::uint32_t owner, std::string_view key, std::string value) {
    Column& c = columns_[column_index(key)];
    // Owners mostly arrive in order; replacing the last value is the common repeat.
    if (!c.owners.empty() && c.owners.back() == owner) {
        c.values.back() = std::move(value);
        return;
    }
    if (!c.sorted) {
        auto [it, fresh] = c.where.try_emplace(owner, static_cast<std::uint32_t>(c.owners.size()));
        if (!fresh) {
            c.values[it->second] = std::move(value);
            return;
        }
    } else if (!c.owners.empty() && c.owners.back() > owner) {
        auto it = std::lower_bound(c.owners.begin(), c.owners.end(), owner);
        if (*it == owner) {
            c.values[it - c.owners.begin()] = std::move(value);
            return;
        }
        // Out of order from now on: index the owners instead of searching them.
        c.sorted = false;
        c.where.reserve(c.owners.size() + 1);
        for (std::size_t i = 0; i < c.owners.size(); ++i)
            c.where.emplace(c.owners[i], static_cast<std::uint32_t>(i));
        c.where.emplace(owner, static_cast<std::uint32_t>(c.owners.size()));
    }
    c.owners.push_back(owner);
    c.values.push_back(std::move(value));
}

const std::string* AttributeStore::get(std::uint32_t owner, std::string_view key) const {
    const Column* c = column(key);
    if (!c) return nullptr;
    if (!c->sorted) {
        auto it = c->where.find(owner);
        return it == c->where.end() ? nullptr : &c->values[it->second];
    }
    auto it = std::lower_bound(c->owners.begin(), c->owners.end(), owner);
    if (it == c->owners.end() || *it != owner) return nullptr;
    return &c->values[it - c->owners.begin()];
}

void AttributeStore::freeze(const std::vector<std::uint32_t>& remap) {
    for (Column& c : columns_) {
        if (remap.empty() && c.sorted) continue;  // set() kept it sorted
        if (!remap.empty())
            for (auto& o : c.owners) o = remap[o];
        std::vector<std::size_t> order(c.owners.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return c.owners[a] < c.owners[b]; });
        Column sorted;
        sorted.owners.reserve(order.size());
        sorted.values.reserve(order.size());
        for (std::size_t i : order) {
            sorted.owners.push_back(c.owners[i]);
            sorted.values.push_back(std::move(c.values[i]));
        }
        c = std::move(sorted);
    }
    key_order();  // computed now, so that later const calls from several threads only read
}

std::vector<std::pair<std::string_view, std::string_view>> AttributeStore::all(
    std::uint32_t owner) const {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (std::size_t i : key_order())
        if (const std::string* v = get(owner, keys_[i])) out.emplace_back(keys_[i], *v);
    return out;
}

std::size_t AttributeStore::memory_bytes() const {
    std::size_t bytes = 0;
    for (const Column& c : columns_) {
        bytes += c.owners.capacity() * sizeof(std::uint32_t);
        for (const auto& v : c.values)
            bytes += sizeof(std::string) + (v.size() > 15 ? v.capacity() : 0);
    }
    return bytes;
}

}  // namespace ecograph
