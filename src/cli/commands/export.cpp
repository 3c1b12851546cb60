#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/analysis/paths.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/io/dot_writer.hpp"
#include "ecograph/io/formats.hpp"
#include "ecograph/io/mermaid_writer.hpp"
#include "ecograph/render/render.hpp"
#include "ecograph/render/styled_dot.hpp"
#include "ecograph/render/view.hpp"

namespace ecograph::cli {
namespace {

// Past this size the dot layout takes minutes to hours; sfdp scales.
constexpr std::size_t kMaxDotLayoutEntities = 2000;
constexpr std::size_t kMaxAnyLayoutEntities = 20000;
constexpr std::size_t kMaxDotLayoutRelations = 4000;

struct ExportOptions {
    SelectionSpec select;  // --via, --types
    DiagramView view;
    std::vector<std::string> highlight_path;
    std::string size_by;
    std::string color_by;
    bool hops_given = false;
    InputOptions in;
    std::string format = "dot";
    std::string output;
    std::string layout = "dot";
    std::string cluster_by;
    bool no_legend = false;
    bool plain = false;
    std::string title;
};

// Mermaid as GitHub, GitLab and MkDocs render it: they refuse diagrams over 500 edges or 50,000
// characters (Mermaid's maxEdges and maxTextSize), so larger ones need a view.
constexpr std::size_t kMaxMermaidRelations = 500;
constexpr std::size_t kMaxMermaidText = 50000;

int write_mermaid_view(const ExportOptions& o, const Graph& g, const Schema& schema) {
    if (!o.highlight_path.empty() || !o.size_by.empty() || !o.color_by.empty() ||
        !o.cluster_by.empty())
        throw Error(
            "--highlight-path, --size-by, --color-by and --cluster-by are drawn by Graphviz; with "
            "--format mermaid use the view options (--focus, --types, --via, --top, "
            "--collapse)",
            ExitStatus::Usage);
    if (g.relation_count() > kMaxMermaidRelations)
        throw Error(fmt::format("{} relations is more than Mermaid renders (limit {}); use a view: "
                                "--focus ID --hops K, --top N, --types, --collapse type|region",
                                g.relation_count(), kMaxMermaidRelations),
                    ExitStatus::Usage);
    std::ostringstream out;
    const bool markdown = markdown_path(o.output);
    write_mermaid(g, schema, out, markdown, o.title);
    if (out.str().size() > kMaxMermaidText)
        throw Error(fmt::format("the Mermaid text is {} characters, more than Mermaid renders "
                                "(limit {}); use a view to show fewer entities",
                                out.str().size(), kMaxMermaidText),
                    ExitStatus::Usage);
    emit(out.str(), o.output);
    return 0;
}

int run(const ExportOptions& o) {
    if (o.hops_given && o.view.focus.empty())
        throw Error("--hops applies to --focus ID", ExitStatus::Usage);
    Schema schema = Schema::load(o.in.schema);
    Graph full = load_checked(o.in, schema);
    Graph g = apply_view(full, schema, resolve_selection(full, schema, o.select), o.view);
    if (o.plain) {
        if (o.format != "dot")
            throw Error("--plain writes data DOT; it cannot be combined with --format " + o.format,
                        ExitStatus::Usage);
        std::ostringstream out;
        write_dot(g, out);
        emit(out.str(), o.output);
        return 0;
    }
    if (o.format == "mermaid") return write_mermaid_view(o, g, schema);
    if (o.layout != "dot" && !o.cluster_by.empty())
        throw Error(
            fmt::format("--cluster-by needs --layout dot: {}",
                        o.layout == "fdp" ? "fdp places clusters at random, so the picture would "
                                            "change on every run"
                                          : o.layout + " lets cluster boxes overlap, so entities "
                                                       "would appear inside the wrong box"),
            ExitStatus::Usage);
    StyleOptions style;
    style.layout = o.layout;
    style.cluster_by = o.cluster_by;
    style.legend = !o.no_legend;
    style.title = o.title;
    if (!o.size_by.empty()) style.size = view_measure(g, o.size_by);
    if (!o.color_by.empty()) {
        style.color = view_measure(g, o.color_by);
        style.color_label = o.color_by;
    }
    if (!o.highlight_path.empty()) {
        if (o.highlight_path.size() != 2)
            throw Error("--highlight-path takes two entity ids", ExitStatus::Usage);
        for (const auto& id : o.highlight_path)
            if (!g.find(id) && full.find(id))
                throw Error(
                    fmt::format("--highlight-path: '{}' is in the graph but not in this view", id));
        EntityIndex a = find_entity(g, o.highlight_path[0], "--highlight-path");
        EntityIndex b = find_entity(g, o.highlight_path[1], "--highlight-path");
        auto paths = shortest_paths(
            AnalysisView::build(g, Selection::all(g).with_direction(Direction::both)), a, b, 0,
            false, 1);
        if (paths.empty())
            throw Error(fmt::format("--highlight-path: no route from '{}' to '{}' in this view",
                                    o.highlight_path[0], o.highlight_path[1]));
        const auto& p = paths.front().entities;
        style.highlight_entities.insert(p.begin(), p.end());
        for (std::size_t i = 0; i + 1 < p.size(); ++i)
            style.highlight_arcs.insert({p[i], p[i + 1]});
    }
    std::string dot = styled_dot(g, schema, style);
    if (o.format == "dot") {
        emit(dot, o.output);
        return 0;
    }
    // Layout cost grows fast with size: dot is cubic in practice, sfdp near-linear but a
    // picture of tens of thousands of entities is unreadable anyway.
    if (o.layout != "sfdp" && g.entity_count() > kMaxDotLayoutEntities)
        throw Error(fmt::format("{} entities is too many for the {} layout (limit {}); use "
                                "--layout sfdp, or a view: --focus ID --hops K, --top N, --types, "
                                "--collapse type|region",
                                g.entity_count(), o.layout, kMaxDotLayoutEntities),
                    ExitStatus::Usage);
    // A collapsed view has few nodes but can have thousands of labelled relations: dot then
    // runs for many minutes too.
    if (o.layout != "sfdp" && g.relation_count() > kMaxDotLayoutRelations)
        throw Error(fmt::format("{} relations is too many for the {} layout (limit {}); narrow the "
                                "view with --via or --types, or use --layout sfdp",
                                g.relation_count(), o.layout, kMaxDotLayoutRelations),
                    ExitStatus::Usage);
    if (g.entity_count() > kMaxAnyLayoutEntities)
        throw Error(fmt::format("{} entities is too many to draw (limit {}); use a view: --focus "
                                "ID --hops K, --top N, --types, --collapse type|region",
                                g.entity_count(), kMaxAnyLayoutEntities),
                    ExitStatus::Usage);
    emit(render_dot(dot, o.layout, o.format), o.output, o.format != "svg");
    return 0;
}

}  // namespace

void register_export(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export",
        "Write the graph as styled DOT or Mermaid, or render it to SVG, PNG or PDF with Graphviz");
    add_input_options(*cmd, opts->in);
    cmd->add_option("-f,--format", opts->format, "Output format")
        ->check(CLI::IsMember({"dot", "svg", "png", "pdf", "mermaid"}))
        ->capture_default_str();
    add_output_option(*cmd, opts->output);
    cmd->add_option("--layout", opts->layout, "Graphviz layout engine")
        ->check(CLI::IsMember(layout_names()))
        ->capture_default_str();
    cmd->add_option("--cluster-by", opts->cluster_by, "Group entities into boxes by region or type")
        ->check(CLI::IsMember({"region", "type"}));
    cmd->add_flag("--no-legend", opts->no_legend, "Leave out the legend");
    cmd->add_flag(
        "--plain", opts->plain,
        "Write data DOT (types and attributes, no styling) that reads back as the same graph");
    cmd->add_option("--title", opts->title,
                    "Title shown above the diagram (default: the graph's label, else its name)");
    cmd->add_option("--focus", opts->view.focus, "Show only this entity and its neighbourhood")
        ->type_name("ID");
    cmd->add_option("--hops", opts->view.hops, "With --focus: how many relations away")
        ->capture_default_str()
        ->check(count_validator());
    cmd->add_option("--types", opts->select.entity_types,
                    "Show only entities of these types (subtypes included)")
        ->delimiter(',')
        ->type_name("TYPE,...");
    add_via_option(*cmd, opts->select, "Show only relations of these types");
    cmd->add_option("--top", opts->view.top, "Show only the N highest entities by --top-by")
        ->type_name("N")
        ->check(count_validator());
    cmd->add_option("--top-by", opts->view.top_by, "Measure for --top")
        ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}))
        ->capture_default_str();
    cmd->add_option("--collapse", opts->view.collapse,
                    "One node per type or region, relations between groups merged with a count")
        ->check(CLI::IsMember({"type", "region"}));
    cmd->add_option("--highlight-path", opts->highlight_path,
                    "Draw a shortest path between two entities in bold")
        ->expected(2)
        ->type_name("A B");
    cmd->add_option("--size-by", opts->size_by, "Node size follows a measure")
        ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
    cmd->add_option("--color-by", opts->color_by,
                    "Node fill follows a measure (light to dark) instead of the type")
        ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
    cmd->callback([opts, cmd, &ctx] {
        opts->hops_given = cmd->count("--hops") > 0;
        ctx.run = [opts] { return run(*opts); };
    });
}

}  // namespace ecograph::cli
