#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/analysis/centrality.hpp"
#include "ecograph/analysis/paths.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/io/dot_writer.hpp"
#include "ecograph/model/subgraph.hpp"
#include "ecograph/render/render.hpp"
#include "ecograph/render/styled_dot.hpp"

namespace ecograph::cli {
namespace {

struct NeighborhoodOptions {
    std::vector<std::string> args;  // FILE... ID
    std::optional<std::string> schema;
    unsigned threads = 0;
    std::size_t hops = 1;
    SelectionSpec select;  // --via; the direction comes from --direction
    std::string direction = "both";
    std::string format = "table";
    std::string layout = "dot";
    bool plain = false;
    bool no_legend = false;
    std::string output;
};

int run(NeighborhoodOptions o) {
    if (o.args.size() < 2) throw Error("neighborhood needs FILE... ID", ExitStatus::Usage);
    std::string id = o.args.back();
    o.args.pop_back();
    Schema schema = Schema::load(o.schema);
    Graph g = load_checked({o.args, o.schema, std::nullopt, o.threads}, schema);
    EntityIndex centre = find_entity(g, id, "neighborhood");
    o.select.direction = o.direction == "in"     ? Direction::reverse
                         : o.direction == "both" ? Direction::both
                                                 : Direction::forward;
    const Selection selection = resolve_selection(g, schema, o.select);
    ReachResult r = reach(g, centre, selection, o.hops);

    const bool graph_format =
        o.format == "dot" || o.format == "svg" || o.format == "png" || o.format == "pdf";
    if (o.plain && o.format != "dot")
        throw Error("--plain writes data DOT: use it with --format dot", ExitStatus::Usage);
    if (graph_format) {
        std::vector<bool> keep_entity(g.entity_count());
        for (EntityIndex v = 0; v < g.entity_count(); ++v) keep_entity[v] = r.distance[v] >= 0;
        std::vector<bool> keep_relation(g.relation_count());
        for (RelationIndex rel = 0; rel < g.relation_count(); ++rel)
            keep_relation[rel] = selection.keeps_type(g, rel);
        Graph sub = induced_subgraph(g, keep_entity, keep_relation);
        if (o.plain) {
            if (o.format != "dot")
                throw Error("--plain writes data DOT: use it with --format dot", ExitStatus::Usage);
            std::ostringstream out;
            write_dot(sub, out);
            emit(out.str(), o.output);
            return 0;
        }
        StyleOptions style;
        style.layout = o.layout;
        style.legend = !o.no_legend;
        style.title = fmt::format("{} and its {}-hop neighbourhood", g.name(centre), o.hops);
        style.highlight_entities = {sub.find(id).value()};
        std::string dot = styled_dot(sub, schema, style);
        emit(o.format == "dot" ? dot : render_dot(dot, o.layout, o.format), o.output,
             o.format == "png" || o.format == "pdf");
        return 0;
    }

    std::vector<EntityIndex> members;
    for (EntityIndex v :
         rank_entities(g, std::vector<double>(g.entity_count(), 0.0), schema, {}, 0))
        if (r.distance[v] >= 0) members.push_back(v);
    std::stable_sort(members.begin(), members.end(),
                     [&](EntityIndex a, EntityIndex b) { return r.distance[a] < r.distance[b]; });
    TableFormat format = parse_table_format(o.format);
    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["centre"] = id;
        j["parameters"] = {
            {"hops", o.hops}, {"via", o.select.relation_types}, {"direction", o.direction}};
        j["entities"] = nlohmann::ordered_json::array();
        for (EntityIndex v : members)
            j["entities"].push_back({{"id", g.id(v)},
                                     {"name", g.name(v)},
                                     {"type", g.entity_type_name(v)},
                                     {"distance", r.distance[v]}});
        out = json_text(j);
    } else {
        Table t;
        t.title =
            fmt::format("{}-hop neighbourhood of {} ({} entities)", o.hops, id, members.size());
        t.columns = {"id", "name", "type", "distance"};
        t.right_align = {false, false, false, true};
        for (EntityIndex v : members)
            t.add_row({std::string(g.id(v)), std::string(g.name(v)),
                       std::string(g.entity_type_name(v)), std::to_string(r.distance[v])});
        out = render_table(t, format);
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_neighborhood(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<NeighborhoodOptions>();
    CLI::App* cmd = app.add_subcommand(
        "neighborhood", "The entities within K hops of one entity, as a table or as a diagram");
    cmd->add_option("args", o->args, "Graph files, then the centre's id")
        ->required()
        ->type_name("FILE... ID");
    cmd->add_option("--schema", o->schema, "Schema file (TOML)")->type_name("FILE");
    add_threads_option(*cmd, o->threads);
    cmd->add_option("--hops", o->hops, "How many relations away")
        ->capture_default_str()
        ->check(count_validator());
    add_via_option(*cmd, o->select, "Follow only relations of these types");
    cmd->add_option("--direction", o->direction, "Follow relations out of, into, or both ways")
        ->check(CLI::IsMember({"out", "in", "both"}))
        ->capture_default_str();
    cmd->add_option("-f,--format", o->format, "A table, or the neighbourhood as a graph")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown", "dot", "svg", "png", "pdf"}))
        ->capture_default_str();
    cmd->add_option("--layout", o->layout, "Graphviz layout for svg/png/pdf")
        ->check(CLI::IsMember(layout_names()))
        ->capture_default_str();
    cmd->add_flag("--no-legend", o->no_legend, "Leave out the legend");
    cmd->add_flag("--plain", o->plain,
                  "With --format dot: data DOT (no styling) of the neighbourhood");
    add_output_option(*cmd, o->output);
    cmd->callback([o, &ctx] { ctx.run = [o] { return run(*o); }; });
}

}  // namespace ecograph::cli
