#include "ecograph/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ecograph/analysis/betweenness.hpp"
#include "ecograph/analysis/brokerage.hpp"
#include "ecograph/analysis/centrality.hpp"
#include "ecograph/analysis/closeness.hpp"
#include "ecograph/analysis/degree.hpp"
#include "ecograph/analysis/grouping.hpp"
#include "ecograph/analysis/pagerank.hpp"
#include "ecograph/analysis/paths.hpp"
#include "ecograph/analysis/resilience.hpp"
#include "ecograph/analysis/view.hpp"
#include "ecograph/core/table.hpp"
#include "ecograph/io/attr_types.hpp"
#include "ecograph/render/render.hpp"
#include "ecograph/render/styled_dot.hpp"
#include "ecograph/render/view.hpp"

namespace ecograph {
namespace {

// Past these sizes the report draws a collapsed or trimmed view (dot would take minutes), and
// the O(nm) path measures are sampled or left out.
constexpr std::size_t kMaxDrawnEntities = 150;
constexpr std::size_t kMaxDrawnRelations = 400;
constexpr std::size_t kMaxExactPathMeasures = 20000;
constexpr std::size_t kMaxListedPerRegion = 50;

std::string md(std::string_view s) { return markdown_escape(s); }

std::string plural(std::size_t n, std::string_view word) {
    if (n == 1) return fmt::format("1 {}", word);
    if (word.ends_with('y')) return fmt::format("{} {}ies", n, word.substr(0, word.size() - 1));
    return fmt::format("{} {}s", n, word);
}

// A file-name-safe slug: lower-case letters and digits, other runs become one '-'.
std::string slug(std::string_view id) {
    std::string out;
    for (char c : id) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 128)
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "region" : out;
}

std::string svg(const Graph& g, const Schema& schema, const std::string& title,
                const std::string& cluster_by) {
    StyleOptions style;
    style.title = title;
    style.cluster_by = cluster_by;
    return render_dot(styled_dot(g, schema, style), "dot", "svg");
}

// A graph small enough to draw: the whole graph, or the view narrowed step by step.
Graph drawable(const Graph& g, const Schema& schema, DiagramView view) {
    const Selection all = Selection::all(g);
    Graph shown = apply_view(g, schema, all, view);
    if (shown.entity_count() <= kMaxDrawnEntities && shown.relation_count() <= kMaxDrawnRelations)
        return shown;
    view.top = kMaxDrawnEntities / 3;
    return apply_view(g, schema, all, view);
}

struct Measures {
    std::vector<double> degree, betweenness, harmonic, pagerank;
    bool betweenness_sampled = false;
    bool harmonic_computed = true;
};

struct Context {
    const Graph& g;
    const Schema& schema;
    const ReportOptions& options;
    std::string title;
    std::vector<EntityIndex> region_of;  // per entity: its one region, entity_count() for none
    std::vector<EntityIndex> regions;    // entities of type Region (or a subtype), by id
    std::map<EntityIndex, std::string> region_page;  // region -> "regions/<slug>.md"
    Bundle files;
};

std::string entity_name(const Graph& g, EntityIndex v) { return std::string(g.name(v)); }

std::string region_name(const Context& c, EntityIndex v) {
    EntityIndex r = c.region_of[v];
    return r < c.g.entity_count() ? entity_name(c.g, r) : "";
}

// "[India](regions/india.md)" from a page at `depth` folders below the bundle root.
std::string region_link(const Context& c, EntityIndex region, int depth = 0) {
    auto it = c.region_page.find(region);
    if (it == c.region_page.end()) return md(entity_name(c.g, region));
    std::string prefix;
    for (int i = 0; i < depth; ++i) prefix += "../";
    return fmt::format("[{}]({}{})", md(entity_name(c.g, region)), prefix, it->second);
}

Measures compute_measures(const Graph& g) {
    Measures m;
    const Selection all = Selection::all(g);
    AnalysisView undirected = AnalysisView::build(g, all.with_direction(Direction::both));
    AnalysisView directed = AnalysisView::build(g, all);
    m.degree = degree_centrality(g, DegreeMode::Total, all, false);
    if (g.entity_count() <= kMaxExactPathMeasures) {
        m.betweenness = betweenness(undirected, true, false).vertex;
        m.harmonic = harmonic(undirected, true);
    } else {
        m.betweenness = approx_betweenness(undirected, true, {}).vertex;
        m.betweenness_sampled = true;
        m.harmonic_computed = false;
    }
    m.pagerank = pagerank(directed);
    return m;
}

Table ranking(const Context& c, const std::vector<double>& values, int precision) {
    Table t;
    t.columns = {"rank", "entity", "type", "region", "value"};
    t.right_align = {true, false, false, false, true};
    std::size_t rank = 0;
    for (EntityIndex v : rank_entities(c.g, values, c.schema, {}, c.options.top)) {
        if (values[v] <= 0) break;
        t.add_row({std::to_string(++rank), entity_name(c.g, v),
                   std::string(c.g.entity_type_name(v)), region_name(c, v),
                   format_number(values[v], precision)});
    }
    return t;
}

void overview_page(Context& c, const std::vector<std::string>& pages) {
    const Graph& g = c.g;
    std::string page = fmt::format("# {}\n\n", md(c.title));
    std::string sources;
    // File names only: the same graph gives the same page wherever it is built.
    for (const auto& s : c.options.sources)
        sources +=
            (sources.empty() ? "`" : ", `") + std::filesystem::path(s).filename().string() + "`";
    page += fmt::format("The partner ecosystem in {}: {} and {}.\n\n",
                        sources.empty() ? "the input" : sources, plural(g.entity_count(), "entity"),
                        plural(g.relation_count(), "relation"));

    DiagramView view;
    const bool whole =
        g.entity_count() <= kMaxDrawnEntities && g.relation_count() <= kMaxDrawnRelations;
    if (!whole) view.collapse = "type";
    Graph shown = apply_view(g, c.schema, Selection::all(g), view);
    c.files["img/overview.svg"] =
        svg(shown, c.schema, c.title, whole && !c.regions.empty() ? "region" : "");
    page += whole ? "![Diagram of the whole ecosystem, grouped by region](img/overview.svg)\n\n"
                  : "![Diagram of the ecosystem with one box per entity type and the number of "
                    "relations between types](img/overview.svg)\n\n";
    if (!whole)
        page += fmt::format(
            "The ecosystem is too large to draw entity by entity ({}); the diagram shows one "
            "box per type.\n\n",
            plural(g.entity_count(), "entity"));

    std::map<std::string, std::size_t> by_type, by_relation;
    for (EntityIndex v = 0; v < g.entity_count(); ++v)
        ++by_type[std::string(g.entity_type_name(v))];
    for (RelationIndex r = 0; r < g.relation_count(); ++r)
        ++by_relation[std::string(g.relation_type_name(r))];
    Table types{"Entities by type", {"type", "entities"}, {}, {false, true}};
    for (const auto& [t, n] : by_type)
        types.add_row({t.empty() ? "(untyped)" : t, std::to_string(n)});
    Table relations{"Relations by type", {"type", "relations"}, {}, {false, true}};
    for (const auto& [t, n] : by_relation)
        relations.add_row({t.empty() ? "(untyped)" : t, std::to_string(n)});
    page += "## Contents\n\n";
    for (const auto& p : pages) page += p;
    page += "\n## Entities and relations\n\n";
    page += render_markdown(types) + "\n" + render_markdown(relations) + "\n";
    page +=
        "## Data\n\n"
        "- [entities.csv](data/entities.csv): every entity with its type, region and "
        "centrality values\n"
        "- [report.json](data/report.json): the figures of every page, for scripts\n";
    c.files["index.md"] = page;
}

std::string centrality_page(Context& c, const Measures& m) {
    std::string page = "# Most central entities\n\n";
    page += fmt::format(
        "The {} highest-scoring entities for each measure (entities scoring 0 are left out). "
        "Betweenness and harmonic closeness treat relations as connections either way; "
        "PageRank follows their direction. The definitions are in ecograph's "
        "documentation (`docs/centrality.md`).\n\n",
        c.options.top);
    auto section = [&](const std::string& title, const std::string& what,
                       const std::vector<double>& values, int precision) {
        page += fmt::format("## {}\n\n{}\n\n", title, what);
        Table t = ranking(c, values, precision);
        page += t.rows.empty() ? "No entity scores above 0.\n\n" : render_markdown(t) + "\n";
    };
    section("Degree", "How many relations an entity has, in either direction.", m.degree, 0);
    section("Betweenness",
            m.betweenness_sampled
                ? "How often an entity lies on the shortest routes between others (normalised; "
                  "estimated from sampled routes, within 0.01 with probability 0.9)."
                : "How often an entity lies on the shortest routes between others (normalised "
                  "to 0..1).",
            m.betweenness, 4);
    if (m.harmonic_computed)
        section("Harmonic closeness",
                "How near an entity is to all others: the mean of 1/distance (0..1).", m.harmonic,
                4);
    section("PageRank",
            "How much of a random walk along the relations ends at an entity (damping 0.85).",
            m.pagerank, 4);
    return page;
}

// A region group's name ("india") as its entity's display name; "" for the no-region group.
std::string group_display_name(const Graph& g, const std::string& group) {
    if (auto v = g.find(group)) return entity_name(g, *v);
    return group == "(none)" ? "" : group;
}

// Brokers between regions; empty when fewer than two regions are in use.
std::string brokerage_page(Context& c, nlohmann::ordered_json& data) {
    Grouping groups = group_entities(c.g, c.schema, "region");
    std::size_t used = 0;
    for (const auto& n : groups.names) used += n != "(none)";
    if (used < 2) return {};
    BrokerageResult b = brokerage(AnalysisView::build(c.g), groups);
    std::vector<EntityIndex> order(c.g.entity_count());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](EntityIndex x, EntityIndex y) {
        if (b.raw[x][Total] != b.raw[y][Total]) return b.raw[x][Total] > b.raw[y][Total];
        return c.g.id(x) < c.g.id(y);
    });
    Table t;
    t.columns = {"entity",         "type",       "region",  "coordinator", "itinerant",
                 "representative", "gatekeeper", "liaison", "total"};
    t.right_align = {false, false, false, true, true, true, true, true, true};
    for (EntityIndex v : order) {
        if (b.raw[v][Total] <= 0 || t.rows.size() >= c.options.top) break;
        std::vector<std::string> row{entity_name(c.g, v), std::string(c.g.entity_type_name(v)),
                                     group_display_name(c.g, groups.names[groups.group[v]])};
        for (std::size_t role = 0; role <= Total; ++role)
            row.push_back(format_number(b.raw[v][role], 0));
        t.add_row(row);
        nlohmann::ordered_json entry{{"id", c.g.id(v)}};
        for (std::size_t role = 0; role <= Total; ++role)  // counts: whole numbers
            entry[kRoleNames[role]] = static_cast<std::uint64_t>(b.raw[v][role]);
        data["brokers"].push_back(entry);
    }
    if (t.rows.empty()) return {};
    std::string page = "# Brokers between regions\n\n";
    page +=
        "An entity brokers when it links two others that are not linked directly (a route "
        "a → broker → b). Grouping entities by region (where they are located, else where they "
        "operate), Gould and Fernandez name the broker's role by where the three stand:\n\n"
        "- **coordinator**: all three in one region;\n"
        "- **itinerant**: a and b in one region, the broker in another;\n"
        "- **representative**: the broker in a's region, passing on to another;\n"
        "- **gatekeeper**: the broker in b's region, letting others in;\n"
        "- **liaison**: three different regions.\n\n";
    page += fmt::format("The {} entities that broker most, by total count:\n\n", t.rows.size());
    page += render_markdown(t) + "\n";
    return page;
}

