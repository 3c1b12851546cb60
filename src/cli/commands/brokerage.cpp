#include "ecograph/analysis/brokerage.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/analysis/centrality.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph::cli {
namespace {

struct BrokerageOptions {
    InputOptions in;
    std::string group_by;
    std::string role = "total";
    SelectionSpec select;  // --via; the direction comes from --undirected
    bool undirected = false;
    std::vector<std::string> types;
    std::size_t top = 0;
    std::string format;
    std::string output;
};

nlohmann::ordered_json row_json(const BrokerageResult::Row& row) {
    nlohmann::ordered_json j;
    for (std::size_t r = 0; r < kRoleNames.size(); ++r)
        j[kRoleNames[r]] = std::isnan(row[r]) ? nlohmann::ordered_json()  // sd 0: z undefined
                                              : nlohmann::ordered_json(row[r] + 0.0);  // no -0
    return j;
}

int run(const BrokerageOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    Graph g = load_checked(o.in, schema);
    TableFormat format = parse_table_format(o.format);
    SelectionSpec spec = o.select;
    spec.direction = direction_of(o.undirected);
    AnalysisView view = AnalysisView::build(g, resolve_selection(g, schema, spec));
    Grouping groups = group_entities(g, schema, o.group_by);
    BrokerageResult r = brokerage(view, groups);
    std::size_t role = std::find(kRoleNames.begin(), kRoleNames.end(), o.role) - kRoleNames.begin();
    std::vector<double> key(g.entity_count());
    for (EntityIndex v = 0; v < g.entity_count(); ++v) key[v] = r.raw[v][role];
    auto ranked = rank_entities(g, key, schema, o.types, o.top);

    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["measure"] = "brokerage";
        j["parameters"] = {
            {"group_by", o.group_by},         {"role", o.role},   {"via", o.select.relation_types},
            {"undirected", !view.directed()}, {"types", o.types}, {"top", o.top}};
        j["convention"] =
            "Gould-Fernandez roles of v on every two-path i -> v -> j without an arc i -> j, on "
            "the "
            "simple graph; expected counts, standard deviations and z-scores as R's sna::brokerage "
            "(arcs independent with probability = density)";
        j["graph"] = {{"files", o.in.files},
                      {"entities", g.entity_count()},
                      {"relations", g.relation_count()},
                      {"density", r.density}};
        j["groups"] = nlohmann::ordered_json::array();
        std::vector<std::size_t> sizes(groups.names.size(), 0);
        for (auto gr : groups.group) ++sizes[gr];
        for (std::size_t i = 0; i < groups.names.size(); ++i)
            j["groups"].push_back({{"name", groups.names[i]}, {"size", sizes[i]}});
        j["global"] = {{"raw", row_json(r.global_raw)},
                       {"expected", row_json(r.global_expected)},
                       {"sd", row_json(r.global_sd)},
                       {"z", row_json(r.global_z)}};
        j["results"] = nlohmann::ordered_json::array();
        std::size_t rank = 0;
        for (EntityIndex v : ranked)
            j["results"].push_back({{"rank", ++rank},
                                    {"id", g.id(v)},
                                    {"name", g.name(v)},
                                    {"type", g.entity_type_name(v)},
                                    {"group", groups.names[groups.group[v]]},
                                    {"raw", row_json(r.raw[v])},
                                    {"expected", row_json(r.expected[v])},
                                    {"z", row_json(r.z[v])}});
        out = json_text(j);
    } else {
        Table t;
        t.title = fmt::format(
            "Brokerage roles by {} (two-paths i -> v -> j without i -> j; z of the total "
            "against random groups, as sna::brokerage)",
            o.group_by);
        t.columns = {"rank",           "id",         "group",   "coordinator", "itinerant",
                     "representative", "gatekeeper", "liaison", "total",       "z(total)"};
        t.right_align = {true, false, false, true, true, true, true, true, true, true};
        std::size_t rank = 0;
        for (EntityIndex v : ranked) {
            std::vector<std::string> row = {std::to_string(++rank), std::string(g.id(v)),
                                            groups.names[groups.group[v]]};
            for (std::size_t k = 0; k < 6; ++k) row.push_back(format_number(r.raw[v][k], 0));
            double z = r.z[v][Total];
            row.push_back(std::isnan(z) ? "" : format_number(z, 3));
            t.add_row(std::move(row));
        }
        out = render_table(t, format);
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_brokerage(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<BrokerageOptions>();
    CLI::App* cmd = app.add_subcommand(
        "brokerage", "Gould-Fernandez brokerage roles: who connects whom across groups");
    add_input_options(*cmd, o->in);
    cmd->add_option("--group-by", o->group_by,
                    "Groups: 'type', 'region' (located_in, else operates_in/serves), or an entity "
                    "attribute")
        ->required()
        ->type_name("type|region|ATTR");
    cmd->add_option("--role", o->role, "Rank by this role")
        ->check(CLI::IsMember(
            {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}))
        ->capture_default_str();
    add_via_option(*cmd, o->select, "Use only relations of these types");
    cmd->add_flag("--undirected", o->undirected, "Ignore the direction of relations");
    cmd->add_option("--types", o->types, "Rank only entities of these types (subtypes included)")
        ->delimiter(',')
        ->type_name("TYPE,...");
    cmd->add_option("--top", o->top, "Show only the N highest")
        ->type_name("N")
        ->check(count_validator());
    add_format_option(*cmd, o->format);
    add_output_option(*cmd, o->output);
    cmd->callback([o, &ctx] { ctx.run = [o] { return run(*o); }; });
}

}  // namespace ecograph::cli
