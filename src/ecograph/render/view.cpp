#include "ecograph/render/view.hpp"

#include <map>

#include <fmt/format.h>

#include "ecograph/analysis/betweenness.hpp"
#include "ecograph/analysis/centrality.hpp"
#include "ecograph/analysis/degree.hpp"
#include "ecograph/analysis/grouping.hpp"
#include "ecograph/analysis/pagerank.hpp"
#include "ecograph/analysis/paths.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/spellcheck.hpp"
#include "ecograph/model/subgraph.hpp"

namespace ecograph {

std::vector<double> view_measure(const Graph& g, const std::string& measure) {
    const Selection all = Selection::all(g);
    if (measure == "degree") return degree_centrality(g, DegreeMode::Total, all);
    if (measure == "pagerank") return pagerank(AnalysisView::build(g, all));
    if (measure == "betweenness")
        return betweenness(AnalysisView::build(g, all.with_direction(Direction::both)), false,
                           false)
            .vertex;
    throw Error(
        fmt::format("unknown measure '{}' for a view; expected degree, pagerank or betweenness",
                    measure),
        ExitStatus::Usage);
}

namespace {

Graph finish(Graph filtered, const Schema& schema, const DiagramView& v);

Graph collapse(const Graph& g, const Schema& schema, const std::string& key) {
    Grouping groups = group_entities(g, schema, key);
    std::vector<std::size_t> size(groups.names.size(), 0);
    for (auto gr : groups.group) ++size[gr];
    GraphBuilder b;
    for (const auto& f : g.files()) b.add_file(f);
    b.set_directed(g.directed());
    b.set_name(g.graph_name());
    b.set_title(g.title());
    std::vector<EntityIndex> node(groups.names.size());
    for (std::size_t i = 0; i < groups.names.size(); ++i) {
        node[i] = b.entity(groups.names[i], {});
        // A group of entity types keeps its type (and so its colour); regions are Regions.
        std::string type = key == "type" ? groups.names[i] : key == "region" ? "Region" : "";
        if (key == "region" && groups.names[i] == "(none)") type = "";
        if (!type.empty() && type != "(none)") b.set_entity_type(node[i], type);
        std::string label = groups.names[i];
        if (key == "region" && groups.names[i] != "(none)")
            if (auto v = g.find(groups.names[i])) label = std::string(g.name(*v));
        b.set_entity_attr(node[i], "label", fmt::format("{} ({})", label, size[i]));
        b.set_entity_attr(node[i], "count", std::to_string(size[i]));
    }
    // One relation per (group, group, type) with the number of relations it stands for.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::string>, std::size_t> merged;
    for (RelationIndex r = 0; r < g.relation_count(); ++r)
        ++merged[{groups.group[g.source(r)], groups.group[g.target(r)],
                  std::string(g.relation_type_name(r))}];
    for (const auto& [k, count] : merged) {
        auto [a, c, type] = k;
        if (a == c) continue;  // relations inside a group are summarised by its count
        RelationIndex r = b.add_relation(node[a], node[c], type, {});
        b.set_relation_attr(r, "count", std::to_string(count));
    }
    return std::move(b).build();
}

}  // namespace

Graph apply_view(const Graph& g, const Schema& schema, const Selection& sel, const DiagramView& v) {
    std::vector<bool> keep_rel(g.relation_count()), keep(g.entity_count());
    for (RelationIndex r = 0; r < g.relation_count(); ++r) keep_rel[r] = sel.keeps_type(g, r);
    for (EntityIndex e = 0; e < g.entity_count(); ++e) keep[e] = sel.keeps_entity(e);
    if (!v.focus.empty()) {
        auto centre = g.find(v.focus);
        if (!centre) {
            std::string hint = did_you_mean(v.focus, g.ids());
            throw Error(
                fmt::format("--focus: no entity '{}'{}", v.focus, hint.empty() ? "" : "; " + hint));
        }
        // Walk only through what the selection keeps: the view's own relations.
        keep[*centre] = true;
        Graph typed = induced_subgraph(g, keep, keep_rel);
        ReachResult r = reach(typed, *typed.find(v.focus),
                              Selection::all(typed).with_direction(Direction::both), v.hops);
        std::vector<bool> near(typed.entity_count());
        for (EntityIndex e = 0; e < typed.entity_count(); ++e) near[e] = r.distance[e] >= 0;
        return finish(
            induced_subgraph(typed, near, std::vector<bool>(typed.relation_count(), true)), schema,
            v);
    }
    return finish(induced_subgraph(g, keep, keep_rel), schema, v);
}

namespace {

// The steps after the entity filters: --top, then --collapse.
Graph finish(Graph filtered, const Schema& schema, const DiagramView& v) {
    if (v.top > 0 && v.top < filtered.entity_count()) {
        auto values = view_measure(filtered, v.top_by);
        auto best = rank_entities(filtered, values, schema, {}, v.top);
        std::vector<bool> top(filtered.entity_count(), false);
        for (EntityIndex e : best) top[e] = true;
        filtered =
            induced_subgraph(filtered, top, std::vector<bool>(filtered.relation_count(), true));
    }
    if (!v.collapse.empty()) return collapse(filtered, schema, v.collapse);
    return filtered;
}

}  // namespace

}  // namespace ecograph
