#include "ecograph/analysis/resilience.hpp"

#include <map>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph::cli {
namespace {

struct ResilienceOptions {
    InputOptions in;
    SelectionSpec select;  // --via
    std::string root;
    std::string format;
    std::string output;
};

// Component sizes, largest first (ties by smallest member's id).
std::vector<std::pair<std::size_t, EntityIndex>> sizes(const std::vector<std::uint32_t>& comp,
                                                       const Graph& g) {
    std::map<std::uint32_t, std::size_t> count;
    for (auto c : comp) ++count[c];
    std::vector<std::pair<std::size_t, EntityIndex>> out;
    for (auto [c, n] : count) out.push_back({n, c});
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return g.id(a.second) < g.id(b.second);
    });
    return out;
}

std::string pieces_text(const std::vector<std::size_t>& pieces) {
    std::string out;
    for (auto p : pieces) out += (out.empty() ? "" : " + ") + std::to_string(p);
    return out;
}

int run(const ResilienceOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    Graph g = load_checked(o.in, schema);
    const Selection selection = resolve_selection(g, schema, o.select);
    AnalysisView directed = AnalysisView::build(g, selection);
    AnalysisView undirected = AnalysisView::build(g, selection.with_direction(Direction::both));
    auto weak = weak_components(undirected);
    auto strong = strong_components(directed);
    CutStructure cuts = cut_structure(undirected);
    std::vector<EntityIndex> idom;
    EntityIndex root = 0;
    if (!o.root.empty()) {
        root = find_entity(g, o.root, "--root");
        idom = immediate_dominators(directed, root);
    }
    auto weak_sizes = sizes(weak, g), strong_sizes = sizes(strong, g);
    auto cut_off = [](const ArticulationPoint& ap) {
        std::size_t total = 0;
        for (std::size_t i = 1; i < ap.pieces.size(); ++i) total += ap.pieces[i];
        return total;
    };
    // Worst single points of failure first: most entities cut off from the largest part.
    auto aps = cuts.articulation_points;
    std::stable_sort(aps.begin(), aps.end(), [&](const auto& a, const auto& b) {
        if (cut_off(a) != cut_off(b)) return cut_off(a) > cut_off(b);
        return g.id(a.entity) < g.id(b.entity);
    });
    auto bridges = cuts.bridges;
    std::stable_sort(bridges.begin(), bridges.end(), [&](const Bridge& a, const Bridge& b) {
        auto ka = std::min(a.side_a, a.side_b), kb = std::min(b.side_a, b.side_b);
        if (ka != kb) return ka > kb;
        return std::make_pair(g.id(a.a), g.id(a.b)) < std::make_pair(g.id(b.a), g.id(b.b));
    });
    // Dominators: for each entity, how many reachable entities it dominates (all routes pass it).
    std::vector<std::size_t> dominated(g.entity_count(), 0);
    if (!idom.empty())
        for (EntityIndex v = 0; v < g.entity_count(); ++v)
            for (EntityIndex d = idom[v]; d < g.entity_count() && d != root; d = idom[d])
                ++dominated[d];

    TableFormat format = parse_table_format(o.format);
    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["parameters"] = {{"via", o.select.relation_types}, {"root", o.root}};
        auto comp_json = [&](const auto& list) {
            nlohmann::ordered_json a = nlohmann::ordered_json::array();
            for (auto [n, c] : list) a.push_back({{"size", n}, {"first", g.id(c)}});
            return a;
        };
        j["weak_components"] = comp_json(weak_sizes);
        j["strong_components"] = comp_json(strong_sizes);
        j["articulation_points"] = nlohmann::ordered_json::array();
        for (const auto& ap : aps)
            j["articulation_points"].push_back({{"id", g.id(ap.entity)},
                                                {"name", g.name(ap.entity)},
                                                {"type", g.entity_type_name(ap.entity)},
                                                {"pieces", ap.pieces},
                                                {"cut_off", cut_off(ap)}});
        j["bridges"] = nlohmann::ordered_json::array();
        for (const auto& br : bridges)
            j["bridges"].push_back({{"a", g.id(br.a)},
                                    {"b", g.id(br.b)},
                                    {"side_a", br.side_a},
                                    {"side_b", br.side_b}});
        if (!idom.empty()) {
            j["dominators"] = nlohmann::ordered_json::array();
            for (EntityIndex v = 0; v < g.entity_count(); ++v)
                if (idom[v] < g.entity_count())
                    j["dominators"].push_back({{"id", g.id(v)}, {"idom", g.id(idom[v])}});
        }
        out = json_text(j);
    } else {
        std::vector<Table> tables;
        Table summary;
        summary.title = "Components";
        summary.columns = {"kind", "count", "largest", "sizes"};
        summary.right_align = {false, true, true, false};
        auto size_list = [](const auto& list) {
            std::string s;
            for (std::size_t i = 0; i < list.size() && i < 10; ++i)
                s += (i ? ", " : "") + std::to_string(list[i].first);
            if (list.size() > 10) s += ", ...";
            return s;
        };
        summary.add_row({"weak", std::to_string(weak_sizes.size()),
                         std::to_string(weak_sizes.empty() ? 0 : weak_sizes[0].first),
                         size_list(weak_sizes)});
        summary.add_row({"strong", std::to_string(strong_sizes.size()),
                         std::to_string(strong_sizes.empty() ? 0 : strong_sizes[0].first),
                         size_list(strong_sizes)});
        tables.push_back(summary);
        Table ap_table;
        ap_table.title = "Single points of failure (articulation points; direction ignored)";
        ap_table.columns = {"id", "type", "cut off", "parts after removal"};
        ap_table.right_align = {false, false, true, false};
        for (const auto& ap : aps)
            ap_table.add_row({std::string(g.id(ap.entity)),
                              std::string(g.entity_type_name(ap.entity)),
                              std::to_string(cut_off(ap)), pieces_text(ap.pieces)});
        tables.push_back(ap_table);
        Table br_table;
        br_table.title = "Bridges (the only link between two parts)";
        br_table.columns = {"a", "b", "entities on a's side", "entities on b's side"};
        br_table.right_align = {false, false, true, true};
        for (const auto& br : bridges)
            br_table.add_row({std::string(g.id(br.a)), std::string(g.id(br.b)),
                              std::to_string(br.side_a), std::to_string(br.side_b)});
        tables.push_back(br_table);
        if (!idom.empty()) {
            Table dom;
            dom.title = fmt::format("Entities every route from {} must pass through", o.root);
            dom.columns = {"id", "type", "dominates"};
            dom.right_align = {false, false, true};
            std::vector<EntityIndex> order;
            for (EntityIndex v = 0; v < g.entity_count(); ++v)
                if (dominated[v] > 0) order.push_back(v);
            std::sort(order.begin(), order.end(), [&](EntityIndex a, EntityIndex b) {
                if (dominated[a] != dominated[b]) return dominated[a] > dominated[b];
                return g.id(a) < g.id(b);
            });
            for (EntityIndex v : order)
                dom.add_row({std::string(g.id(v)), std::string(g.entity_type_name(v)),
                             std::to_string(dominated[v])});
            tables.push_back(dom);
        }
        if (format == TableFormat::Csv) {
            // CSV: one table per kind would not parse as one file; list the findings instead.
            Table flat;
            flat.columns = {"finding", "id", "other", "value"};
            for (const auto& ap : aps)
                flat.add_row({"articulation_point", std::string(g.id(ap.entity)), "",
                              std::to_string(cut_off(ap))});
            for (const auto& br : bridges)
                flat.add_row({"bridge", std::string(g.id(br.a)), std::string(g.id(br.b)),
                              std::to_string(std::min(br.side_a, br.side_b))});
            for (EntityIndex v = 0; v < idom.size(); ++v)
                if (idom[v] < g.entity_count())
                    flat.add_row({"idom", std::string(g.id(v)), std::string(g.id(idom[v])), ""});
            out = render_csv(flat);
        } else {
            out = render_tables(tables, format);
        }
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_resilience(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ResilienceOptions>();
    CLI::App* cmd = app.add_subcommand(
        "resilience", "Components, single points of failure, bridges and dominators");
    add_input_options(*cmd, o->in);
    add_via_option(*cmd, o->select, "Use only relations of these types");
    cmd->add_option("--root", o->root,
                    "Also list the entities every route from ROOT must pass through")
        ->type_name("ID");
    add_format_option(*cmd, o->format);
    add_output_option(*cmd, o->output);
    cmd->callback([o, &ctx] { ctx.run = [o] { return run(*o); }; });
}

}  // namespace ecograph::cli
