#include "ecograph/io/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <exception>
#include <limits>
#include <malloc.h>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"
#include "ecograph/core/spellcheck.hpp"
#include "ecograph/core/utf8.hpp"

namespace ecograph {
namespace {

// Splits CSV text into rows of cells, tracking the line each row starts on. Unquoted cells are
// views of the text (no copy); a quoted cell is unescaped into storage owned by the row.
class CsvParser {
public:
    struct Row {
        std::vector<std::string_view> cells;
        std::uint32_t line = 1;                 ///< where the row starts
        std::vector<std::string> unquoted;      ///< text of the quoted cells, in order
        std::vector<std::size_t> quoted_cells;  ///< which cells those are
    };

    explicit CsvParser(std::string_view text) : text_(text) {}

    /// Next row into `row`; false at the end. Sets error_ on an unterminated quote.
    bool next(Row& row) {
        row.cells.clear();
        row.quoted_cells.clear();
        if (pos_ >= text_.size()) return false;
        row.line = row_line_ = line_;
        const char* p = text_.data();
        const std::size_t n = text_.size();
        for (;;) {
            if (pos_ < n && p[pos_] == '"') {
                if (!quoted_cell(row)) return false;
            } else {  // the fast path: up to the next delimiter, as it stands
                const std::size_t start = pos_;
                while (pos_ < n && !is_delimiter(p[pos_])) ++pos_;
                row.cells.emplace_back(p + start, pos_ - start);
            }
            if (pos_ >= n) break;  // the last line has no line break
            const char c = p[pos_++];
            if (c == ',') continue;
            if (c == '\r' && pos_ < n && p[pos_] == '\n') ++pos_;
            ++line_;
            break;
        }
        for (std::size_t k = 0; k < row.quoted_cells.size(); ++k)
            row.cells[row.quoted_cells[k]] = row.unquoted[k];
        return true;
    }
    std::uint32_t row_line() const { return row_line_; }
    /// The line the next row starts on.
    std::uint32_t line() const { return line_; }
    bool error() const { return error_; }
    /// Bytes of the text consumed so far.
    std::size_t position() const { return pos_; }

private:
    static bool is_delimiter(char c) { return c == ',' || c == '\n' || c == '\r'; }

    // A cell starting with a quote, from the quote up to (not including) the delimiter after
    // it. After the closing quote, quotes are ordinary characters ("a"b is a"b without quotes).
    bool quoted_cell(Row& row) {
        const std::size_t k = row.quoted_cells.size();
        if (row.unquoted.size() <= k) row.unquoted.resize(k + 1);
        std::string& cell = row.unquoted[k];
        cell.clear();
        ++pos_;
        bool in_quotes = true;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (!in_quotes) {
                if (is_delimiter(c)) break;
                cell += c;
                ++pos_;
                continue;
            }
            ++pos_;
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    cell += '"';
                    ++pos_;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line_;
                cell += c;
            }
        }
        if (in_quotes) {
            error_ = true;
            return false;
        }
        row.quoted_cells.push_back(row.cells.size());
        row.cells.emplace_back();  // set when the row is complete (`unquoted` may still grow)
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, row_line_ = 1;
    bool error_ = false;
};

// The high bit of each of the 8 bytes of `w` that equals the byte repeated in `c`.
inline std::uint64_t match_bytes(std::uint64_t w, std::uint64_t c) {
    constexpr std::uint64_t k7f = 0x7F7F7F7F7F7F7F7FULL;
    const std::uint64_t x = w ^ c;                  // zero bytes where w has c
    const std::uint64_t t = ((x & k7f) + k7f) | x;  // high bit clear exactly at zero bytes
    return ~t & ~k7f;
}
inline std::size_t count_bytes(std::uint64_t w, std::uint64_t c) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    return static_cast<std::size_t>(((match_bytes(w, c) >> 7) * kOnes) >> 56);  // sum of bits
}

