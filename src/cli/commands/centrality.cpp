#include "ecograph/analysis/centrality.hpp"

#include <cstdio>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/analysis/betweenness.hpp"
#include "ecograph/analysis/closeness.hpp"
#include "ecograph/analysis/degree.hpp"
#include "ecograph/analysis/eigenvector.hpp"
#include "ecograph/analysis/kcore.hpp"
#include "ecograph/analysis/pagerank.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/progress.hpp"
#include "ecograph/core/spellcheck.hpp"
#include "ecograph/core/timing.hpp"

namespace ecograph::cli {
namespace {

struct CentralityOptions {
    InputOptions in;
    std::string measure;
    std::string mode = "total";
    bool undirected = false;
    bool normalized = false;
    bool edges = false;
    bool no_wf_improved = false;
    double damping = 0.85;
    double tolerance = 1e-10;
    std::vector<std::string> personalize;
    double alpha = 0.1;
    double beta = 1.0;
    bool approx = false;
    double epsilon = 0.01;
    double delta = 0.1;
    std::uint64_t seed = 1;
    SelectionSpec select;  // --via, --weight; the direction comes from --undirected
    std::vector<std::string> types;
    std::size_t top = 0;
    std::string format;
    std::string output;
};

// What each measure computes, stated in the output (JSON "convention") and in docs/centrality.md.
std::string convention(const CentralityOptions& o, bool directed) {
    const std::string dir = directed ? "directed" : "undirected";
    if (o.measure == "degree")
        return fmt::format(
            "{} degree on the multigraph: every relation counts (a self-loop in and "
            "out){}{}",
            directed ? o.mode : "total",
            o.select.weight.empty() ? "" : "; strength: sum of '" + o.select.weight + "'",
            o.normalized ? "; divided by n-1" : "");
    if (o.measure == "betweenness" && o.approx)
        return fmt::format(
            "betweenness estimated from sampled shortest paths (Riondato-Kornaropoulos, epsilon "
            "{}, delta {}, seed {}) on the {} simple graph; {}",
            o.epsilon, o.delta, o.seed, dir, o.normalized ? "normalized as NetworkX" : "raw scale");
    if (o.measure == "betweenness")
        return fmt::format(
            "Brandes betweenness on the {} simple graph (parallel relations once, "
            "self-loops ignored){}; {}",
            dir,
            o.select.weight.empty()
                ? ""
                : ", '" + o.select.weight + "' as length (minimum over parallel relations)",
            o.normalized ? (directed ? "normalized by 1/((n-1)(n-2)) as NetworkX"
                                     : "normalized by 2/((n-1)(n-2)) as NetworkX")
                         : (directed ? "raw: ordered pairs" : "raw: unordered pairs"));
    if (o.measure == "closeness")
        return fmt::format(
            "closeness over outgoing {} distances: r / sum of distances to the r "
            "entities reached{}; 0 when none is reached",
            dir, o.no_wf_improved ? "" : ", times r/(n-1) (Wasserman-Faust, NetworkX's default)");
    if (o.measure == "harmonic")
        return fmt::format("harmonic centrality over outgoing {} distances: sum of 1/d{}", dir,
                           o.normalized ? ", divided by n-1" : "");
    if (o.measure == "pagerank")
        return fmt::format(
            "PageRank, damping {}, parallel relations add up{}; dangling entities "
            "teleport{}",
            o.damping, o.select.weight.empty() ? "" : ", weighted by '" + o.select.weight + "'",
            o.personalize.empty() ? " uniformly" : " to the personalisation set");
    if (o.measure == "eigenvector")
        return fmt::format(
            "eigenvector centrality from incoming arcs on the simple graph{}, "
            "largest value 1",
            o.select.weight.empty() ? ""
                                    : ", arcs weighted by the sum of '" + o.select.weight + "'");
    if (o.measure == "katz")
        return fmt::format(
            "Katz centrality x = {} A^T x + {} on the simple graph{}, unit length", o.alpha, o.beta,
            o.select.weight.empty() ? ""
                                    : ", arcs weighted by the sum of '" + o.select.weight + "'");
    return "core number on the undirected simple graph (self-loops ignored)";
}

RunControl make_control(const CentralityOptions& o) {
    RunControl control;
    control.threads = o.in.threads;
    control.cancel = &interrupt_flag();
    if (::isatty(STDERR_FILENO)) {
        // Exact betweenness is the one measure that runs for minutes; its estimate is the way out.
        const bool slow = o.measure == "betweenness" && !o.approx && !o.edges;
        auto meter = std::make_shared<ProgressMeter>(
            o.measure, slow ? "try --approx: an estimate within 0.01, far sooner" : "");
        control.progress = [meter](std::size_t done, std::size_t total) {
            const std::string line = meter->update(done, total);
            if (line.empty()) return;
            std::fprintf(stderr, "\r\033[K%s%s", line.c_str(), done >= total ? "\r\033[K" : "");
            std::fflush(stderr);
        };
    }
    return control;
}

std::string value_text(double v, TableFormat format) {
    return format == TableFormat::Csv ? fmt::format("{}", v) : format_number(v, 6);
}

int run(const CentralityOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    Graph g = load_checked(o.in, schema);
    TableFormat format = parse_table_format(o.format);
    if (o.edges && o.measure != "betweenness")
        throw Error("--edges applies to --measure betweenness only", ExitStatus::Usage);
    if (o.edges && !o.types.empty())
        throw Error("--types ranks entities; it does not apply to --edges", ExitStatus::Usage);
    if (o.normalized && o.measure != "degree" && o.measure != "betweenness" &&
        o.measure != "harmonic")
        throw Error(
            fmt::format("--normalized applies to degree, betweenness and harmonic; {} has a "
                        "fixed scale (see docs/centrality.md)",
                        o.measure),
            ExitStatus::Usage);
    SelectionSpec spec = o.select;
    spec.direction = direction_of(o.undirected);
    Selection view = resolve_selection(g, schema, spec);
    RunControl control = make_control(o);

    std::vector<double> values;
    std::vector<EdgeScore> edge_scores;
    nlohmann::ordered_json approx_info;
    bool directed = g.directed() && !o.undirected;
    if (o.measure == "degree") {
        DegreeMode mode = o.mode == "in"    ? DegreeMode::In
                          : o.mode == "out" ? DegreeMode::Out
                                            : DegreeMode::Total;
        values = degree_centrality(g, mode, view, o.normalized);
    } else if (o.measure == "betweenness" && o.approx) {
        if (o.edges)
            throw Error("--approx estimates entity betweenness only, not --edges",
                        ExitStatus::Usage);
        auto r = approx_betweenness(AnalysisView::build(g, view, true), o.normalized,
                                    {o.epsilon, o.delta, o.seed}, control);
        values = std::move(r.vertex);
        approx_info = {
            {"samples", r.samples},
            {"vertex_diameter_bound", r.diameter_bound},
            {"guarantee", fmt::format("with probability {} every value divided by n(n-1) "
                                      "(ordered pairs) is within {} of the exact one",
                                      1 - o.delta, o.epsilon)}};
    } else if (o.measure == "betweenness") {
        auto r = betweenness(AnalysisView::build(g, view, true), o.normalized, o.edges, control);
        values = std::move(r.vertex);
        edge_scores = std::move(r.edges);
    } else if (o.measure == "closeness") {
        values = closeness(AnalysisView::build(g, view, true), !o.no_wf_improved, control);
    } else if (o.measure == "harmonic") {
        values = harmonic(AnalysisView::build(g, view, true), o.normalized, control);
    } else if (o.measure == "pagerank") {
        PageRankOptions p;
        p.damping = o.damping;
        p.tolerance = o.tolerance;
        for (const auto& id : o.personalize) {
            auto v = g.find(id);
            if (!v) {
                std::string hint = did_you_mean(id, g.ids());
                throw Error(fmt::format("--personalize: no entity '{}'{}", id,
                                        hint.empty() ? "" : "; " + hint));
            }
            if (std::find(p.personalize.begin(), p.personalize.end(), *v) == p.personalize.end())
                p.personalize.push_back(*v);
        }
        values = pagerank(AnalysisView::build(g, view, false, ViewSides::in_only), p, control);
    } else if (o.measure == "eigenvector") {
        values = eigenvector_centrality(AnalysisView::build(g, view, false, ViewSides::in_only));
    } else if (o.measure == "katz") {
        values = katz_centrality(AnalysisView::build(g, view, false, ViewSides::in_only), o.alpha,
                                 o.beta);
    } else {
        values = core_number(AnalysisView::build(g, view.with_direction(Direction::both)));
        directed = false;
    }
    timing_mark("computed " + o.measure);
    auto ranked = rank_entities(g, values, schema, o.types, o.top);
    if (o.edges) {  // highest first, ties by ids
        std::sort(edge_scores.begin(), edge_scores.end(),
                  [&](const EdgeScore& a, const EdgeScore& b) {
                      if (a.value != b.value) return a.value > b.value;
                      return std::make_pair(g.id(a.source), g.id(a.target)) <
                             std::make_pair(g.id(b.source), g.id(b.target));
                  });
        if (o.top > 0 && edge_scores.size() > o.top) edge_scores.resize(o.top);
    }

    std::string out;
    if (format == TableFormat::Json) {
        nlohmann::ordered_json j;
        j["measure"] = o.edges ? "edge_betweenness" : o.measure;
        nlohmann::ordered_json params;
        params["directed"] = directed;
        params["normalized"] = o.normalized;
        params["weight"] = o.select.weight.empty() ? nlohmann::ordered_json()
                                                   : nlohmann::ordered_json(o.select.weight);
        params["via"] = o.select.relation_types;
        params["types"] = o.types;
        params["top"] = o.top;
        if (o.measure == "degree") params["mode"] = directed ? o.mode : "total";
        if (o.measure == "closeness") params["wf_improved"] = !o.no_wf_improved;
        if (o.measure == "pagerank") {
            params["damping"] = o.damping;
            params["tolerance"] = o.tolerance;
            params["personalize"] = o.personalize;
        }
        if (o.approx) {
            params["approx"] = true;
            params["epsilon"] = o.epsilon;
            params["delta"] = o.delta;
            params["seed"] = o.seed;
        }
        if (o.measure == "katz") {
            params["alpha"] = o.alpha;
            params["beta"] = o.beta;
        }
        j["parameters"] = params;
        j["convention"] = convention(o, directed);
        if (!approx_info.is_null()) j["approximation"] = approx_info;
        j["graph"] = {{"files", o.in.files},
                      {"entities", g.entity_count()},
                      {"relations", g.relation_count()}};
        j["results"] = nlohmann::ordered_json::array();
        std::size_t rank = 0;
        if (o.edges) {
            for (const auto& e : edge_scores)
                j["results"].push_back({{"rank", ++rank},
                                        {"source", g.id(e.source)},
                                        {"target", g.id(e.target)},
                                        {"source_name", g.name(e.source)},
                                        {"target_name", g.name(e.target)},
                                        {"value", e.value}});
        } else {
            for (EntityIndex v : ranked)
                j["results"].push_back({{"rank", ++rank},
                                        {"id", g.id(v)},
                                        {"name", g.name(v)},
                                        {"type", g.entity_type_name(v)},
                                        {"value", values[v]}});
        }
        out = json_text(j);
    } else {
        Table t;
        t.title = fmt::format("{} ({})", o.edges ? "edge betweenness" : o.measure,
                              convention(o, directed));
        std::size_t rank = 0;
        if (o.edges) {
            t.columns = {"rank", "source", "target", "value"};
            t.right_align = {true, false, false, true};
            for (const auto& e : edge_scores)
                t.add_row({std::to_string(++rank), std::string(g.id(e.source)),
                           std::string(g.id(e.target)), value_text(e.value, format)});
        } else {
            t.columns = {"rank", "id", "name", "type", "value"};
            t.right_align = {true, false, false, false, true};
            for (EntityIndex v : ranked)
                t.add_row({std::to_string(++rank), std::string(g.id(v)), std::string(g.name(v)),
                           std::string(g.entity_type_name(v)), value_text(values[v], format)});
        }
        out = render_table(t, format);
    }
    emit(out, o.output);
    return 0;
}

}  // namespace

void register_centrality(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<CentralityOptions>();
    CLI::App* cmd = app.add_subcommand(
        "centrality",
        "Rank entities by a centrality measure, restricted to relation and entity types");
    add_input_options(*cmd, o->in);
    cmd->add_option("-m,--measure", o->measure, "Measure to compute")
        ->required()
        ->check(CLI::IsMember({"degree", "betweenness", "closeness", "harmonic", "pagerank",
                               "eigenvector", "katz", "kcore"}));
    cmd->add_option("--mode", o->mode, "degree: which relations count")
        ->check(CLI::IsMember({"in", "out", "total"}))
        ->capture_default_str();
    cmd->add_option("--weight", o->select.weight,
                    "Relation attribute to use as weight (a length for path measures, a strength "
                    "for degree and PageRank)")
        ->type_name("ATTR");
    cmd->add_flag("--undirected", o->undirected, "Ignore the direction of relations");
    cmd->add_flag("--normalized", o->normalized,
                  "Normalise (degree, betweenness, harmonic: see docs/centrality.md)");
    cmd->add_flag("--edges", o->edges,
                  "betweenness: rank relations (edge betweenness) instead of entities");
    cmd->add_flag("--approx", o->approx,
                  "betweenness: estimate by sampling shortest paths (Riondato-Kornaropoulos)");
    cmd->add_option("--epsilon", o->epsilon, "--approx: additive error bound")
        ->capture_default_str();
    cmd->add_option("--delta", o->delta, "--approx: probability the bound fails")
        ->capture_default_str();
    cmd->add_option("--seed", o->seed, "--approx: random seed (same seed, same result)")
        ->capture_default_str();
    cmd->add_flag("--no-wf-improved", o->no_wf_improved,
                  "closeness: without the Wasserman-Faust correction for unreachable entities");
    cmd->add_option("--damping", o->damping, "pagerank: damping factor")->capture_default_str();
    cmd->add_option("--tolerance", o->tolerance,
                    "pagerank: stop when the summed change of all entities falls below this")
        ->capture_default_str();
    cmd->add_option("--personalize", o->personalize, "pagerank: teleport only to these entities")
        ->delimiter(',')
        ->type_name("ID,...");
    cmd->add_option("--alpha", o->alpha, "katz: attenuation factor")->capture_default_str();
    cmd->add_option("--beta", o->beta, "katz: base score")->capture_default_str();
    add_via_option(*cmd, o->select, "Use only relations of these types");
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