// Who reaches each region, following relation directions; also fills the region pages' lists.
std::string reachability_page(Context& c, std::map<EntityIndex, Table>& reached_by,
                              nlohmann::ordered_json& data) {
    if (c.regions.empty()) return {};
    Table summary;
    summary.columns = {"region", "entities reaching it", "companies reaching it",
                       "nearest companies"};
    summary.right_align = {false, true, true, false};
    for (EntityIndex region : c.regions) {
        ReachResult r = reach(c.g, region, Selection::all(c.g).with_direction(Direction::reverse));
        std::vector<EntityIndex> reaching, companies;
        for (EntityIndex v = 0; v < c.g.entity_count(); ++v) {
            if (v == region || r.distance[v] < 0) continue;
            reaching.push_back(v);
            if (c.schema.is_a(c.g.entity_type_name(v), "Company")) companies.push_back(v);
        }
        auto nearer = [&](EntityIndex a, EntityIndex b) {
            return std::make_pair(r.distance[a], c.g.id(a)) <
                   std::make_pair(r.distance[b], c.g.id(b));
        };
        std::sort(reaching.begin(), reaching.end(), nearer);
        std::sort(companies.begin(), companies.end(), nearer);
        std::string nearest;
        for (std::size_t i = 0; i < companies.size() && i < 5; ++i)
            nearest += (i ? ", " : "") + entity_name(c.g, companies[i]) +
                       fmt::format(" ({})", r.distance[companies[i]]);
        summary.add_row({entity_name(c.g, region), std::to_string(reaching.size()),
                         std::to_string(companies.size()), nearest});
        Table& list = reached_by[region];
        list.columns = {"entity", "type", "hops", "route"};
        list.right_align = {false, false, true, false};
        nlohmann::ordered_json entry{{"region", c.g.id(region)},
                                     {"reached_by", reaching.size()},
                                     {"companies", nlohmann::ordered_json::array()}};
        for (EntityIndex v : companies) entry["companies"].push_back(c.g.id(v));
        data["reachability"].push_back(entry);
        for (std::size_t i = 0; i < reaching.size() && i < kMaxListedPerRegion; ++i) {
            EntityIndex v = reaching[i];
            list.add_row({entity_name(c.g, v), std::string(c.g.entity_type_name(v)),
                          std::to_string(r.distance[v]),
                          route_text(c.g, v, reading_witness(r, c.g, v, true))});
        }
    }
    std::string page = "# Reachability of regions\n\n";
    page +=
        "Which entities can reach each region by following relations in their direction (a "
        "partner that operates in a country, a data centre located in it, a company whose "
        "partner operates there). The number after a company is how many relations away it "
        "is. Each region's page lists the routes.\n\n";
    page += render_markdown(summary) + "\n";
    std::string links;
    for (EntityIndex r : c.regions) links += (links.empty() ? "" : ", ") + region_link(c, r);
    page += "Region pages: " + links + ".\n";
    return page;
}