// One pass over the bytes, a chunk at a time, handing each chunk to `release` when done with it.
// `base` is the offset of `raw` in the file, for the offsets reported and released.
CsvScan scan_part(std::string_view raw, std::size_t base, const ReleaseBytes& release) {
    constexpr std::size_t kChunk = std::size_t{4} << 20;
    constexpr std::uint64_t kNewlines = 0x0A0A0A0A0A0A0A0AULL, kQuotes = 0x2222222222222222ULL,
                            kHigh = 0x8080808080808080ULL;
    CsvScan s;
    for (std::size_t begin = 0; begin < raw.size(); begin += kChunk) {
        const std::string_view chunk = raw.substr(begin, kChunk);
        if (auto nul = chunk.find('\0'); nul != std::string_view::npos) {
            s.nul = base + begin + nul;
            s.newlines +=
                static_cast<std::size_t>(std::count(chunk.begin(), chunk.begin() + nul, '\n'));
            return s;
        }
        std::size_t i = 0;
        std::uint64_t high = 0, quotes = 0;
        for (; i + 8 <= chunk.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, chunk.data() + i, 8);
            s.newlines += count_bytes(w, kNewlines);
            quotes |= match_bytes(w, kQuotes);
            high |= w & kHigh;
        }
        for (; i < chunk.size(); ++i) {
            s.newlines += chunk[i] == '\n';
            quotes |= chunk[i] == '"';
            high |= static_cast<unsigned char>(chunk[i]) & 0x80;
        }
        s.quotes = s.quotes || quotes != 0;
        if (high && s.non_ascii == std::string_view::npos)
            for (std::size_t j = 0; j < chunk.size(); ++j)
                if (static_cast<unsigned char>(chunk[j]) >= 0x80) {
                    s.non_ascii = base + begin + j;
                    break;
                }
        if (release) release(base + begin, base + begin + chunk.size());
    }
    return s;
}

// The same over a whole file; a big one in two halves at once.
CsvScan scan(std::string_view raw, const ReleaseBytes& release) {
    constexpr std::size_t kParallel = std::size_t{16} << 20;
    if (raw.size() < kParallel || available_threads() < 2) return scan_part(raw, 0, release);
    const std::size_t mid = raw.size() / 2;
    CsvScan first, second;
    {
        std::jthread worker([&] { second = scan_part(raw.substr(mid), mid, release); });
        first = scan_part(raw.substr(0, mid), 0, release);
    }
    if (first.nul != std::string_view::npos) return first;  // what lies after is not read
    first.nul = second.nul;
    first.newlines += second.newlines;
    first.quotes = first.quotes || second.quotes;
    if (first.non_ascii == std::string_view::npos) first.non_ascii = second.non_ascii;
    return first;
}

// A parsed row waiting for its ids to be looked up: they are hashed when the row is parsed and
// looked up kDepth rows later, their table slots prefetched meanwhile, so that the cache misses
// of many rows overlap instead of coming one after another.
struct Pending {
    CsvParser::Row row;
    std::size_t hash[2] = {0, 0};  ///< of the id (entities), or of the target and the source
};
constexpr std::size_t kDepth = 32;

// Every row of `parser`, in order, to `process(Pending&)`; `keys` are the cells holding ids
// (looked up when a row has `cells` cells). `progress(bytes)` hears how far the parser is.
template <typename Process, typename Progress>
void for_each_row(CsvParser& parser, const GraphBuilder& b, std::size_t cells,
                  std::array<std::size_t, 2> keys, Process&& process, Progress&& progress) {
    std::array<Pending, kDepth> ring;
    std::size_t parsed = 0, done = 0;
    for (bool more = true; more || done < parsed;) {
        if (more) {
            Pending& p = ring[parsed % kDepth];
            more = parser.next(p.row);
            if (more) {
                if (p.row.cells.size() == cells) {
                    p.hash[0] = b.hash_id(p.row.cells[keys[0]]);
                    p.hash[1] = keys[1] == keys[0] ? p.hash[0] : b.hash_id(p.row.cells[keys[1]]);
                    b.prefetch_slot(p.hash[0]);
                    b.prefetch_slot(p.hash[1]);
                }
                ++parsed;
                progress(parser.position());
            }
            if (more && parsed - done < kDepth) continue;
        }
        if (done == parsed) break;
        process(ring[done % kDepth]);
        ++done;
    }
}

