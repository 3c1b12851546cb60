#include "ecograph/io/dot_writer.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace ecograph {
namespace {

constexpr std::size_t kChunk = 4000;

void escape_into(std::string& out, std::string_view s) {
    for (char c : s) {
        if (c == '"') out += '\\';
        out += c;
    }
}

// Attributes in writing order: type, label, then the rest by name.
template <typename Attrs>
void write_attrs(std::ostream& out, std::string_view type, const Attrs& attrs) {
    std::string text;
    auto add = [&](std::string_view k, std::string_view v) {
        text += text.empty() ? " [" : ", ";
        text += k;
        text += '=';
        text += dot_quote(v);
    };
    if (!type.empty()) add("type", type);
    for (const auto& [k, v] : attrs)
        if (k == "label") add(k, v);
    for (const auto& [k, v] : attrs)
        if (k != "label") add(k, v);
    if (!text.empty()) text += ']';
    out << text;
}

}  // namespace

std::string dot_quote(std::string_view value) {
    std::string out = "\"";
    while (value.size() > kChunk) {
        std::size_t cut = kChunk;
        // Never split a UTF-8 sequence or an escape pair.
        while (cut > 1 &&
               ((static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80 || value[cut - 1] == '\\'))
            --cut;
        escape_into(out, value.substr(0, cut));
        out += "\" + \"";
        value.remove_prefix(cut);
    }
    escape_into(out, value);
    out += '"';
    return out;
}

void write_dot(const Graph& g, std::ostream& out) {
    const bool directed = g.directed();
    out << (directed ? "digraph " : "graph ") << dot_quote(g.graph_name()) << " {\n";
    if (!g.title().empty()) out << "    label=" << dot_quote(g.title()) << ";\n";
    std::vector<EntityIndex> nodes(g.entity_count());
    std::iota(nodes.begin(), nodes.end(), 0);
    std::sort(nodes.begin(), nodes.end(),
              [&](EntityIndex a, EntityIndex b) { return g.id(a) < g.id(b); });
    for (EntityIndex v : nodes) {
        out << "    " << dot_quote(g.id(v));
        write_attrs(out, g.entity_type_name(v), g.entity_attributes().all(v));
        out << ";\n";
    }
    std::vector<RelationIndex> rels(g.relation_count());
    std::iota(rels.begin(), rels.end(), 0);
    std::stable_sort(rels.begin(), rels.end(), [&](RelationIndex a, RelationIndex b) {
        return std::make_tuple(g.id(g.source(a)), g.id(g.target(a)), g.relation_type_name(a)) <
               std::make_tuple(g.id(g.source(b)), g.id(g.target(b)), g.relation_type_name(b));
    });
    for (RelationIndex r : rels) {
        out << "    " << dot_quote(g.id(g.source(r))) << (directed ? " -> " : " -- ")
            << dot_quote(g.id(g.target(r)));
        write_attrs(out, g.relation_type_name(r), g.relation_attributes().all(r));
        out << ";\n";
    }
    out << "}\n";
}

}  // namespace ecograph
