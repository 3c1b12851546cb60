#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/analysis/paths.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph::cli {
namespace {

struct PathOptions {
    std::vector<std::string> args;  // FILE... A B
    std::optional<std::string> schema;
    unsigned threads = 0;
    SelectionSpec select;  // --via, --weight; the direction comes from --undirected
    bool undirected = false;
    bool all_shortest = false;
    std::size_t k_shortest = 0;
    std::size_t limit = 100;
    std::string format;
    std::string output;
};

int run(PathOptions o) {
    if (o.args.size() < 3) throw Error("path needs FILE... A B", ExitStatus::Usage);
    if (o.limit == 0) throw Error("--limit must be at least 1", ExitStatus::Usage);
    if (o.all_shortest && o.k_shortest > 0)
        throw Error("--all-shortest and --k-shortest cannot be combined", ExitStatus::Usage);
    std::string b_id = o.args.back();
    o.args.pop_back();
    std::string a_id = o.args.back();
    o.args.pop_back();
    Schema schema = Schema::load(o.schema);
    Graph g = load_checked({o.args, o.schema, std::nullopt, o.threads}, schema);
    EntityIndex a = find_entity(g, a_id, "path"), b = find_entity(g, b_id, "path");
    const bool undirected = o.undirected || !g.directed();
    o.select.direction = direction_of(undirected);
    const Selection route = resolve_selection(g, schema, o.select);
    std::vector<EntityPath> paths;
    if (o.select.weight.empty() && o.k_shortest <= 1 && !o.all_shortest) {
        // One unweighted shortest path: a breadth-first search from both ends over the graph
        // as loaded, without building the simple view (which sorts every relation).
        if (auto p = bidirectional_path(g, a, b, route)) paths.push_back(std::move(*p));
    } else {
        AnalysisView view = AnalysisView::build(g, route, true);
        paths = shortest_paths(view, a, b, o.k_shortest, o.all_shortest, o.limit);
    }

    TableFormat format = parse_table_format(o.format);
    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["from"] = a_id;
        j["to"] = b_id;
        j["parameters"] = {
            {"via", o.select.relation_types},
            {"undirected", undirected},
            {"weight", o.select.weight.empty() ? nlohmann::ordered_json()
                                               : nlohmann::ordered_json(o.select.weight)},
            {"all_shortest", o.all_shortest},
            {"k_shortest", o.k_shortest},
            {"limit", o.limit}};
        j["paths"] = nlohmann::ordered_json::array();
        for (const auto& p : paths) {
            nlohmann::ordered_json ids = nlohmann::ordered_json::array();
            for (EntityIndex v : p.entities) ids.push_back(g.id(v));
            nlohmann::ordered_json length =
                o.select.weight.empty() ? nlohmann::ordered_json(static_cast<std::size_t>(p.length))
                                        : nlohmann::ordered_json(p.length);
            j["paths"].push_back({{"length", length},
                                  {"hops", p.entities.size() - 1},
                                  {"entities", ids},
                                  {"route", path_text(g, p, route)}});
        }
        out = json_text(j);
    } else {
        Table t;
        t.title = fmt::format("{} from {} to {}", paths.size() == 1 ? "Shortest path" : "Paths",
                              a_id, b_id);
        t.columns = {"#", "length", "route"};
        t.right_align = {true, true, false};
        std::size_t i = 0;
        for (const auto& p : paths)
            t.add_row({std::to_string(++i), format_number(p.length, 6), path_text(g, p, route)});
        out = render_table(t, format);
    }
    emit(out, o.output);
    // No route is an answer, not an error; but scripts want to know.
    return paths.empty() ? static_cast<int>(ExitStatus::Problems) : 0;
}

}  // namespace

void register_path(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<PathOptions>();
    CLI::App* cmd = app.add_subcommand(
        "path", "Shortest path, all shortest paths or the N shortest paths between two entities");
    cmd->add_option("args", o->args, "Graph files, then the two entity ids")
        ->required()
        ->type_name("FILE... A B");
    cmd->add_option("--schema", o->schema, "Schema file (TOML)")->type_name("FILE");
    add_threads_option(*cmd, o->threads);
    add_via_option(*cmd, o->select, "Follow only relations of these types");
    cmd->add_flag("--undirected", o->undirected, "Follow relations in either direction");
    cmd->add_option("--weight", o->select.weight, "Relation attribute used as length (positive)")
        ->type_name("ATTR");
    cmd->add_flag("--all-shortest", o->all_shortest, "Every shortest path (at most --limit)");
    cmd->add_option("--k-shortest", o->k_shortest, "The N shortest loopless paths (Yen)")
        ->type_name("N")
        ->check(count_validator());
    cmd->add_option("--limit", o->limit, "At most this many paths with --all-shortest")
        ->capture_default_str()
        ->check(count_validator());
    add_format_option(*cmd, o->format);
    add_output_option(*cmd, o->output);
    cmd->callback([o, &ctx] { ctx.run = [o] { return run(*o); }; });
}

}  // namespace ecograph::cli