// Hands the bytes a parser has passed to `release` every few MiB (with a margin: rows in the
// ring still point into them, though reading them again is only slower, never wrong).
class Releaser {
public:
    Releaser(const ReleaseBytes& release, std::size_t base) : release_(release), base_(base) {}
    void operator()(std::size_t position) {
        constexpr std::size_t kStep = std::size_t{8} << 20, kMargin = std::size_t{1} << 20;
        if (!release_ || position < released_ + kStep + kMargin) return;
        release_(base_ + released_, base_ + position - kMargin);
        released_ = position - kMargin;
    }
    void finish(std::size_t end) {
        if (release_) release_(base_ + released_, base_ + end);
    }

private:
    const ReleaseBytes& release_;
    std::size_t base_, released_ = 0;
};

// The second half of a big relations file, read on a thread of its own while the first half is
// read into the builder: ids are looked up but no entity is created (the builder is only read),
// and relations go to blocks of their own, with type names numbered locally. Anything that
// needs the builder changed (an id not yet known) or reported (a bad row) is kept, in row
// order, for after. Lines count from 1 at the start of the half.
struct HalfRead {
    struct Block {
        std::vector<EntityIndex> from, to;
        std::vector<std::uint16_t> type;
        std::vector<std::uint32_t> line;
    };
    struct Later {
        enum Kind { BadCells, MissingId, NewId } kind;
        std::uint32_t line;
        std::size_t cells;     ///< BadCells: how many
        std::size_t relation;  ///< NewId: index among this half's relations
        std::string_view source, target;
    };
    static constexpr std::size_t kBlock = std::size_t{1} << 16;
    std::vector<Block> blocks;
    std::vector<std::string> types;
    std::vector<Later> later;
    std::exception_ptr error;

    void read(std::string_view text, const GraphBuilder& b, std::size_t cells, std::size_t start,
              std::size_t end, std::optional<std::size_t> type, Releaser release) try {
        CsvParser parser(text);
        std::unordered_map<std::string_view, std::uint16_t> index;
        std::string_view last_type;
        std::uint16_t last_tag = 0;
        std::size_t relations = 0;
        auto process = [&](Pending& p) {
            const auto& row = p.row.cells;
            const std::uint32_t line = p.row.line;
            if (row.size() == 1 && row[0].empty()) return;  // blank line
            if (row.size() != cells) {
                later.push_back({Later::BadCells, line, row.size(), 0, {}, {}});
                return;
            }
            const std::string_view s = row[start], t = row[end];
            if (s.empty() || t.empty()) {
                later.push_back({Later::MissingId, line, 0, 0, {}, {}});
                return;
            }
            const auto to = b.find_entity(t, p.hash[0]), from = b.find_entity(s, p.hash[1]);
            if (!to || !from) later.push_back({Later::NewId, line, 0, relations, s, t});
            const std::string_view name = type ? row[*type] : std::string_view();
            if (name != last_type || relations == 0) {
                auto [it, added] =
                    index.try_emplace(name, static_cast<std::uint16_t>(types.size()));
                if (added) {
                    if (types.size() > std::numeric_limits<std::uint16_t>::max())
                        throw Error("too many distinct type names (more than 65535)");
                    types.emplace_back(name);
                }
                last_type = name;
                last_tag = it->second;
            }
            if (blocks.empty() || blocks.back().from.size() == kBlock) {
                Block& block = blocks.emplace_back();
                block.from.reserve(kBlock);
                block.to.reserve(kBlock);
                block.type.reserve(kBlock);
                block.line.reserve(kBlock);
            }
            Block& block = blocks.back();
            block.from.push_back(from.value_or(0));
            block.to.push_back(to.value_or(0));
            block.type.push_back(last_tag);
            block.line.push_back(line);
            ++relations;
        };
        for_each_row(parser, b, cells, {end, start}, process, release);
        release.finish(text.size());
    } catch (...) {
        error = std::current_exception();
    }
};

