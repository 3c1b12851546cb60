#include "ecograph/io/graphml_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "ecograph/core/utf8.hpp"
#include "ecograph/io/attr_types.hpp"

namespace ecograph {
namespace {

std::string_view graphml_type(AttrType t) {
    switch (t) {
        case AttrType::Integer:
            return "long";
        case AttrType::Number:
        case AttrType::Money:
            return "double";
        case AttrType::Boolean:
            return "boolean";
        case AttrType::String:
        case AttrType::Date:
        case AttrType::List:
            break;
    }
    return "string";
}

// Appends `s` as XML 1.0 character data. Markup characters are escaped; characters XML 1.0
// cannot hold at all (C0 controls other than tab, newline and carriage return; U+FFFE and
// U+FFFF) become U+FFFD, so the output is always well-formed. In attribute values tab, newline
// and carriage return are written as references, which attribute normalisation keeps; in text
// only carriage return needs one (a parser turns a literal CR LF into LF).
void append_escaped(std::string& out, std::string_view raw, bool attribute) {
    std::string valid;
    raw = valid_utf8(raw, valid);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        switch (c) {
            case '&':
                out += "&amp;";
                continue;
            case '<':
                out += "&lt;";
                continue;
            case '>':
                out += "&gt;";
                continue;
            case '"':
                out += attribute ? "&quot;" : "\"";
                continue;
            case '\r':
                out += "&#13;";
                continue;
            case '\n':
                out += attribute ? "&#10;" : "\n";
                continue;
            case '\t':
                out += attribute ? "&#9;" : "\t";
                continue;
            default:
                break;
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            out += "\uFFFD";
        } else if (c == '\xEF' && raw.substr(i, 2) == "\xEF\xBF" && i + 2 < raw.size() &&
                   (raw[i + 2] == '\xBE' || raw[i + 2] == '\xBF')) {
            out += "\uFFFD";  // U+FFFE, U+FFFF
            i += 2;
        } else {
            out += c;
        }
    }
}

std::string attr(std::string_view s) {
    std::string out;
    append_escaped(out, s, true);
    return out;
}

struct KeyDecl {
    std::string id, domain, name;
    std::string_view type;
};

// One <data> line per value, in key order, each key looked up once per owner.
struct Section {
    std::vector<KeyDecl> keys;

    void data(std::string& out, std::size_t key, std::string_view value) const {
        out += "      <data key=\"";
        out += keys[key].id;
        out += "\">";
        append_escaped(out, value, false);
        out += "</data>\n";
    }
};

}  // namespace

void write_graphml(const Graph& g, const Schema& schema, std::ostream& out) {
    // Keys: graph name and title, then for nodes and edges the type first and the attributes
    // by name. An attribute named "type" is not written: the type goes under that name.
    std::vector<KeyDecl> graph_keys;
    if (!g.graph_name().empty()) graph_keys.push_back({"g0", "graph", "name", "string"});
    if (!g.title().empty())
        graph_keys.push_back({"g" + std::to_string(graph_keys.size()), "graph", "label", "string"});

    auto section = [](std::string prefix, std::string domain, bool typed,
                      const std::vector<AttributeKey>& attrs) {
        Section s;
        if (typed) s.keys.push_back({prefix + "0", domain, "type", "string"});
        for (const auto& a : attrs)
            if (a.name != "type")
                s.keys.push_back(
                    {prefix + std::to_string(s.keys.size()), domain, a.name, graphml_type(a.type)});
        return s;
    };
    const bool typed_nodes = g.entity_type_vocabulary().size() > 1;
    const bool typed_edges = g.relation_type_vocabulary().size() > 1;
    const Section nodes = section("n", "node", typed_nodes, entity_attribute_keys(g, schema));
    const Section edges = section("e", "edge", typed_edges, relation_attribute_keys(g, schema));

    std::string text;
    text +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    const std::vector<KeyDecl>* all_keys[] = {&graph_keys, &nodes.keys, &edges.keys};
    for (const std::vector<KeyDecl>* keys : all_keys)
        for (const KeyDecl& k : *keys) {
            text += "  <key id=\"" + k.id + "\" for=\"" + k.domain + "\" attr.name=\"" +
                    attr(k.name) + "\" attr.type=\"";
            text += k.type;
            text += "\"/>\n";
        }
    text += "  <graph";
    if (!g.graph_name().empty()) text += " id=\"" + attr(g.graph_name()) + "\"";
    text += g.directed() ? " edgedefault=\"directed\">\n" : " edgedefault=\"undirected\">\n";
    for (const KeyDecl& k : graph_keys) {
        text += "    <data key=\"" + k.id + "\">";
        append_escaped(text, k.name == "name" ? g.graph_name() : g.title(), false);
        text += "</data>\n";
    }
    out << text;

    // Attribute names are looked up by key, in key order; the first key is the type when typed.
    auto owner = [&](std::string& line, const Section& s, bool typed, std::string_view type,
                     const auto& values) {
        std::size_t before = line.size();
        if (typed && !type.empty()) s.data(line, 0, type);
        std::size_t k = typed ? 1 : 0;
        for (const auto& [name, value] : values) {  // sorted by name, as the keys are
            while (k < s.keys.size() && s.keys[k].name < name) ++k;
            if (k < s.keys.size() && s.keys[k].name == name) s.data(line, k, value);
        }
        return line.size() != before;
    };
    for (EntityIndex v : entities_by_id(g)) {
        text = "    <node id=\"" + attr(g.id(v)) + "\">\n";
        if (owner(text, nodes, typed_nodes, g.entity_type_name(v), g.entity_attributes().all(v)))
            text += "    </node>\n";
        else
            text.replace(text.size() - 2, 2, "/>\n");
        out << text;
    }
    for (RelationIndex r : relations_by_ends(g)) {
        text = "    <edge source=\"" + attr(g.id(g.source(r))) + "\" target=\"" +
               attr(g.id(g.target(r))) + "\">\n";
        if (owner(text, edges, typed_edges, g.relation_type_name(r),
                  g.relation_attributes().all(r)))
            text += "    </edge>\n";
        else
            text.replace(text.size() - 2, 2, "/>\n");
        out << text;
    }
    out << "  </graph>\n</graphml>\n";
}

}  // namespace ecograph
