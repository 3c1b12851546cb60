#include "ecograph/io/json_writer.hpp"

#include <algorithm>
#include <initializer_list>
#include <numeric>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "ecograph/core/utf8.hpp"
#include "ecograph/io/attr_types.hpp"

namespace ecograph {
namespace {

// JSON string literal of `prefix` + `raw` (UTF-8 kept as is; control characters escaped).
void append_string(std::string& out, std::string_view raw, std::string_view prefix = {}) {
    std::string sanitized;
    raw = valid_utf8(raw, sanitized);
    out += '"';
    out += prefix;
    for (char c : raw) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20)
                    out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
                else
                    out += c;
        }
    }
    out += '"';
}

bool digits(std::string_view s, std::size_t& i) {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
}

// True when `s` is a JSON number that a JSON reader gives back as the same text: JSON's
// grammar (no '+', no leading zeros, digits on both sides of '.'), and not "-0", which parses
// as the integer 0.
bool json_number(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0') {
        ++i;
    } else if (!digits(s, i)) {
        return false;
    }
    const bool integer = i == s.size();
    if (i < s.size() && s[i] == '.' && !digits(s, ++i)) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits(s, i)) return false;
    }
    return i == s.size() && !(integer && s == "-0");
}

void append_value(std::string& out, AttrType type, std::string_view v) {
    switch (type) {
        case AttrType::Integer:
        case AttrType::Number:
        case AttrType::Money:
            if (json_number(v)) {
                out += v;
                return;
            }
            break;
        case AttrType::Boolean:
            if (v == "true" || v == "false") {
                out += v;
                return;
            }
            break;
        default:
            break;
    }
    append_string(out, v);
}

class Typer {
public:
    explicit Typer(std::vector<AttributeKey> keys) : keys_(std::move(keys)) {}
    AttrType operator()(std::string_view name) const {
        auto it =
            std::lower_bound(keys_.begin(), keys_.end(), name,
                             [](const AttributeKey& k, std::string_view n) { return k.name < n; });
        return it != keys_.end() && it->name == name ? it->type : AttrType::String;
    }

private:
    std::vector<AttributeKey> keys_;
};

// Attribute names that would clash with a structural key (a relation's `source`, the bundled
// graph's fact source, against the link's "source") are written with one more leading '_':
// `_source`, `__source`, ...; the reader takes it off again.
void append_key(std::string& out, std::string_view name,
                std::initializer_list<std::string_view> reserved) {
    std::string_view rest = name.substr(std::min(name.find_first_not_of('_'), name.size()));
    const bool clash = std::find(reserved.begin(), reserved.end(), rest) != reserved.end();
    append_string(out, name, clash ? "_" : "");
}

// `"key": value` pairs after the structural ones: label first, then by name.
void append_attrs(std::string& out,
                  const std::vector<std::pair<std::string_view, std::string_view>>& attrs,
                  const Typer& typer, std::initializer_list<std::string_view> reserved) {
    auto add = [&](std::string_view k, std::string_view v) {
        out += ", ";
        append_key(out, k, reserved);
        out += ": ";
        append_value(out, typer(k), v);
    };
    for (const auto& [k, v] : attrs)
        if (k == "label") add(k, v);
    for (const auto& [k, v] : attrs)
        if (k != "label") add(k, v);
}

}  // namespace

void write_json(const Graph& g, const Schema& schema, std::ostream& out) {
    const Typer entity_typer(entity_attribute_keys(g, schema));
    const Typer relation_typer(relation_attribute_keys(g, schema));
    std::string buf;
    auto flush = [&](bool force) {
        if (force || buf.size() > (1u << 16)) {
            out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
            buf.clear();
        }
    };
    buf += "{\n  \"directed\": ";
    buf += g.directed() ? "true" : "false";
    buf += ",\n  \"multigraph\": true,\n  \"graph\": {";
    if (!g.graph_name().empty()) {
        buf += "\"name\": ";
        append_string(buf, g.graph_name());
    }
    if (!g.title().empty()) {
        buf += g.graph_name().empty() ? "\"label\": " : ", \"label\": ";
        append_string(buf, g.title());
    }
    buf += "},\n  \"nodes\": [";

    const std::vector<EntityIndex> nodes = entities_by_id(g);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        EntityIndex v = nodes[i];
        buf += i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ";
        append_string(buf, g.id(v));
        if (!g.entity_type_name(v).empty()) {
            buf += ", \"type\": ";
            append_string(buf, g.entity_type_name(v));
        }
        append_attrs(buf, g.entity_attributes().all(v), entity_typer, {"id", "type"});
        buf += '}';
        flush(false);
    }
    buf += nodes.empty() ? "],\n  \"links\": [" : "\n  ],\n  \"links\": [";

    const std::vector<RelationIndex> rels = relations_by_ends(g);
    for (std::size_t i = 0; i < rels.size(); ++i) {
        RelationIndex r = rels[i];
        buf += i == 0 ? "\n    {\"source\": " : ",\n    {\"source\": ";
        append_string(buf, g.id(g.source(r)));
        buf += ", \"target\": ";
        append_string(buf, g.id(g.target(r)));
        if (!g.relation_type_name(r).empty()) {
            buf += ", \"type\": ";
            append_string(buf, g.relation_type_name(r));
        }
        append_attrs(buf, g.relation_attributes().all(r), relation_typer,
                     {"source", "target", "type", "key"});
        buf += '}';
        flush(false);
    }
    buf += rels.empty() ? "]\n}\n" : "\n  ]\n}\n";
    flush(true);
}

}  // namespace ecograph