struct Column {
    enum Role { Attribute, Id, Type, Label, Start, End, Ignore } role = Attribute;
    std::string name;  // attribute name
    std::string kind;  // a Neo4j field after ':' that ecograph does not know, upper-cased
};

// What may follow ':' in a Neo4j header: the special fields, and the value types (with "[]"
// for arrays). The value type is read as text: the schema gives attributes their types.
const std::vector<std::string>& neo4j_fields() {
    static const std::vector<std::string> fields = {
        "ID",    "START_ID", "END_ID",    "LABEL",    "TYPE",          "IGNORE",  "INT",    "LONG",
        "FLOAT", "DOUBLE",   "BOOLEAN",   "BYTE",     "SHORT",         "CHAR",    "STRING", "POINT",
        "DATE",  "TIME",     "LOCALTIME", "DATETIME", "LOCALDATETIME", "DURATION"};
    return fields;
}

Column classify(const std::string& header) {
    std::string h = header;
    // Neo4j: "name:TYPE" or ":ID(Space)"; the part before ':' names the attribute.
    auto colon = h.find(':');
    std::string base = h.substr(0, colon),
                kind = colon == std::string::npos ? "" : h.substr(colon + 1);
    if (auto paren = kind.find('('); paren != std::string::npos) kind = kind.substr(0, paren);
    std::transform(kind.begin(), kind.end(), kind.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (kind == "ID") return {Column::Id, base, {}};
    if (kind == "START_ID") return {Column::Start, base, {}};
    if (kind == "END_ID") return {Column::End, base, {}};
    if (kind == "LABEL" || kind == "TYPE") return {Column::Type, base, {}};
    if (kind == "IGNORE") return {Column::Ignore, base, {}};
    if (colon != std::string::npos) {
        std::string value_type = kind;
        if (value_type.ends_with("[]")) value_type.resize(value_type.size() - 2);
        const auto& known = neo4j_fields();
        if (std::find(known.begin(), known.end(), value_type) == known.end())
            return {Column::Attribute, base, kind};
    }
    if (colon == std::string::npos) {
        if (base == "id") return {Column::Id, base, {}};
        if (base == "type") return {Column::Type, base, {}};
        if (base == "source" || base == "from") return {Column::Start, base, {}};
        if (base == "target" || base == "to") return {Column::End, base, {}};
    }
    // "label" is the display name; "name" too, unless a label column is present (see below).
    if (base == "label" || base == "name") return {Column::Label, base, {}};
    return {Column::Attribute, base, {}};
}

}  // namespace

CsvScan scan_csv(std::string_view raw, const ReleaseBytes& release) {
    return scan_part(raw, 0, release);
}

