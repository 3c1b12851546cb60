#include "ecograph/io/csv_reader.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "ecograph/core/utf8.hpp"

namespace ecograph {
namespace {

// Splits CSV text into rows of cells, tracking the line each row starts on.
class CsvParser {
public:
    explicit CsvParser(std::string_view text) : text_(text) {}

    /// Next row into `cells`; false at the end. Sets error_ on an unterminated quote.
    bool next(std::vector<std::string>& cells) {
        cells.clear();
        if (pos_ >= text_.size()) return false;
        row_line_ = line_;
        std::string cell;
        bool quoted = false, in_quotes = false;
        while (pos_ < text_.size()) {
            char c = text_[pos_++];
            if (in_quotes) {
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
                continue;
            }
            if (c == '"' && cell.empty() && !quoted) {
                in_quotes = quoted = true;
            } else if (c == ',') {
                cells.push_back(std::move(cell));
                cell.clear();
                quoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
                ++line_;
                cells.push_back(std::move(cell));
                return true;
            } else {
                cell += c;
            }
        }
        if (in_quotes) {
            error_ = true;
            return false;
        }
        cells.push_back(std::move(cell));
        return true;
    }
    std::uint32_t row_line() const { return row_line_; }
    bool error() const { return error_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, row_line_ = 1;
    bool error_ = false;
};

struct Column {
    enum Role { Attribute, Id, Type, Label, Start, End } role = Attribute;
    std::string name;  // attribute name
};

Column classify(const std::string& header) {
    std::string h = header;
    // Neo4j: "name:TYPE" or ":ID(Space)"; the part before ':' names the attribute.
    auto colon = h.find(':');
    std::string base = h.substr(0, colon),
                kind = colon == std::string::npos ? "" : h.substr(colon + 1);
    if (auto paren = kind.find('('); paren != std::string::npos) kind = kind.substr(0, paren);
    std::transform(kind.begin(), kind.end(), kind.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (kind == "ID") return {Column::Id, base};
    if (kind == "START_ID") return {Column::Start, base};
    if (kind == "END_ID") return {Column::End, base};
    if (kind == "LABEL" || kind == "TYPE") return {Column::Type, base};
    if (colon == std::string::npos) {
        if (base == "id") return {Column::Id, base};
        if (base == "type") return {Column::Type, base};
        if (base == "source" || base == "from") return {Column::Start, base};
        if (base == "target" || base == "to") return {Column::End, base};
    }
    // "label" is the display name; "name" too, unless a label column is present (see below).
    if (base == "label" || base == "name") return {Column::Label, base};
    return {Column::Attribute, base};
}

}  // namespace

bool read_csv(std::string_view raw, const std::string& origin, GraphBuilder& b,
              Diagnostics& diags) {
    if (auto nul = raw.find('\0'); nul != std::string_view::npos) {
        auto line =
            static_cast<std::uint32_t>(std::count(raw.begin(), raw.begin() + nul, '\n') + 1);
        diags.error("E002", {origin, line}, "",
                    fmt::format("not a CSV file: NUL byte at offset {}", nul));
        return false;
    }
    std::string sanitized;
    std::string_view text = raw;
    if (!is_valid_utf8(raw)) {
        sanitized = sanitize_utf8(raw);
        text = sanitized;
        diags.warning("W002", {origin, 0}, "", "invalid UTF-8 replaced with U+FFFD",
                      "save the file as UTF-8");
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // spreadsheet BOM

    CsvParser parser(text);
    std::vector<std::string> header, cells;
    if (!parser.next(header) || (header.size() == 1 && header[0].empty())) {
        diags.error("E003", {origin, 0}, "",
                    fmt::format("no header row in {} (empty file?)", origin),
                    "the first row names the columns: id,type,label,... or source,target,type,...");
        return false;
    }
    std::vector<Column> cols;
    std::optional<std::size_t> id, type, label, start, end;
    for (std::size_t i = 0; i < header.size(); ++i) cols.push_back(classify(header[i]));
    // With both a label and a name column, the label is the display name and name an attribute.
    const bool has_label = std::any_of(cols.begin(), cols.end(), [](const Column& c) {
        return c.role == Column::Label && c.name == "label";
    });
    for (auto& c : cols)
        if (c.role == Column::Label && c.name == "name" && has_label) c.role = Column::Attribute;
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
    std::uint32_t file = b.add_file(origin);
    if (relations)
        b.reserve_relations(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    std::size_t before = b.entity_count();
    bool ok = true;
    while (parser.next(cells)) {
        const std::uint32_t line = parser.row_line();
        if (cells.size() == 1 && cells[0].empty()) continue;  // blank line
        if (cells.size() != header.size()) {
            diags.error("E006", {origin, line}, "",
                        fmt::format("row has {} cells, the header {}", cells.size(), header.size()),
                        "quote cells that contain commas: \"a, b\"");
            ok = false;
            continue;
        }
        Origin here{file, line};
        if (relations) {
            const std::string &s = cells[*start], &t = cells[*end];
            if (s.empty() || t.empty()) {
                diags.error("E007", {origin, line}, "", "relation without a source or target id");
                ok = false;
                continue;
            }
            RelationIndex r = b.add_relation(b.entity(s, here), b.entity(t, here),
                                             type ? cells[*type] : "", here);
            for (std::size_t i = 0; i < cells.size(); ++i)
                if (cols[i].role == Column::Attribute && !cells[i].empty())
                    b.set_relation_attr(r, cols[i].name, std::move(cells[i]));
            continue;
        }
        const std::string& key = cells[*id];
        if (key.empty()) {
            diags.error("E007", {origin, line}, "", "entity without an id");
            ok = false;
            continue;
        }
        EntityIndex v = b.entity(key, here);
        if (v >= before) b.set_entity_origin(v, here);
        if (type && !cells[*type].empty()) {
            std::string t = cells[*type].substr(0, cells[*type].find(';'));  // first label
            std::string previous(b.entity_type(v));
            if (!b.set_entity_type(v, t))
                diags.error("E301", {origin, line}, key,
                            fmt::format("entity '{}' is declared as '{}' here but as '{}' before",
                                        key, t, previous),
                            "give each id one type");
        }
        if (label && !cells[*label].empty())
            b.set_entity_attr(v, "label", std::move(cells[*label]));
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (cols[i].role == Column::Attribute && !cells[i].empty())
                b.set_entity_attr(v, cols[i].name, std::move(cells[i]));
    }
    if (parser.error()) {
        diags.error("E001", {origin, parser.row_line()}, "", "unterminated quoted cell",
                    "close the quote; a quote inside a cell is written \"\"");
        return false;
    }
    return ok;
}

}  // namespace ecograph
