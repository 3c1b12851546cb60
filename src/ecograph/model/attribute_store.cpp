#include "ecograph/model/attribute_store.hpp"

#include <algorithm>
#include <numeric>

namespace ecograph {

std::size_t AttributeStore::column_index(std::string_view key) {
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key) return i;
    keys_.emplace_back(key);
    columns_.emplace_back();
    key_order_.resize(keys_.size());
    std::iota(key_order_.begin(), key_order_.end(), 0);
    std::sort(key_order_.begin(), key_order_.end(),
              [&](std::size_t a, std::size_t b) { return keys_[a] < keys_[b]; });
    return keys_.size() - 1;
}

const AttributeStore::Column* AttributeStore::column(std::string_view key) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key) return &columns_[i];
    return nullptr;
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
    if (!c.owners.empty() && c.owners.back() > owner) {
        if (c.sorted) {
            auto it = std::lower_bound(c.owners.begin(), c.owners.end(), owner);
            if (it != c.owners.end() && *it == owner) {
                c.values[it - c.owners.begin()] = std::move(value);
                return;
            }
        } else {
            for (std::size_t i = 0; i < c.owners.size(); ++i)
                if (c.owners[i] == owner) {
                    c.values[i] = std::move(value);
                    return;
                }
        }
        c.sorted = false;
    }
    c.owners.push_back(owner);
    c.values.push_back(std::move(value));
}

const std::string* AttributeStore::get(std::uint32_t owner, std::string_view key) const {
    const Column* c = column(key);
    if (!c) return nullptr;
    if (!c->sorted) {
        for (std::size_t i = 0; i < c->owners.size(); ++i)
            if (c->owners[i] == owner) return &c->values[i];
        return nullptr;
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
}

std::vector<std::pair<std::string_view, std::string_view>> AttributeStore::all(
    std::uint32_t owner) const {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (std::size_t i : key_order_)
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