bool read_csv(std::string_view raw, const std::string& origin, GraphBuilder& b, Diagnostics& diags,
              const ReleaseBytes& release, const CsvScan* prescanned) {
    const CsvScan scanned = prescanned ? *prescanned : scan(raw, release);
    if (scanned.nul != std::string_view::npos) {
        diags.error("E002", {origin, static_cast<std::uint32_t>(scanned.newlines + 1)}, "",
                    fmt::format("not a CSV file: NUL byte at offset {}", scanned.nul));
        return false;
    }
    std::string sanitized;
    std::string_view text = raw;
    ReleaseBytes release_text = release;  // offsets into `text`
    if (scanned.non_ascii != std::string_view::npos &&
        !is_valid_utf8(raw.substr(scanned.non_ascii))) {  // the ASCII before is valid
        sanitized = sanitize_utf8(raw);
        if (release) release(0, raw.size());
        release_text = nullptr;
        text = sanitized;
        diags.warning("W002", {origin, 0}, "", "invalid UTF-8 replaced with U+FFFD",
                      "save the file as UTF-8");
    }
    std::size_t skipped = 0;                    // bytes of `text` before what the parser sees
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {  // spreadsheet BOM
        text.remove_prefix(3);
        skipped = 3;
    }

    CsvParser parser(text);
    CsvParser::Row header_row;
    if (!parser.next(header_row) || (header_row.cells.size() == 1 && header_row.cells[0].empty())) {
        diags.error("E003", {origin, 0}, "",
                    fmt::format("no header row in {} (empty file?)", origin),
                    "the first row names the columns: id,type,label,... or source,target,type,...");
        return false;
    }
    const std::vector<std::string> header(header_row.cells.begin(), header_row.cells.end());
    std::vector<Column> cols;
    std::optional<std::size_t> id, type, label, start, end;
    for (std::size_t i = 0; i < header.size(); ++i) cols.push_back(classify(header[i]));
    // With both a label and a name column, the label is the display name and name an attribute.
    const bool has_label = std::any_of(cols.begin(), cols.end(), [](const Column& c) {
        return c.role == Column::Label && c.name == "label";
    });
    for (auto& c : cols)
        if (c.role == Column::Label && c.name == "name" && has_label) c.role = Column::Attribute;
    // A header ecograph would misread is refused whole: an unknown Neo4j field (":LABLE" read
    // as an attribute would leave the graph untyped) or a field given twice (which column wins?).
    bool header_ok = true;
    std::unordered_map<std::string, std::size_t> fields;  // field -> its first column
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (!cols[i].kind.empty()) {
            auto close = closest_match(cols[i].kind, neo4j_fields());
            diags.error("E005", {origin, 1}, "",
                        fmt::format("column {} '{}': unknown field type ':{}'", i + 1, header[i],
                                    cols[i].kind),
                        close ? fmt::format("did you mean ':{}'?", *close)
                              : "Neo4j's fields are :ID, :LABEL, :START_ID, :END_ID, :TYPE, "
                                ":IGNORE and value types such as name:string");
            header_ok = false;
            continue;
        }
        if (cols[i].role == Column::Ignore) continue;
        // One key per field: the role, and for attributes and labels the name too.
        std::string field(1, static_cast<char>('0' + cols[i].role));
        if (cols[i].role == Column::Attribute || cols[i].role == Column::Label)
            field += cols[i].name;
        auto [first, inserted] = fields.emplace(std::move(field), i);
        if (!inserted) {
            const std::size_t j = first->second;
            diags.error("E005", {origin, 1}, "",
                        fmt::format("column {} '{}' gives the same field as column {} '{}'", i + 1,
                                    header[i], j + 1, header[j]),
                        "keep one of them; a header names each field once");
            header_ok = false;
        }
    }
    if (!header_ok) return false;
    for (std::size_t i = 0; i < header.size(); ++i) {
        switch (cols[i].role) {
            case Column::Id:
                id = i;
                break;
            case Column::Type:
                type = i;
                break;
            case Column::Label:
                label = i;
                break;
            case Column::Start:
                start = i;
                break;
            case Column::End:
                end = i;
                break;
            case Column::Attribute:
            case Column::Ignore:
                break;
        }
    }
    const bool relations = start || end;
    if (relations && !(start && end)) {
        diags.error("E005", {origin, 1}, "",
                    "a relations file needs both a source and a target column",
                    "name them :START_ID and :END_ID (or source and target)");
        return false;
    }
    if (!relations && !id) {
        diags.error(
            "E005", {origin, 1}, "",
            "the header has no id column (entities) and no source/target columns (relations)",
            "entities: id,type,label,...; relations: source,target,type,... (Neo4j's :ID, "
            ":LABEL, :START_ID, :END_ID, :TYPE also work)");
        return false;
    }
    const bool any_attribute = std::any_of(
        cols.begin(), cols.end(), [](const Column& c) { return c.role == Column::Attribute; });
    std::uint32_t file = b.add_file(origin);
    if (relations)
        b.reserve_relations(scanned.newlines);
    else
        b.reserve_entities(scanned.newlines);
    const std::size_t before = b.entity_count();
    bool ok = true;

    auto bad_cells = [&](std::uint32_t line, std::size_t cells) {
        diags.error("E006", {origin, line}, "",
                    fmt::format("row has {} cells, the header {}", cells, header.size()),
                    "quote cells that contain commas: \"a, b\"");
        ok = false;
    };
    auto missing_id = [&](std::uint32_t line) {
        diags.error("E007", {origin, line}, "", "relation without a source or target id");
        ok = false;
    };
    // A column's values are reserved for every row at its first value, so that a big file's
    // labels are not moved as their vector doubles (a column nobody fills is never created).
    std::vector<char> reserved(header.size(), 0);
    auto set_entity_attr = [&](std::size_t column, EntityIndex v, std::string_view key,
                               std::string_view value) {
        if (!reserved[column]) {
            b.reserve_entity_attr(key, scanned.newlines);
            reserved[column] = 1;
        }
        b.set_entity_attr(v, key, std::string(value));
    };
    bool in_parallel = false;
    std::vector<HalfRead::Later> new_ids;  // of the first half, when read in parallel
    auto process = [&](Pending& p) {
        auto& cells = p.row.cells;
        const std::uint32_t line = p.row.line;
        if (cells.size() == 1 && cells[0].empty()) return;  // blank line
        if (cells.size() != header.size()) {
            bad_cells(line, cells.size());
            return;
        }
        Origin here{file, line};
        if (relations) {
            const std::string_view s = cells[*start], t = cells[*end];
            if (s.empty() || t.empty()) {
                missing_id(line);
                return;
            }
            const std::string_view name = type ? cells[*type] : std::string_view();
            if (in_parallel) {  // the builder's entities are being read: create none yet
                const auto to = b.find_entity(t, p.hash[0]), from = b.find_entity(s, p.hash[1]);
                RelationIndex r = b.add_relation(from.value_or(0), to.value_or(0), name, here);
                if (!to || !from) new_ids.push_back({HalfRead::Later::NewId, line, 0, r, s, t});
                return;
            }
            // The target first: new ids are numbered in this order, as they always have been.
            const EntityIndex to = b.entity(t, p.hash[0], here);
            const EntityIndex from = b.entity(s, p.hash[1], here);
            RelationIndex r = b.add_relation(from, to, name, here);
            if (any_attribute)
                for (std::size_t i = 0; i < cells.size(); ++i)
                    if (cols[i].role == Column::Attribute && !cells[i].empty())
                        b.set_relation_attr(r, cols[i].name, std::string(cells[i]));
            return;
        }
        const std::string_view key = cells[*id];
        if (key.empty()) {
            diags.error("E007", {origin, line}, "", "entity without an id");
            ok = false;
            return;
        }
        EntityIndex v = b.entity(key, p.hash[0], here);
        if (v >= before) b.set_entity_origin(v, here);
        if (type && !cells[*type].empty()) {
            std::string_view t = cells[*type].substr(0, cells[*type].find(';'));  // first label
            if (!b.set_entity_type(v, t))  // keeps the type it had
                diags.error("E301", {origin, line}, std::string(key),
                            fmt::format("entity '{}' is declared as '{}' here but as '{}' before",
                                        key, t, b.entity_type(v)),
                            "give each id one type");
        }
        if (label && !cells[*label].empty()) set_entity_attr(*label, v, "label", cells[*label]);
        if (any_attribute)
            for (std::size_t i = 0; i < cells.size(); ++i)
                if (cols[i].role == Column::Attribute && !cells[i].empty())
                    set_entity_attr(i, v, cols[i].name, cells[i]);
    };

    const std::array<std::size_t, 2> keys =
        relations ? std::array<std::size_t, 2>{*end, *start} : std::array<std::size_t, 2>{*id, *id};
    // A big quote-free relations file without attributes is read in two halves at once (rows
    // cannot span the split, and a relation is ids and a type only); the result is the same
    // graph, entity numbering and diagnostics as reading it in one go.
    constexpr std::size_t kParallelBytes = std::size_t{16} << 20;
    std::size_t split = std::string_view::npos;
    if (relations && !any_attribute && !scanned.quotes && text.size() >= kParallelBytes &&
        available_threads() >= 2) {
        split = text.find('\n', text.size() / 2);
        if (split != std::string_view::npos) ++split;
        if (split == text.size()) split = std::string_view::npos;
    }
    if (split == std::string_view::npos) {
        Releaser progress(release_text, skipped);
        for_each_row(parser, b, header.size(), keys, process, progress);
        progress.finish(text.size());
    } else {
        HalfRead second;
        {
            std::jthread worker([&] {
                second.read(text.substr(split), b, header.size(), *start, *end, type,
                            Releaser(release_text, skipped + split));
            });
            CsvParser first(text.substr(0, split));
            first.next(header_row);  // the header again
            in_parallel = true;
            Releaser progress(release_text, skipped);
            for_each_row(first, b, header.size(), keys, process, progress);
            progress.finish(split);
            parser = first;
        }  // joined
        in_parallel = false;
        if (second.error) std::rethrow_exception(second.error);
        for (const auto& n : new_ids) {  // the first half's new ids, in row order
            Origin here{file, n.line};
            const EntityIndex to = b.entity(n.target, here), from = b.entity(n.source, here);
            b.set_relation_ends(static_cast<RelationIndex>(n.relation), from, to);
        }
        // The second half: lines continue the first half's, types join the vocabulary in order.
        const std::uint32_t offset = parser.line() - 1;
        std::vector<TypeTag> tag;
        for (const auto& name : second.types) tag.push_back(b.relation_type_tag(name));
        const std::size_t base = b.relation_count();
        std::vector<TypeTag> types;
        for (std::size_t k = 0; k < second.blocks.size(); ++k) {
            auto& block = second.blocks[k];
            types.resize(block.type.size());
            for (std::size_t i = 0; i < types.size(); ++i) types[i] = tag[block.type[i]];
            for (auto& l : block.line) l += offset;
            b.add_relations(block.from, block.to, types, block.line, file);
            block = {};
#ifdef __GLIBC__
            // The blocks' memory, freed inside the heap, back to the system as it is copied.
            if (k % 16 == 15) ::malloc_trim(0);
#endif
        }
        second.blocks = {};
        for (const auto& later : second.later) {
            const std::uint32_t line = later.line + offset;
            switch (later.kind) {
                case HalfRead::Later::BadCells:
                    bad_cells(line, later.cells);
                    break;
                case HalfRead::Later::MissingId:
                    missing_id(line);
                    break;
                case HalfRead::Later::NewId: {
                    Origin here{file, line};
                    const EntityIndex to = b.entity(later.target, here),
                                      from = b.entity(later.source, here);
                    b.set_relation_ends(static_cast<RelationIndex>(base + later.relation), from,
                                        to);
                    break;
                }
            }
        }
    }
    if (parser.error()) {
        diags.error("E001", {origin, parser.row_line()}, "", "unterminated quoted cell",
                    "close the quote; a quote inside a cell is written \"\"");
        return false;
    }
    return ok;
}

}  // namespace ecograph
