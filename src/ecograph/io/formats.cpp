#include "ecograph/io/formats.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "ecograph/io/csv_reader.hpp"
#include "ecograph/io/dot_reader.hpp"
#include "ecograph/io/graphml_reader.hpp"
#include "ecograph/io/json_reader.hpp"

namespace ecograph {
namespace {

constexpr std::array<std::pair<std::string_view, FileFormat>, 9> kNames{{
    {"dot", FileFormat::Dot},
    {"gv", FileFormat::Dot},
    {"csv", FileFormat::Csv},
    {"graphml", FileFormat::GraphML},
    {"xml", FileFormat::GraphML},
    {"json", FileFormat::Json},
    {"mermaid", FileFormat::Mermaid},
    {"mmd", FileFormat::Mermaid},
    {"md", FileFormat::Mermaid},
}};

}  // namespace

std::string_view format_name(FileFormat f) {
    for (const auto& [name, format] : kNames)
        if (format == f) return name;  // the first name of each format is its own
    return "dot";
}

std::optional<FileFormat> parse_format(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const auto& [n, format] : kNames)
        if (n == lower) return format;
    return std::nullopt;
}

std::optional<FileFormat> format_from_extension(std::string_view path) {
    auto slash = path.find_last_of('/');
    auto dot = path.find_last_of('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return std::nullopt;
    return parse_format(path.substr(dot + 1));
}

bool markdown_path(std::string_view path) { return path.ends_with(".md"); }

FileFormat input_format(std::string_view path) {
    auto f = format_from_extension(path);
    return f && readable(*f) ? *f : FileFormat::Dot;
}

bool readable(FileFormat f) { return f != FileFormat::Mermaid; }

bool read_graph_text(FileFormat f, std::string_view text, const std::string& origin,
                     GraphBuilder& builder, Diagnostics& diags, const ReleaseBytes& release,
                     const CsvScan* scanned) {
    switch (f) {
        case FileFormat::Csv:
            return read_csv(text, origin, builder, diags, release, scanned);
        case FileFormat::GraphML:
            return read_graphml(text, origin, builder, diags);
        case FileFormat::Json:
            return read_json(text, origin, builder, diags);
        case FileFormat::Dot:
        case FileFormat::Mermaid:
            break;
    }
    return read_dot(text, origin, builder, diags);
}

}  // namespace ecograph