std::string resilience_page(Context& c, nlohmann::ordered_json& data) {
    AnalysisView undirected =
        AnalysisView::build(c.g, Selection::all(c.g).with_direction(Direction::both));
    auto component = weak_components(undirected);
    std::map<std::uint32_t, std::size_t> sizes;
    for (auto k : component) ++sizes[k];
    CutStructure cuts = cut_structure(undirected);
    std::string page = "# Single points of failure\n\n";
    page += fmt::format(
        "Treating relations as connections either way, the ecosystem {}{}. A single point of "
        "failure is an entity (or a relation) whose loss splits the rest apart.\n\n",
        sizes.size() == 1 ? "is all one connected part"
                          : fmt::format("falls into {} connected parts", sizes.size()),
        sizes.size() > 1
            ? fmt::format(" (the largest holds {} of {} entities)",
                          std::max_element(sizes.begin(), sizes.end(),
                                           [](auto& a, auto& b) { return a.second < b.second; })
                              ->second,
                          c.g.entity_count())
            : "");
    std::vector<ArticulationPoint> points = cuts.articulation_points;
    std::sort(points.begin(), points.end(), [&](const auto& a, const auto& b) {
        std::size_t cut_a = a.pieces.size() > 1 ? a.pieces[1] : 0,
                    cut_b = b.pieces.size() > 1 ? b.pieces[1] : 0;
        if (cut_a != cut_b) return cut_a > cut_b;
        return c.g.id(a.entity) < c.g.id(b.entity);
    });
    page += "## Entities\n\n";
    if (points.empty()) {
        page += "No single entity's loss splits the ecosystem.\n\n";
    } else {
        Table t;
        t.columns = {"entity", "type", "parts left", "sizes of the parts"};
        t.right_align = {false, false, true, false};
        for (const auto& p : points) {
            std::string parts;
            for (std::size_t i = 0; i < p.pieces.size(); ++i)
                parts += (i ? ", " : "") + std::to_string(p.pieces[i]);
            t.add_row({entity_name(c.g, p.entity), std::string(c.g.entity_type_name(p.entity)),
                       std::to_string(p.pieces.size()), parts});
            data["articulation_points"].push_back({{"id", c.g.id(p.entity)}, {"pieces", p.pieces}});
        }
        page += fmt::format(
            "Removing any of these {} cuts the ecosystem into the parts listed (sizes in "
            "entities, largest first), ordered by the size of the part cut off.\n\n",
            plural(points.size(), "entity"));
        page += render_markdown(t) + "\n";
    }
    page += "## Relations\n\n";
    if (cuts.bridges.empty()) {
        page += "No single relation's loss splits the ecosystem.\n";
    } else {
        std::vector<Bridge> bridges = cuts.bridges;
        std::sort(bridges.begin(), bridges.end(), [&](const Bridge& a, const Bridge& b) {
            auto key = [&](const Bridge& x) {
                return std::make_tuple(std::min(x.side_a, x.side_b), c.g.id(x.a), c.g.id(x.b));
            };
            auto ka = key(a), kb = key(b);
            if (std::get<0>(ka) != std::get<0>(kb)) return std::get<0>(ka) > std::get<0>(kb);
            return ka < kb;
        });
        Table t;
        t.columns = {"between", "and", "entities cut off", "entities remaining"};
        t.right_align = {false, false, true, true};
        for (const auto& b : bridges) {
            t.add_row({entity_name(c.g, b.a), entity_name(c.g, b.b),
                       std::to_string(std::min(b.side_a, b.side_b)),
                       std::to_string(std::max(b.side_a, b.side_b))});
            data["bridges"].push_back({{"a", c.g.id(b.a)},
                                       {"b", c.g.id(b.b)},
                                       {"side_a", b.side_a},
                                       {"side_b", b.side_b}});
        }
        page += fmt::format(
            "Each of these {} is the only link between two parts of the ecosystem, the larger "
            "cut-offs first.\n\n",
            bridges.size() == 1 ? "relation" : fmt::format("{} relations", bridges.size()));
        page += render_markdown(t);
    }
    return page;
}

