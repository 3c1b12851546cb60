#include "ecograph/io/csv_writer.hpp"

#include <algorithm>
#include <vector>

#include "ecograph/io/attr_types.hpp"

namespace ecograph {
namespace {

// RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled.
std::string cell(std::string_view v) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out << ',';
        out << cell(cells[i]);
    }
    out << '\n';
}

// The header of an attribute column: the Neo4j type suffix says how to read the value, and a
// name the reader would take for a role (id, source, ...) is kept an attribute by a suffix.
std::string column_header(const AttributeKey& key) {
    switch (key.type) {
        case AttrType::Integer:
            return key.name + ":int";
        case AttrType::Number:
        case AttrType::Money:
            return key.name + ":float";
        case AttrType::Boolean:
            return key.name + ":boolean";
        default:
            break;
    }
    for (const char* role : {"id", "type", "label", "name", "source", "target", "from", "to"})
        if (key.name == role) return key.name + ":string";
    return key.name.find(':') == std::string::npos ? key.name : key.name + ":string";
}

}  // namespace

std::pair<std::string, std::string> csv_output_paths(const std::string& path) {
    std::string stem = path;
    if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".csv") == 0)
        stem.resize(stem.size() - 4);
    return {stem + ".entities.csv", stem + ".relations.csv"};
}

void write_csv(const Graph& g, const Schema& schema, std::ostream& entities,
               std::ostream& relations) {
    // Entities: id, type, label, then the other attributes by name.
    std::vector<AttributeKey> keys = entity_attribute_keys(g, schema);
    std::erase_if(keys, [](const AttributeKey& k) { return k.name == "label"; });
    std::vector<std::string> row{"id:ID", ":LABEL", "label"};
    for (const auto& k : keys) row.push_back(column_header(k));
    write_row(entities, row);
    for (EntityIndex v : entities_by_id(g)) {
        const std::string* label = g.entity_attr(v, "label");
        row = {std::string(g.id(v)), std::string(g.entity_type_name(v)), label ? *label : ""};
        for (const auto& k : keys) {
            const std::string* value = g.entity_attr(v, k.name);
            row.push_back(value ? *value : "");
        }
        write_row(entities, row);
    }

    keys = relation_attribute_keys(g, schema);
    row = {":START_ID", ":END_ID", ":TYPE"};
    for (const auto& k : keys) row.push_back(column_header(k));
    write_row(relations, row);
    for (RelationIndex r : relations_by_ends(g)) {
        row = {std::string(g.id(g.source(r))), std::string(g.id(g.target(r))),
               std::string(g.relation_type_name(r))};
        for (const auto& k : keys) {
            const std::string* value = g.relation_attr(r, k.name);
            row.push_back(value ? *value : "");
        }
        write_row(relations, row);
    }
}

}  // namespace ecograph
