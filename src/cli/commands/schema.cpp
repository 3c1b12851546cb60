#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"

namespace ecograph::cli {
namespace {

struct SchemaOptions {
    std::optional<std::string> schema;
    std::string format;
    std::string output;
};

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

// A type's own attributes, with the type an attribute only named in `required` inherits.
std::vector<AttrDef> own_attributes(const std::vector<AttrDef>& own,
                                    const std::vector<AttrDef>& resolved) {
    std::vector<AttrDef> out = own;
    for (auto& a : out)
        for (const auto& r : resolved)
            if (r.name == a.name) a.type = r.type;
    return out;
}

std::string attrs_text(const std::vector<AttrDef>& attrs) {
    std::vector<std::string> parts;
    for (const auto& a : attrs)
        parts.push_back(fmt::format("{}: {}{}", a.name, attr_type_name(a.type),
                                    a.required ? " (required)" : ""));
    return join(parts, ", ");
}

nlohmann::ordered_json attrs_json(const std::vector<AttrDef>& attrs) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& a : attrs)
        j.push_back({{"name", a.name}, {"type", attr_type_name(a.type)}, {"required", a.required}});
    return j;
}

std::string as_json(const Schema& s) {
    nlohmann::ordered_json j;
    j["name"] = s.name();
    j["common"] = {{"entity", attrs_json(s.common_entity_attributes())},
                   {"relation", attrs_json(s.common_relation_attributes())}};
    j["entity_types"] = nlohmann::ordered_json::array();
    for (const auto& t : s.entity_types()) {
        Theme theme = s.entity_theme(t.name);
        j["entity_types"].push_back(
            {{"name", t.name},
             {"parent", t.parent},
             {"abstract", t.abstract},
             {"description", t.description},
             {"shape", theme.shape},
             {"color", theme.color},
             {"attributes",
              attrs_json(own_attributes(t.attributes, s.entity_attributes(t.name)))}});
    }
    j["relation_types"] = nlohmann::ordered_json::array();
    for (const auto& r : s.relation_types())
        j["relation_types"].push_back(
            {{"name", r.name},
             {"description", r.description},
             {"from", r.from},
             {"to", r.to},
             {"color", r.theme.color},
             {"style", r.theme.style},
             {"attributes",
              attrs_json(own_attributes(r.attributes, s.relation_attributes(r.name)))}});
    return json_text(j);
}

std::vector<Table> tables(const Schema& s) {
    Table common;
    common.title = "Attributes every entity and relation may carry";
    common.columns = {"on", "attributes"};
    common.add_row({"entity", attrs_text(s.common_entity_attributes())});
    common.add_row({"relation", attrs_text(s.common_relation_attributes())});
    Table et;
    et.title = "Entity types";
    et.columns = {"type", "parent", "shape", "color", "attributes", "description"};
    for (const auto& t : s.entity_types()) {
        Theme theme = s.entity_theme(t.name);
        et.add_row({t.name + (t.abstract ? " (abstract)" : ""), t.parent, theme.shape, theme.color,
                    attrs_text(own_attributes(t.attributes, s.entity_attributes(t.name))),
                    t.description});
    }
    Table rt;
    rt.title = "Relation types";
    rt.columns = {"relation", "from", "to", "color", "attributes", "description"};
    for (const auto& r : s.relation_types())
        rt.add_row({r.name, join(r.from, "|"), join(r.to, "|"), r.theme.color,
                    attrs_text(own_attributes(r.attributes, s.relation_attributes(r.name))),
                    r.description});
    return {common, et, rt};
}

int run(const SchemaOptions& o) {
    Schema s = Schema::load(o.schema);
    note_inputs({{}, o.schema, std::nullopt, 0});
    TableFormat format = parse_table_format(o.format);
    std::string out;
    if (format == TableFormat::Json) {
        out = as_json(s);
    } else {
        out = render_tables(tables(s), format);
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_schema(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<SchemaOptions>();
    CLI::App* cmd =
        app.add_subcommand("schema", "Print the effective schema: types, attributes, theme");
    cmd->add_option("--schema", opts->schema,
                    "Schema file (TOML) extending or replacing the built-in one")
        ->type_name("FILE");
    add_format_option(*cmd, opts->format);
    add_output_option(*cmd, opts->output);
    cmd->callback([opts, &ctx] { ctx.run = [opts] { return run(*opts); }; });
}

}  // namespace ecograph::cli
