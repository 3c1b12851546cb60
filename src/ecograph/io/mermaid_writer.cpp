#include "ecograph/io/mermaid_writer.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ecograph/io/attr_types.hpp"

namespace ecograph {
namespace {

// Mermaid reads these as keywords, not node or class names.
bool reserved(std::string_view word) {
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const char* kw : {"end", "graph", "flowchart", "subgraph", "style", "class", "classdef",
                           "click", "linkstyle", "default", "call", "href", "direction"})
        if (lower == kw) return true;
    return false;
}

// Letters, digits and _ only, not a keyword, not starting with a digit.
std::string safe_name(std::string_view s, std::string_view prefix) {
    std::string out;
    for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])) || reserved(out))
        out = std::string(prefix) + out;
    return out;
}

// Text inside a quoted Mermaid label: quotes, markup and entity starts as entity codes, line
// breaks as <br/>.
std::string label_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '"':
                out += "#quot;";
                break;
            case '#':
                out += "#35;";
                break;
            case '&':
                out += "#amp;";
                break;
            case '<':
                out += "#lt;";
                break;
            case '>':
                out += "#gt;";
                break;
            case '`':
                out += "#96;";
                break;
            case '\n':
                out += "<br/>";
                break;
            case '\r':
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Mermaid's shape brackets for a Graphviz shape name.
std::pair<std::string_view, std::string_view> brackets(std::string_view shape) {
    if (shape == "cylinder") return {"[(", ")]"};
    if (shape == "hexagon") return {"{{", "}}"};
    if (shape == "ellipse" || shape == "oval" || shape.empty()) return {"([", "])"};
    if (shape == "box3d" || shape == "component") return {"[[", "]]"};
    if (shape == "diamond") return {"{", "}"};
    return {"[", "]"};
}

}  // namespace

void write_mermaid(const Graph& g, const Schema& schema, std::ostream& out, bool fenced,
                   std::string_view title) {
    if (fenced) out << "```mermaid\n";
    if (title.empty()) title = !g.title().empty() ? g.title() : g.graph_name();
    if (!title.empty()) out << "---\ntitle: \"" << label_text(title) << "\"\n---\n";
    out << "flowchart LR\n";

    // Node names: the id made safe, unique by a numeric suffix.
    std::vector<std::string> names(g.entity_count());
    std::set<std::string> taken;
    std::set<std::string> types;
    for (EntityIndex v : entities_by_id(g)) {
        std::string base = safe_name(g.id(v), "n_"), name = base;
        for (int k = 2; !taken.insert(name).second; ++k) name = fmt::format("{}_{}", base, k);
        names[v] = name;
        if (!g.entity_type_name(v).empty()) types.insert(std::string(g.entity_type_name(v)));
    }
    std::map<std::string, std::string> class_of;
    for (const auto& t : types) {
        Theme theme = schema.entity_theme(t);
        std::string cls = safe_name(t, "type_");
        class_of[t] = cls;
        out << fmt::format("    classDef {} fill:{},stroke:#495057,color:#212529\n", cls,
                           theme.color.empty() ? "#e9ecef" : theme.color);
    }
    for (EntityIndex v : entities_by_id(g)) {
        std::string_view type = g.entity_type_name(v);
        auto [open, close] = brackets(type.empty() ? "" : schema.entity_theme(type).shape);
        std::string text = label_text(g.name(v));
        if (!type.empty()) text += "<br/><i>" + label_text(type) + "</i>";
        out << "    " << names[v] << open << '"' << text << '"' << close;
        if (!type.empty()) out << ":::" << class_of[std::string(type)];
        out << '\n';
    }

    // Edges, then one linkStyle per colour listing the edge numbers that use it.
    std::map<std::string, std::vector<std::size_t>> by_color;
    std::size_t index = 0;
    for (RelationIndex r : relations_by_ends(g)) {
        std::string_view type = g.relation_type_name(r);
        Theme theme = type.empty() ? Theme{} : schema.relation_theme(type);
        const bool dotted = theme.style == "dashed" || theme.style == "dotted";
        const bool bold = theme.style == "bold";
        std::string_view arrow = g.directed() ? (dotted ? "-.->"
                                                 : bold ? "==>"
                                                        : "-->")
                                              : (dotted ? "-.-"
                                                 : bold ? "==="
                                                        : "---");
        out << "    " << names[g.source(r)] << ' ' << arrow;
        if (!type.empty()) out << "|\"" << label_text(type) << "\"|";
        out << ' ' << names[g.target(r)] << '\n';
        by_color[theme.color.empty() ? "#868e96" : theme.color].push_back(index++);
    }
    for (const auto& [color, edges] : by_color) {
        std::string list;
        for (std::size_t e : edges) list += (list.empty() ? "" : ",") + std::to_string(e);
        out << fmt::format("    linkStyle {} stroke:{},color:{}\n", list, color, color);
    }
    if (fenced) out << "```\n";
}

}  // namespace ecograph
