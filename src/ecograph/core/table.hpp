#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ecograph {

/// Output formats of tabular commands.
enum class TableFormat { Table, Json, Csv, Markdown };

/// Parses "table", "json", "csv" or "markdown"; throws Error (usage) otherwise.
TableFormat parse_table_format(std::string_view name);

/// A titled grid of cells, rendered as an aligned text table, CSV (RFC 4180) or Markdown.
/// JSON output is structured per command and does not go through this type.
struct Table {
    std::string title;  ///< printed above the table (text, Markdown); not in CSV
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> right_align;  ///< per column; numeric columns read better right-aligned

    void add_row(std::vector<std::string> row) { rows.push_back(std::move(row)); }
};

std::string render_text(const Table& t);
/// RFC 4180 CSV for spreadsheets: a cell that starts like a formula (=, @, tab, carriage
/// return, or + or - not starting a plain number) is written with a leading apostrophe.
std::string render_csv(const Table& t);
/// True when a spreadsheet would evaluate `cell` as a formula (see render_csv).
bool spreadsheet_formula(std::string_view cell);
std::string render_markdown(const Table& t);
/// Renders in `format`, which must not be Json.
std::string render_table(const Table& t, TableFormat format);
/// Several tables one after the other, separated by a blank line.
std::string render_tables(const std::vector<Table>& tables, TableFormat format);

/// A fixed-precision number without trailing zeros ("0.25", "3"), identical on every run.
std::string format_number(double x, int precision = 6);

/// `s` as Markdown inline text: characters Markdown would read as markup are escaped, line
/// breaks become spaces.
std::string markdown_escape(std::string_view s);

/// Display width of a UTF-8 string in terminal columns (one per code point).
std::size_t display_width(std::string_view s);

}  // namespace ecograph
