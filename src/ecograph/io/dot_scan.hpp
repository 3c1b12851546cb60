#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ecograph::detail {

/// Where an edge between two plain node ids (indices into DotScan::ids) was written.
struct EdgeSite {
    std::uint32_t tail, head, line;
};

/// Result of a lexical pass over DOT text, done before cgraph parses it. cgraph gives no
/// positions for nodes or edges and is quadratic on very long tokens, so this pass
/// (1) finds the line of every node and edge, (2) replaces every token or "..." + "..."
/// concatenation longer than kLongToken bytes by a short placeholder that keeps the same
/// number of newlines (so cgraph's line numbers stay right), and (3) measures what cgraph's
/// parser cannot take (long edge chains, deep nesting) so that its failures can be explained.
struct DotScan {
    static constexpr std::size_t kLongToken = 4096;
    /// The most distinct attribute names a file may use, and the most names times objects
    /// (nodes and edges). cgraph keeps a record of every declared name on every object and
    /// extends all existing records for each new name, so n names over m objects cost n * m
    /// in time and memory (3,000 names on 3,000 nodes took a minute). Real graphs use tens of
    /// names; Graphviz itself defines about 170. 5,000,000 is 100,000 entities with 50 names,
    /// about 2 s in the worst arrangement (every name first used after the last node).
    static constexpr std::size_t kMaxAttributeNames = 1000;
    static constexpr std::uint64_t kMaxAttributeCells = 5'000'000;

    std::string text;                      ///< the input with long tokens replaced
    std::vector<std::string> long_values;  ///< placeholder index -> value cgraph would have read
    std::unordered_map<std::string, std::uint32_t> ids;  ///< node id -> index
    std::vector<std::uint32_t> first_line;               ///< per node index: line of first use
    std::vector<std::uint32_t> decl_line;  ///< per node index: first `id [..]`, 0 if none
    std::vector<EdgeSite> edges;           ///< in file order
    std::uint32_t longest_chain = 0;       ///< most nodes in one `a -> b -> c` statement
    std::uint32_t longest_chain_line = 0;
    std::uint32_t max_depth = 0;  ///< deepest `{` nesting
    std::uint32_t max_depth_line = 0;
    std::uint32_t lines = 1;
    /// Lines holding a newline inside a quoted string, which cgraph does not count
    /// (backslash-newline it does count); sorted.
    std::vector<std::uint32_t> uncounted_newlines;
    /// A numeral that runs into a '.' or a letter (`1.2.3`, `1abc`): cgraph splits it into two
    /// ids with only a warning, which is never what the author meant.
    struct BadNumeral {
        std::string text;  ///< the numeral and the character that ends it badly
        std::uint32_t line;
    };
    std::vector<BadNumeral> bad_numerals;
    /// Lines of ids starting with '%', which cgraph takes for its own anonymous names. They
    /// are handed over as placeholders; where placeholders cannot be used (the input holds
    /// byte 0x1E), they are listed here to be refused.
    std::vector<std::uint32_t> percent_ids;
    /// Distinct attribute names (`name=value` in lists and statements), counted up to one past
    /// kMaxAttributeNames; the line where the count went past it, 0 if it never did.
    std::unordered_set<std::string> attribute_names;
    std::uint32_t too_many_attributes_line = 0;

    /// What cgraph's attribute records will hold at most: names times (nodes + edges + 1).
    std::uint64_t attribute_cells() const {
        return attribute_names.size() * (std::uint64_t{ids.size()} + edges.size() + 1);
    }

    /// Index of a node id, or -1 when the scan never saw it as a node.
    std::int64_t find(const std::string& id) const {
        auto it = ids.find(id);
        return it == ids.end() ? std::int64_t{-1} : std::int64_t{it->second};
    }

    /// The real line of what cgraph reports at `cgraph_line`.
    std::uint32_t real_line(std::uint32_t cgraph_line) const;
};

DotScan scan_dot(std::string_view text);

/// The value cgraph reads from the inside of a quoted string: \" is a quote, backslash-newline
/// vanishes, every other backslash stays (a pair of backslashes stays a pair).
std::string unescape_quoted(std::string_view inner);

/// Replaces the placeholders that scan_dot put into `s` by their values.
std::string expand_placeholders(std::string_view s, const DotScan& scan);
inline bool has_placeholder(std::string_view s) { return s.find('\x1E') != std::string_view::npos; }

}  // namespace ecograph::detail
