#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/io/dot_writer.hpp"
#include "ecograph/render/render.hpp"
#include "ecograph/render/styled_dot.hpp"

namespace ecograph::cli {
namespace {

// Past this size the dot layout takes minutes to hours; sfdp scales.
constexpr std::size_t kMaxDotLayoutEntities = 2000;

struct ExportOptions {
    InputOptions in;
    std::string format = "dot";
    std::string output;
    std::string layout = "dot";
    std::string cluster_by;
    bool no_legend = false;
    bool plain = false;
    std::string title;
};

int run(const ExportOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    Graph g = load_checked(o.in, schema);
    if (o.plain) {
        if (o.format != "dot")
            throw Error("--plain writes data DOT; it cannot be combined with --format " + o.format,
                        ExitStatus::Usage);
        std::ostringstream out;
        write_dot(g, out);
        emit(out.str(), o.output);
        return 0;
    }
    if (o.layout == "fdp" && !o.cluster_by.empty())
        throw Error(
            "--cluster-by cannot be used with --layout fdp: fdp places clusters at random, "
            "so the picture would change on every run; use dot or neato",
            ExitStatus::Usage);
    StyleOptions style{o.layout, o.cluster_by, !o.no_legend, o.title};
    std::string dot = styled_dot(g, schema, style);
    if (o.format == "dot") {
        emit(dot, o.output);
        return 0;
    }
    if (o.layout == "dot" && g.entity_count() > kMaxDotLayoutEntities)
        throw Error(fmt::format("{} entities is too many for the dot layout (limit {}); use "
                                "--layout sfdp",
                                g.entity_count(), kMaxDotLayoutEntities),
                    ExitStatus::Usage);
    emit(render_dot(dot, o.layout, o.format), o.output, o.format != "svg");
    return 0;
}

}  // namespace

void register_export(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export", "Write the graph as styled DOT, or render it to SVG, PNG or PDF with Graphviz");
    add_input_options(*cmd, opts->in);
    cmd->add_option("-f,--format", opts->format, "Output format")
        ->check(CLI::IsMember({"dot", "svg", "png", "pdf"}))
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
    cmd->callback([opts, &ctx] { ctx.run = [opts] { return run(*opts); }; });
}

}  // namespace ecograph::cli
