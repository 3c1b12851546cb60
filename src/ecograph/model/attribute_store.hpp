#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ecograph {

/// Attribute values of entities or relations, kept apart from the topology: one column per
/// attribute name, each holding only the owners that have a value. A graph without attributes
/// costs nothing here. Values are the text the user wrote; the schema says how to read them.
class AttributeStore {
public:
    /// Sets (or replaces) the value of `key` for `owner`. Keys must be set before freeze().
    void set(std::uint32_t owner, std::string_view key, std::string value);
    /// Capacity for `n` more values of `key` (a bulk reader knows how many rows are coming).
    void reserve(std::string_view key, std::size_t n);
    /// Value of `key` for `owner`, or nullptr.
    const std::string* get(std::uint32_t owner, std::string_view key) const;

    /// Sorts every column by owner so that get() is a binary search; `remap[old] = new` renumbers
    /// owners first (pass an empty vector to keep the numbering).
    void freeze(const std::vector<std::uint32_t>& remap);

    /// Attribute names in first-seen order.
    const std::vector<std::string>& keys() const { return keys_; }
    /// (key, value) pairs of one owner, ordered by key name.
    std::vector<std::pair<std::string_view, std::string_view>> all(std::uint32_t owner) const;

    /// Bytes of values and owner indices held (for docs/performance figures).
    std::size_t memory_bytes() const;

private:
    struct Column {
        std::vector<std::uint32_t> owners;
        std::vector<std::string> values;
        bool sorted = true;
        /// owner -> position, kept only while the column is not sorted, so that set() and
        /// get() stay O(1) whatever order the owners come in.
        std::unordered_map<std::uint32_t, std::uint32_t> where;
    };
    // Heterogeneous lookup: a string_view key finds its column without a temporary string.
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::size_t column_index(std::string_view key);
    const Column* column(std::string_view key) const;
    /// Column indices sorted by key name, computed when first needed after a new key.
    const std::vector<std::size_t>& key_order() const;

    std::vector<std::string> keys_;
    std::vector<Column> columns_;
    std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> index_;
    mutable std::vector<std::size_t> key_order_;  ///< valid when its size is keys_.size()
};

}  // namespace ecograph