void region_pages(Context& c, std::map<EntityIndex, Table>& reached_by) {
    for (EntityIndex region : c.regions) {
        const std::string& path = c.region_page[region];
        std::string name = entity_name(c.g, region);
        std::string image = "region-" + path.substr(8, path.size() - 11) + ".svg";
        DiagramView view;
        view.focus = std::string(c.g.id(region));
        view.hops = 1;
        c.files["img/" + image] =
            svg(drawable(c.g, c.schema, view), c.schema, name + " and its neighbours", "");
        std::string page = fmt::format("# {}\n\n", md(name));
        page +=
            fmt::format("![{} and the entities one relation away](../img/{})\n\n", md(name), image);
        // Entities tied to the region by a relation into it: located there, operating or
        // serving there, or a region that is part of it.
        std::map<std::string, std::pair<std::string, std::set<std::string>>> here;
        for (RelationIndex rel : c.g.in_relations(region)) {
            EntityIndex v = c.g.source(rel);
            if (v == region) continue;
            auto& [type, how] = here[std::string(c.g.id(v))];
            type = c.g.entity_type_name(v);
            how.insert(std::string(c.g.relation_type_name(rel)));
        }
        Table located;
        located.columns = {"entity", "type", "relation"};
        for (const auto& [id, entry] : here) {
            std::string how;
            for (const auto& h : entry.second) how += (how.empty() ? "" : ", ") + h;
            located.add_row({entity_name(c.g, *c.g.find(id)), entry.first, how});
        }
        page += "## Tied to it directly\n\n";
        page += located.rows.empty() ? "No relation leads into it.\n\n"
                                     : render_markdown(located) + "\n";
        page += "## Who reaches it\n\n";
        Table& list = reached_by[region];
        if (list.rows.empty()) {
            page += "No entity reaches it through relations.\n";
        } else {
            page += fmt::format(
                "Entities that reach {} by following relations, nearest first, each with one "
                "shortest route{}:\n\n",
                md(name),
                list.rows.size() == kMaxListedPerRegion
                    ? fmt::format(" (the first {})", kMaxListedPerRegion)
                    : "");
            page += render_markdown(list);
        }
        c.files[path] = page;
    }
}

}  // namespace

