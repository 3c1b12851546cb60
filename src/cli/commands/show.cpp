#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/spellcheck.hpp"

namespace ecograph::cli {
namespace {

struct ShowOptions {
    std::vector<std::string> args;  // FILE... ENTITY
    std::optional<std::string> schema;
    unsigned threads = 0;
    std::string format;
    std::string output;
};

struct Neighbour {
    std::string direction;  // "out" or "in"
    std::string relation;
    EntityIndex other;
    RelationIndex r;
};

// Neighbours grouped by relation type, then direction, then id: a stable, readable order.
std::vector<Neighbour> neighbours(const Graph& g, EntityIndex v) {
    std::vector<Neighbour> out;
    for (RelationIndex r = g.out_begin(v); r < g.out_end(v); ++r)
        out.push_back({"out", std::string(g.relation_type_name(r)), g.target(r), r});
    for (RelationIndex r : g.in_relations(v))
        out.push_back({"in", std::string(g.relation_type_name(r)), g.source(r), r});
    std::stable_sort(out.begin(), out.end(), [&](const Neighbour& a, const Neighbour& b) {
        return std::make_tuple(a.relation, b.direction, g.id(a.other)) <
               std::make_tuple(b.relation, a.direction, g.id(b.other));
    });
    return out;
}

std::string location_text(const Location& l) {
    if (l.file.empty()) return "";
    return l.line ? fmt::format("{}:{}", l.file, l.line) : l.file;
}

std::string as_json(const Graph& g, EntityIndex v) {
    nlohmann::ordered_json j;
    j["id"] = g.id(v);
    j["name"] = g.name(v);
    j["type"] = g.entity_type_name(v);
    j["defined_at"] = location_text(g.entity_location(v));
    j["attributes"] = nlohmann::ordered_json::object();
    for (const auto& [k, val] : g.entity_attributes().all(v)) j["attributes"][std::string(k)] = val;
    j["relations"] = nlohmann::ordered_json::array();
    for (const auto& n : neighbours(g, v)) {
        nlohmann::ordered_json e;
        e["relation"] = n.relation;
        e["direction"] = n.direction;
        e["id"] = g.id(n.other);
        e["name"] = g.name(n.other);
        e["type"] = g.entity_type_name(n.other);
        e["attributes"] = nlohmann::ordered_json::object();
        for (const auto& [k, val] : g.relation_attributes().all(n.r))
            e["attributes"][std::string(k)] = val;
        j["relations"].push_back(std::move(e));
    }
    return json_text(j);
}

Table attribute_table(const Graph& g, EntityIndex v) {
    Table t;
    t.title = "Attributes";
    t.columns = {"attribute", "value"};
    t.add_row({"id", std::string(g.id(v))});
    t.add_row({"type", std::string(g.entity_type_name(v))});
    t.add_row({"defined at", location_text(g.entity_location(v))});
    for (const auto& [k, val] : g.entity_attributes().all(v))
        t.add_row({std::string(k), std::string(val)});
    return t;
}

Table relation_table(const Graph& g, EntityIndex v) {
    Table t;
    t.title = "Relations";
    t.columns = {"relation", "direction", "id", "name", "type"};
    for (const auto& n : neighbours(g, v))
        t.add_row({n.relation.empty() ? "(untyped)" : n.relation,
                   n.direction == "out" ? "->" : "<-", std::string(g.id(n.other)),
                   std::string(g.name(n.other)), std::string(g.entity_type_name(n.other))});
    return t;
}

int run(ShowOptions o) {
    if (o.args.size() < 2)
        throw Error("show needs FILE... ENTITY (at least one file, then an entity id)",
                    ExitStatus::Usage);
    std::string id = o.args.back();
    o.args.pop_back();
    Schema schema = Schema::load(o.schema);
    Graph g = load_checked({o.args, o.schema, std::nullopt, o.threads}, schema);
    auto v = g.find(id);
    if (!v) {
        std::string hint = did_you_mean(id, g.ids());
        throw Error(
            fmt::format("no entity '{}' in the graph{}", id, hint.empty() ? "" : "; " + hint));
    }
    TableFormat format = parse_table_format(o.format);
    std::string out;
    if (format == TableFormat::Json) {
        out = as_json(g, *v);
    } else if (format == TableFormat::Csv) {
        out = render_csv(relation_table(g, *v));
    } else {
        if (format == TableFormat::Table)
            out = fmt::format("{} ({})\n\n", g.name(*v),
                              g.entity_type_name(*v).empty() ? "untyped" : g.entity_type_name(*v));
        out += render_table(attribute_table(g, *v), format) + "\n" +
               render_table(relation_table(g, *v), format);
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_show(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ShowOptions>();
    CLI::App* cmd = app.add_subcommand(
        "show", "Show one entity: its attributes and its neighbours grouped by relation type");
    cmd->add_option("args", opts->args, "Graph files, then the entity id")
        ->required()
        ->type_name("FILE... ENTITY");
    cmd->add_option("--schema", opts->schema, "Schema file (TOML)")->type_name("FILE");
    add_threads_option(*cmd, opts->threads);
    add_format_option(*cmd, opts->format);
    add_output_option(*cmd, opts->output);
    cmd->callback([opts, &ctx] { ctx.run = [opts] { return run(*opts); }; });
}

}  // namespace ecograph::cli
