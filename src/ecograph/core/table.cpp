#include "ecograph/core/table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"

namespace ecograph {

TableFormat parse_table_format(std::string_view name) {
    if (name == "table") return TableFormat::Table;
    if (name == "json") return TableFormat::Json;
    if (name == "csv") return TableFormat::Csv;
    if (name == "markdown" || name == "md") return TableFormat::Markdown;
    throw Error(fmt::format("unknown format '{}'; expected table, json, csv or markdown", name),
                ExitStatus::Usage);
}

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++w;
    return w;
}

namespace {

// Newlines and tabs would break the grid; show them as spaces in text and Markdown tables.
std::string one_line(std::string_view s) {
    std::string out(s);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return out;
}

bool right(const Table& t, std::size_t col) {
    return col < t.right_align.size() && t.right_align[col];
}

}  // namespace

std::string render_text(const Table& t) {
    std::vector<std::size_t> width(t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) width[c] = display_width(t.columns[c]);
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], display_width(one_line(row[c])));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < width.size(); ++c) {
            std::string cell = c < cells.size() ? one_line(cells[c]) : std::string{};
            std::string pad(width[c] - display_width(cell), ' ');
            bool last = c + 1 == width.size();
            out += right(t, c) ? pad + cell : (last ? cell : cell + pad);
            if (!last) out += "  ";
        }
        out += '\n';
        return out;
    };
    std::string out;
    if (!t.title.empty()) out += t.title + "\n";
    out += line(t.columns);
    std::vector<std::string> rule;
    for (auto w : width) rule.emplace_back(w, '-');
    out += line(rule);
    for (const auto& row : t.rows) out += line(row);
    return out;
}

namespace {

// A number as a spreadsheet reads one: -1.5, +2, 1e-3. Never a formula.
bool plain_number(std::string_view s) {
    std::size_t i = s.empty() || (s[0] != '-' && s[0] != '+') ? 0 : 1;
    bool digits = false, dot = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else if ((c == 'e' || c == 'E') && digits) {
            std::string_view exponent = s.substr(i + 1);
            if (!exponent.empty() && (exponent[0] == '-' || exponent[0] == '+'))
                exponent.remove_prefix(1);
            return !exponent.empty() &&
                   exponent.find_first_not_of("0123456789") == std::string_view::npos;
        } else {
            return false;
        }
    }
    return digits;
}

}  // namespace

bool spreadsheet_formula(std::string_view s) {
    if (s.empty()) return false;
    const char c = s[0];
    if (c == '=' || c == '@' || c == '\t' || c == '\r') return true;
    return (c == '+' || c == '-') && !plain_number(s);
}

std::string render_csv(const Table& t) {
    auto field = [](const std::string& cell) {
        // OWASP's advice against CSV injection: a cell a spreadsheet would evaluate gets a
        // leading apostrophe, which spreadsheets take as "text" and do not show.
        const std::string s = spreadsheet_formula(cell) ? "'" + cell : cell;
        if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
        std::string q = "\"";
        for (char c : s) {
            if (c == '"') q += '"';
            q += c;
        }
        return q + "\"";
    };
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c) out += ',';
            out += field(cells[c]);
        }
        return out + "\n";
    };
    std::string out = line(t.columns);
    for (const auto& row : t.rows) out += line(row);
    return out;
}

std::string format_number(double x, int precision) {
    std::string s = fmt::format("{:.{}f}", x, precision);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string markdown_escape(std::string_view s) {
    std::string out;
    for (char c : one_line(std::string(s))) {
        if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[' ||
            c == ']')
            out += '\\';
        out += c;
    }
    return out;
}

std::string render_markdown(const Table& t) {
    auto cell = [](const std::string& s) { return markdown_escape(s); };
    std::string out;
    if (!t.title.empty()) out += "### " + cell(t.title) + "\n\n";
    out += "|";
    for (const auto& c : t.columns) out += " " + cell(c) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) out += right(t, c) ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : t.rows) {
        out += "|";
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out += " " + (c < row.size() ? cell(row[c]) : std::string{}) + " |";
        out += "\n";
    }
    return out;
}

std::string render_tables(const std::vector<Table>& tables, TableFormat format) {
    std::string out;
    for (const Table& t : tables) {
        if (!out.empty()) out += "\n";
        out += render_table(t, format);
    }
    return out;
}

std::string render_table(const Table& t, TableFormat format) {
    switch (format) {
        case TableFormat::Table:
            return render_text(t);
        case TableFormat::Csv:
            return render_csv(t);
        case TableFormat::Markdown:
            return render_markdown(t);
        case TableFormat::Json:
            break;
    }
    throw Error("internal: render_table called with json");
}

}  // namespace ecograph
