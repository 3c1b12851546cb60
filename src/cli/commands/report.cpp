#include "ecograph/report/report.hpp"

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"

namespace ecograph::cli {
namespace {

struct ReportCommandOptions {
    InputOptions in;
    std::string out;
    ReportOptions report;
    bool force = false;
};

int run(const ReportCommandOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    Graph g = load_checked(o.in, schema);
    ReportOptions options = o.report;
    options.sources = o.in.files;
    // Everything is computed and rendered before the first file is written: a failed run
    // leaves the previous bundle as it was.
    Bundle bundle = build_report(g, schema, options);
    BundleWriteOptions write;
    write.force = o.force;
    write.inputs = o.in.files;
    if (o.in.schema) write.inputs.push_back(*o.in.schema);
    BundleWriteSummary s = write_bundle(o.out, bundle, write);
    if (s.resumed)
        std::fprintf(stderr, "%s: completed the change of an earlier report that was cut short\n",
                     o.out.c_str());
    std::fprintf(stderr, "%s: %zu files written, %zu unchanged, %zu removed\n", o.out.c_str(),
                 s.written, s.unchanged, s.removed);
    return 0;
}

}  // namespace

void register_report(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ReportCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "report", "Write a documentation bundle: Markdown pages, SVG diagrams, CSV/JSON data");
    add_input_options(*cmd, opts->in);
    cmd->add_option("-o,--out", opts->out, "Directory of the bundle (created when missing)")
        ->required()
        ->type_name("DIR");
    cmd->add_flag("--force", opts->force,
                  "Overwrite files in DIR that ecograph did not write (and symbolic links, "
                  "replacing the link itself)");
    cmd->add_option("--title", opts->report.title,
                    "Title of the overview page (default: the graph's label, else its name)");
    cmd->add_option("--top", opts->report.top, "Entities listed per measure")
        ->capture_default_str()
        ->check(count_validator());
    cmd->callback([opts, &ctx] { ctx.run = [opts] { return run(*opts); }; });
}

}  // namespace ecograph::cli
