#include "ecograph/analysis/impact.hpp"

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph::cli {
namespace {

struct ImpactCliOptions {
    InputOptions in;
    SelectionSpec select;  // --remove, --via
    ImpactOptions impact;
    std::size_t top = 10;
    std::string format;
    std::string output;
};

std::string sizes_text(const std::vector<std::size_t>& sizes) {
    std::string out;
    for (auto s : sizes) out += (out.empty() ? "" : " + ") + std::to_string(s);
    return out;
}

int run(const ImpactCliOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    Graph g = load_checked(o.in, schema);
    ImpactResult r = impact(g, schema, resolve_selection(g, schema, o.select), o.impact);
    std::size_t movers = std::min(o.top, r.movers.size());
    TableFormat format = parse_table_format(o.format);
    std::string removed;
    for (EntityIndex v : r.removed) removed += (removed.empty() ? "" : ", ") + std::string(g.id(v));

    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["removed"] = o.select.removed;
        j["parameters"] = {{"via", o.select.relation_types},
                           {"from_types", o.impact.from_types},
                           {"to_types", o.impact.to_types},
                           {"top", o.top}};
        j["lost_routes"] = {{"pairs", r.lost_pairs.size()}};
        auto summary = [](const auto& m) {
            nlohmann::ordered_json a = nlohmann::ordered_json::array();
            for (const auto& [k, count] : m)
                a.push_back({{"from", k.first}, {"to", k.second}, {"pairs", count}});
            return a;
        };
        j["lost_routes"]["by_type"] = summary(r.lost_by_type);
        j["lost_routes"]["by_region"] = summary(r.lost_by_region);
        j["lost_routes"]["list"] = nlohmann::ordered_json::array();
        for (auto [s, t] : r.lost_pairs)
            j["lost_routes"]["list"].push_back({{"from", g.id(s)}, {"to", g.id(t)}});
        j["split_components"] = nlohmann::ordered_json::array();
        for (const auto& s : r.splits)
            j["split_components"].push_back(
                {{"size_before", s.before}, {"parts", s.after}, {"example", g.id(s.example)}});
        j["new_articulation_points"] = nlohmann::ordered_json::array();
        for (EntityIndex v : r.new_articulation_points)
            j["new_articulation_points"].push_back(g.id(v));
        j["betweenness_movers"] = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < movers; ++i) {
            const auto& m = r.movers[i];
            j["betweenness_movers"].push_back({{"id", g.id(m.entity)},
                                               {"before", m.before},
                                               {"after", m.after},
                                               {"change", m.after - m.before}});
        }
        out = json_text(j);
    } else {
        std::vector<Table> tables;
        Table by_type;
        by_type.title =
            fmt::format("If {} leave{}: {} ordered pairs lose every route, by entity type", removed,
                        r.removed.size() == 1 ? "s" : "", r.lost_pairs.size());
        by_type.columns = {"from type", "to type", "pairs"};
        by_type.right_align = {false, false, true};
        for (const auto& [k, count] : r.lost_by_type)
            by_type.add_row({k.first, k.second, std::to_string(count)});
        tables.push_back(by_type);
        Table by_region;
        by_region.title = "Lost routes by region (located_in, else operates_in/serves)";
        by_region.columns = {"from region", "to region", "pairs"};
        by_region.right_align = {false, false, true};
        for (const auto& [k, count] : r.lost_by_region)
            by_region.add_row({k.first, k.second, std::to_string(count)});
        tables.push_back(by_region);
        Table splits;
        splits.title = "Components that split (direction ignored)";
        splits.columns = {"size before", "parts after", "contains"};
        splits.right_align = {true, false, false};
        for (const auto& s : r.splits)
            splits.add_row(
                {std::to_string(s.before), sizes_text(s.after), std::string(g.id(s.example))});
        tables.push_back(splits);
        Table aps;
        aps.title = "New single points of failure";
        aps.columns = {"id", "type"};
        for (EntityIndex v : r.new_articulation_points)
            aps.add_row({std::string(g.id(v)), std::string(g.entity_type_name(v))});
        tables.push_back(aps);
        Table mv;
        mv.title = fmt::format("Biggest betweenness changes (top {})", movers);
        mv.columns = {"id", "before", "after", "change"};
        mv.right_align = {false, true, true, true};
        for (std::size_t i = 0; i < movers; ++i) {
            const auto& m = r.movers[i];
            mv.add_row({std::string(g.id(m.entity)), format_number(m.before, 3),
                        format_number(m.after, 3), format_number(m.after - m.before, 3)});
        }
        tables.push_back(mv);
        if (format == TableFormat::Csv) {
            Table pairs;  // one CSV table: the lost pairs themselves
            pairs.columns = {"from", "from_type", "to", "to_type"};
            for (auto [s, t] : r.lost_pairs)
                pairs.add_row({std::string(g.id(s)), std::string(g.entity_type_name(s)),
                               std::string(g.id(t)), std::string(g.entity_type_name(t))});
            out = render_csv(pairs);
        } else {
            out = render_tables(tables, format);
        }
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_impact(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ImpactCliOptions>();
    CLI::App* cmd = app.add_subcommand(
        "impact", "What-if: what breaks if entities leave (lost routes, splits, new weak points)");
    add_input_options(*cmd, o->in);
    cmd->add_option("--remove", o->select.removed, "Entities that leave")
        ->required()
        ->delimiter(',')
        ->type_name("ID,...");
    add_via_option(*cmd, o->select, "Routes follow only these relation types");
    cmd->add_option("--from-types", o->impact.from_types,
                    "Count routes from entities of these types only")
        ->delimiter(',')
        ->type_name("TYPE,...");
    cmd->add_option("--to-types", o->impact.to_types,
                    "Count routes to entities of these types only")
        ->delimiter(',')
        ->type_name("TYPE,...");
    cmd->add_option("--top", o->top, "Betweenness movers to list")
        ->capture_default_str()
        ->check(count_validator());
    add_format_option(*cmd, o->format);
    add_output_option(*cmd, o->output);
    cmd->callback([o, &ctx] { ctx.run = [o] { return run(*o); }; });
}

}  // namespace ecograph::cli