Bundle build_report(const Graph& g, const Schema& schema, const ReportOptions& options) {
    Context c{g, schema, options, {}, region_of(g, schema, true), {}, {}, {}};
    c.title = !options.title.empty()    ? options.title
              : !g.title().empty()      ? g.title()
              : !g.graph_name().empty() ? g.graph_name()
                                        : "Partner ecosystem";
    std::set<std::string> slugs;
    for (EntityIndex v : entities_by_id(g)) {
        if (!schema.is_a(g.entity_type_name(v), "Region")) continue;
        c.regions.push_back(v);
        std::string base = slug(g.id(v)), name = base;
        for (int k = 2; !slugs.insert(name).second; ++k) name = fmt::format("{}-{}", base, k);
        c.region_page[v] = "regions/" + name + ".md";
    }

    nlohmann::ordered_json data{
        {"title", c.title}, {"entities", g.entity_count()}, {"relations", g.relation_count()}};
    Measures m = compute_measures(g);
    std::vector<std::string> contents;
    c.files["centrality.md"] = centrality_page(c, m);
    contents.push_back("- [Most central entities](centrality.md)\n");
    if (std::string page = brokerage_page(c, data); !page.empty()) {
        c.files["brokerage.md"] = page;
        contents.push_back("- [Brokers between regions](brokerage.md)\n");
    }
    std::map<EntityIndex, Table> reached_by;
    if (std::string page = reachability_page(c, reached_by, data); !page.empty()) {
        c.files["reachability.md"] = page;
        contents.push_back("- [Reachability of regions](reachability.md)\n");
    }
    c.files["resilience.md"] = resilience_page(c, data);
    contents.push_back("- [Single points of failure](resilience.md)\n");
    if (!c.regions.empty()) {
        region_pages(c, reached_by);
        std::string links;
        for (EntityIndex r : c.regions) links += (links.empty() ? "" : ", ") + region_link(c, r);
        contents.push_back("- Regions: " + links + "\n");
    }
    overview_page(c, contents);
    for (auto& [path, content] : c.files) {
        if (path == "index.md" || !path.ends_with(".md")) continue;
        content += fmt::format("\n[Back to the overview]({}index.md)\n",
                               path.starts_with("regions/") ? "../" : "");
    }

    // Every entity with the values behind the pages.
    Table entities;
    entities.columns = {"id", "name", "type", "region", "degree", "betweenness", "pagerank"};
    if (m.harmonic_computed) entities.columns.push_back("harmonic");
    for (EntityIndex v : entities_by_id(g)) {
        EntityIndex r = c.region_of[v];
        std::vector<std::string> row{std::string(g.id(v)),
                                     entity_name(g, v),
                                     std::string(g.entity_type_name(v)),
                                     r < g.entity_count() ? std::string(g.id(r)) : "",
                                     format_number(m.degree[v], 0),
                                     format_number(m.betweenness[v], 9),
                                     format_number(m.pagerank[v], 9)};
        if (m.harmonic_computed) row.push_back(format_number(m.harmonic[v], 9));
        entities.add_row(row);
    }
    c.files["data/entities.csv"] = render_csv(entities);
    c.files["data/report.json"] =
        data.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    return std::move(c.files);
}

}  // namespace ecograph
