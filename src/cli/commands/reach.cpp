#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/analysis/centrality.hpp"
#include "ecograph/analysis/paths.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph::cli {
namespace {

struct ReachOptions {
    std::vector<std::string> args;  // FILE... FROM
    std::optional<std::string> schema;
    unsigned threads = 0;
    SelectionSpec select;  // --via; the direction comes from --reverse and --undirected
    std::optional<std::size_t> max_hops;
    bool reverse = false;
    bool undirected = false;
    std::vector<std::string> to_types;
    bool explain = false;
    std::string format;
    std::string output;
};

std::string route_of(const Graph& g, const ReachResult& r, EntityIndex from, EntityIndex to,
                     bool reverse) {
    return route_text(g, reverse ? to : from, reading_witness(r, g, to, reverse));
}

int run(ReachOptions o) {
    if (o.args.size() < 2) throw Error("reach needs FILE... FROM", ExitStatus::Usage);
    std::string from_id = o.args.back();
    o.args.pop_back();
    Schema schema = Schema::load(o.schema);
    Graph g = load_checked({o.args, o.schema, std::nullopt, o.threads}, schema);
    EntityIndex from = find_entity(g, from_id, "reach");
    o.select.direction = direction_of(o.undirected, o.reverse);
    ReachResult r =
        reach(g, from, resolve_selection(g, schema, o.select), o.max_hops.value_or(kUnlimited));

    // Answers: reached entities of the wanted types, by distance then id. Only the answers are
    // sorted: on a big graph a short reach must not cost a sort of every entity.
    std::vector<bool> wanted = entity_type_mask(g, schema, o.to_types, "--to-types");
    std::vector<EntityIndex> answers;
    for (EntityIndex v : g.sorted_by_id())
        if (v != from && r.distance[v] >= 0 && wanted[v]) answers.push_back(v);
    std::stable_sort(answers.begin(), answers.end(),
                     [&](EntityIndex a, EntityIndex b) { return r.distance[a] < r.distance[b]; });

    TableFormat format = parse_table_format(o.format);
    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["from"] = from_id;
        j["parameters"] = {{"via", o.select.relation_types},
                           {"max_hops", o.max_hops ? nlohmann::ordered_json(*o.max_hops)
                                                   : nlohmann::ordered_json()},
                           {"reverse", o.reverse},
                           {"undirected", o.undirected},
                           {"to_types", o.to_types},
                           {"explain", o.explain}};
        j["results"] = nlohmann::ordered_json::array();
        for (EntityIndex v : answers) {
            nlohmann::ordered_json e = {{"id", g.id(v)},
                                        {"name", g.name(v)},
                                        {"type", g.entity_type_name(v)},
                                        {"distance", r.distance[v]}};
            if (o.explain) {
                auto steps = reading_witness(r, g, v, o.reverse);
                e["path"] = route_of(g, r, from, v, o.reverse);
                nlohmann::ordered_json rels = nlohmann::ordered_json::array();
                for (const auto& s : steps)
                    rels.push_back({{"source", g.id(g.source(s.relation))},
                                    {"target", g.id(g.target(s.relation))},
                                    {"type", g.relation_type_name(s.relation)},
                                    {"forward", s.forward}});
                e["relations"] = rels;
            }
            j["results"].push_back(std::move(e));
        }
        out = json_text(j);
    } else {
        Table t;
        t.title = fmt::format(
            "{} {}{} ({} found)", o.reverse ? "Entities that reach" : "Entities reachable from",
            from_id, o.max_hops ? fmt::format(" within {} hops", *o.max_hops) : "", answers.size());
        t.columns = {"id", "name", "type", "distance"};
        t.right_align = {false, false, false, true};
        if (o.explain) t.columns.push_back("route");
        for (EntityIndex v : answers) {
            std::vector<std::string> row = {std::string(g.id(v)), std::string(g.name(v)),
                                            std::string(g.entity_type_name(v)),
                                            std::to_string(r.distance[v])};
            if (o.explain) row.push_back(route_of(g, r, from, v, o.reverse));
            t.add_row(std::move(row));
        }
        out = render_table(t, format);
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_reach(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ReachOptions>();
    CLI::App* cmd = app.add_subcommand(
        "reach", "What an entity reaches (or what reaches it) through chosen relation types");
    cmd->add_option("args", o->args, "Graph files, then the starting entity id")
        ->required()
        ->type_name("FILE... FROM");
    cmd->add_option("--schema", o->schema, "Schema file (TOML)")->type_name("FILE");
    add_threads_option(*cmd, o->threads);
    add_via_option(*cmd, o->select, "Follow only relations of these types");
    cmd->add_option("--max-hops", o->max_hops, "At most K relations away (default: no limit)")
        ->type_name("K")
        ->check(count_validator());
    cmd->add_flag("--reverse", o->reverse, "Entities that reach FROM instead");
    cmd->add_flag("--undirected", o->undirected, "Follow relations in either direction");
    cmd->add_option("--to-types", o->to_types,
                    "List only entities of these types (subtypes included)")
        ->delimiter(',')
        ->type_name("TYPE,...");
    cmd->add_flag("--explain", o->explain, "Show one shortest route to each answer");
    add_format_option(*cmd, o->format);
    add_output_option(*cmd, o->output);
    cmd->callback([o, &ctx] { ctx.run = [o] { return run(*o); }; });
}

}  // namespace ecograph::cli
