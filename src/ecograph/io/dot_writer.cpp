#include "ecograph/io/dot_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "ecograph/io/attr_types.hpp"
#include "ecograph/io/dot_scan.hpp"

namespace ecograph {
namespace {

constexpr std::size_t kChunk = 4000;

std::size_t backslashes_before(std::string_view s, std::size_t pos) {
    std::size_t n = 0;
    while (n < pos && s[pos - 1 - n] == '\\') ++n;
    return n;
}

bool html_safe(std::string_view s) {
    int depth = 0;
    for (char c : s) {
        if (c == '<') ++depth;
        if (c == '>' && --depth < 0) return false;
    }
    return depth == 0;
}

// Attributes in writing order: type, label, then the rest by name.
template <typename Attrs>
void write_attrs(std::ostream& out, std::string_view type, const Attrs& attrs) {
    std::string text;
    auto add = [&](std::string_view k, std::string_view v) {
        text += text.empty() ? " [" : ", ";
        text += dot_id(k);
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

std::string dot_id(std::string_view s) {
    bool plain = !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
    for (const char* kw : {"node", "edge", "graph", "digraph", "subgraph", "strict"})
        if (plain && s.size() == std::strlen(kw) &&
            std::equal(s.begin(), s.end(), kw, [](char a, char b) { return std::tolower(a) == b; }))
            plain = false;
    return plain ? std::string(s) : dot_quote(s);
}

std::string dot_quote(std::string_view value) {
    std::string encoded;
    for (char c : value) {
        if (c == '"') encoded += '\\';
        encoded += c;
    }
    // A backslash right before a quote, at the very end or before a newline cannot be written
    // in a quoted string (cgraph keeps backslash pairs as they are); an HTML-like string holds
    // any text with balanced angle brackets verbatim.
    bool exact = detail::unescape_quoted(encoded) == value &&
                 backslashes_before(encoded, encoded.size()) % 2 == 0;  // would eat the quote
    if (!exact && html_safe(value)) return "<" + std::string(value) + ">";
    std::string out = "\"";
    std::string_view rest = encoded;
    while (rest.size() > kChunk) {
        std::size_t cut = kChunk;
        // Never split a UTF-8 sequence or an escape pair.
        while (cut > 0 && ((static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80 ||
                           backslashes_before(rest, cut) % 2 == 1))
            --cut;
        if (cut == 0) break;
        out.append(rest.substr(0, cut));
        out += "\" + \"";
        rest.remove_prefix(cut);
    }
    out.append(rest);
    out += '"';
    return out;
}

void write_dot(const Graph& g, std::ostream& out) {
    const bool directed = g.directed();
    out << (directed ? "digraph " : "graph ") << dot_quote(g.graph_name()) << " {\n";
    if (!g.title().empty()) out << "    label=" << dot_quote(g.title()) << ";\n";
    for (EntityIndex v : entities_by_id(g)) {
        out << "    " << dot_quote(g.id(v));
        write_attrs(out, g.entity_type_name(v), g.entity_attributes().all(v));
        out << ";\n";
    }
    for (RelationIndex r : relations_by_ends(g)) {
        out << "    " << dot_quote(g.id(g.source(r))) << (directed ? " -> " : " -- ")
            << dot_quote(g.id(g.target(r)));
        write_attrs(out, g.relation_type_name(r), g.relation_attributes().all(r));
        out << ";\n";
    }
    out << "}\n";
}

}  // namespace ecograph
