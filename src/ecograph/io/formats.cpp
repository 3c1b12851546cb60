#include "ecograph/io/formats.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <fmt/format.h>

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

namespace {

bool read_by_format(FileFormat f, std::string_view text, const std::string& origin,
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

// Replacing invalid UTF-8 by U+FFFD loses bytes: two ids ("a\xe9", "a\xe8") can become one
// entity. So in a file that needed it (the reader warned W002), an entity the file created
// whose id holds U+FFFD is an error rather than a merge nobody asked for.
bool refuse_replaced_ids(const std::string& origin, const GraphBuilder& builder,
                         std::size_t entities_before, std::size_t diags_before,
                         Diagnostics& diags) {
    const auto& items = diags.items();
    const bool replaced = std::any_of(
        items.begin() + static_cast<std::ptrdiff_t>(diags_before), items.end(),
        [&](const Diagnostic& d) { return d.code == "W002" && d.location.file == origin; });
    if (!replaced) return false;
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    bool refused = false;
    for (std::size_t v = entities_before; v < builder.entity_count(); ++v) {
        const auto e = static_cast<EntityIndex>(v);
        const std::string_view id = builder.entity_id(e);
        if (id.find(kReplacement) == std::string_view::npos) continue;
        diags.error("E008", {origin, builder.entity_origin(e).line}, std::string(id),
                    fmt::format("id '{}' holds invalid UTF-8 (replaced by U+FFFD): distinct ids "
                                "may have become one entity",
                                id),
                    "save the file as UTF-8");
        refused = true;
    }
    return refused;
}

}  // namespace

bool read_graph_text(FileFormat f, std::string_view text, const std::string& origin,
                     GraphBuilder& builder, Diagnostics& diags, const ReleaseBytes& release,
                     const CsvScan* scanned) {
    const std::size_t entities = builder.entity_count(), items = diags.items().size();
    const bool ok = read_by_format(f, text, origin, builder, diags, release, scanned);
    return !refuse_replaced_ids(origin, builder, entities, items, diags) && ok;
}

}  // namespace ecograph
