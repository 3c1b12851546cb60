#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecograph/core/diagnostic.hpp"
#include "ecograph/io/csv_reader.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

/// Graph file formats. DOT, CSV, GraphML and JSON node-link are read and written; Mermaid is
/// written only (it is a diagram, not data).
enum class FileFormat { Dot, Csv, GraphML, Json, Mermaid };

/// Name used on the command line and in messages: "dot", "csv", "graphml", "json", "mermaid".
std::string_view format_name(FileFormat f);
/// The format called `name` (as format_name gives it; "gv" is DOT, "md"/"mmd" Mermaid).
std::optional<FileFormat> parse_format(std::string_view name);
/// The format a file name says by its extension (.gv/.dot, .csv, .graphml/.xml, .json,
/// .mmd/.mermaid), or nullopt when the extension names none.
std::optional<FileFormat> format_from_extension(std::string_view path);
/// Whether the file name ends in ".md": Mermaid written there is fenced as a Markdown page.
bool markdown_path(std::string_view path);
/// Input format of a file: by extension, and DOT when the extension names no format.
FileFormat input_format(std::string_view path);
/// Whether ecograph can read the format (all but Mermaid).
bool readable(FileFormat f);

/// Reads one file's text in format `f` into `builder`. Returns false, with diagnostics naming
/// `origin` and a line, when the file cannot be used. `release` is told which bytes a reader
/// that streams (CSV) is done with, so that a mapped file's pages can be dropped. A CSV file's
/// first pass can be made beforehand (`scanned`, see scan_csv).
bool read_graph_text(FileFormat f, std::string_view text, const std::string& origin,
                     GraphBuilder& builder, Diagnostics& diags, const ReleaseBytes& release = {},
                     const CsvScan* scanned = nullptr);

}  // namespace ecograph
