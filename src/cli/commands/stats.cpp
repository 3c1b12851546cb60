#include "ecograph/analysis/stats.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"

namespace ecograph::cli {
namespace {

struct StatsOptions {
    InputOptions in;
    std::string format;
    std::string output;
};

std::string type_name(const std::string& t) { return t.empty() ? "(untyped)" : t; }

nlohmann::ordered_json degree_json(const DegreeSummary& d) {
    return {{"min", d.min},
            {"max", d.max},
            {"mean", d.mean},
            {"median", d.median},
            {"max_entity", d.max_entity}};
}

std::vector<std::vector<std::string>> degree_rows(const GraphStats& s) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& [name, d] : {std::pair{"in", &s.in_degree}, std::pair{"out", &s.out_degree},
                                  std::pair{"total", &s.degree}})
        rows.push_back({name, std::to_string(d->min), std::to_string(d->max),
                        format_number(d->mean, 4), format_number(d->median, 1), d->max_entity});
    return rows;
}

std::vector<Table> tables(const GraphStats& s, const Graph& g) {
    Table overview;
    overview.title = "Overview";
    overview.columns = {"metric", "value"};
    overview.right_align = {false, true};
    overview.add_row({"entities", std::to_string(s.entities)});
    overview.add_row({"relations", std::to_string(s.relations)});
    overview.add_row({"directed", g.directed() ? "yes" : "no"});
    overview.add_row({"typed", g.typed() ? "yes" : "no"});
    overview.add_row({"density", format_number(s.density)});
    overview.add_row({"weak components", std::to_string(s.weak_components)});
    overview.add_row({"largest component", std::to_string(s.largest_component)});
    overview.add_row({"strong components", std::to_string(s.strong_components)});
    overview.add_row({"isolated entities", std::to_string(s.isolated)});
    overview.add_row({"self-loops", std::to_string(s.self_loops)});
    overview.add_row({"parallel relations", std::to_string(s.multi_relations)});
    Table et;
    et.title = "Entities by type";
    et.columns = {"type", "count"};
    et.right_align = {false, true};
    for (const auto& [t, n] : s.entities_by_type) et.add_row({type_name(t), std::to_string(n)});
    Table rt;
    rt.title = "Relations by type";
    rt.columns = {"type", "count"};
    rt.right_align = {false, true};
    for (const auto& [t, n] : s.relations_by_type) rt.add_row({type_name(t), std::to_string(n)});
    Table dt;
    dt.title = "Degree";
    dt.columns = {"degree", "min", "max", "mean", "median", "max entity"};
    dt.right_align = {false, true, true, true, true, false};
    dt.rows = degree_rows(s);
    return {overview, et, rt, dt};
}

std::string as_json(const GraphStats& s, const Graph& g) {
    nlohmann::ordered_json j;
    j["entities"] = s.entities;
    j["relations"] = s.relations;
    j["directed"] = g.directed();
    j["typed"] = g.typed();
    j["density"] = s.density;
    j["weak_components"] = s.weak_components;
    j["largest_component"] = s.largest_component;
    j["strong_components"] = s.strong_components;
    j["isolated"] = s.isolated;
    j["self_loops"] = s.self_loops;
    j["parallel_relations"] = s.multi_relations;
    j["entities_by_type"] = nlohmann::ordered_json::object();
    for (const auto& [t, n] : s.entities_by_type) j["entities_by_type"][type_name(t)] = n;
    j["relations_by_type"] = nlohmann::ordered_json::object();
    for (const auto& [t, n] : s.relations_by_type) j["relations_by_type"][type_name(t)] = n;
    j["degree"] = {{"in", degree_json(s.in_degree)},
                   {"out", degree_json(s.out_degree)},
                   {"total", degree_json(s.degree)}};
    return json_text(j);
}

// CSV is one long table: section, key, value.
std::string as_csv(const std::vector<Table>& ts) {
    Table flat;
    flat.columns = {"section", "key", "value"};
    for (const Table& t : ts) {
        for (const auto& row : t.rows) {
            if (row.size() == 2) {
                flat.add_row({t.title, row[0], row[1]});
            } else {
                for (std::size_t c = 1; c < row.size(); ++c)
                    flat.add_row({t.title, row[0] + " " + t.columns[c], row[c]});
            }
        }
    }
    return render_csv(flat);
}

int run(const StatsOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    Graph g = load_checked(o.in, schema);
    GraphStats s = compute_stats(g);
    TableFormat format = parse_table_format(o.format);
    std::string out;
    if (format == TableFormat::Json) {
        out = as_json(s, g);
    } else if (format == TableFormat::Csv) {
        out = as_csv(tables(s, g));
    } else {
        out = render_tables(tables(s, g), format);
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_stats(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<StatsOptions>();
    CLI::App* cmd = app.add_subcommand(
        "stats", "Summarise a graph: entities and relations by type, density, components, degrees");
    add_input_options(*cmd, opts->in);
    add_format_option(*cmd, opts->format);
    add_output_option(*cmd, opts->output);
    cmd->callback([opts, &ctx] { ctx.run = [opts] { return run(*opts); }; });
}

}  // namespace ecograph::cli
