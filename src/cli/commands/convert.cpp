#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/core/atomic_file.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/io/csv_writer.hpp"
#include "ecograph/io/dot_writer.hpp"
#include "ecograph/io/formats.hpp"
#include "ecograph/io/graphml_writer.hpp"
#include "ecograph/io/json_writer.hpp"
#include "ecograph/io/mermaid_writer.hpp"

namespace ecograph::cli {
namespace {

struct ConvertOptions {
    InputOptions in;
    std::string output;
    std::string from, to;
};

FileFormat named_format(const std::string& name, const char* option) {
    auto f = parse_format(name);
    if (!f)
        throw Error(
            fmt::format("{}: unknown format '{}' (dot, csv, graphml, json, mermaid)", option, name),
            ExitStatus::Usage);
    return *f;
}

int run(const ConvertOptions& o) {
    InputOptions in = o.in;
    if (!o.from.empty()) {
        in.format = named_format(o.from, "--from");
        if (!readable(*in.format))
            throw Error("--from mermaid: Mermaid is written, not read", ExitStatus::Usage);
    }
    const bool to_stdout = o.output == "-";
    std::optional<FileFormat> to;
    if (!o.to.empty())
        to = named_format(o.to, "--to");
    else if (!to_stdout)
        to = format_from_extension(o.output);
    if (!to)
        throw Error(fmt::format("cannot tell the output format from '{}'; name it with --to "
                                "(dot, csv, graphml, json, mermaid) or use an extension such as "
                                ".graphml",
                                o.output),
                    ExitStatus::Usage);
    if (*to == FileFormat::Csv && to_stdout)
        throw Error("CSV output is two files (entities and relations); give -o NAME.csv",
                    ExitStatus::Usage);

    Schema schema = Schema::load(in.schema);
    Graph g = load_checked(in, schema);
    std::ostringstream out;
    switch (*to) {
        case FileFormat::Csv: {
            std::ostringstream relations;
            write_csv(g, schema, out, relations);
            auto [entities_path, relations_path] = csv_output_paths(o.output);
            refuse_overwriting_input(entities_path);
            refuse_overwriting_input(relations_path);
            write_file_atomic(entities_path, out.str());
            write_file_atomic(relations_path, relations.str());
            std::fprintf(stderr, "wrote %s and %s\n", entities_path.c_str(),
                         relations_path.c_str());
            return 0;
        }
        case FileFormat::GraphML:
            write_graphml(g, schema, out);
            break;
        case FileFormat::Json:
            write_json(g, schema, out);
            break;
        case FileFormat::Mermaid: {
            const bool markdown = markdown_path(o.output);
            write_mermaid(g, schema, out, markdown);
            break;
        }
        case FileFormat::Dot:
            write_dot(g, out);
            break;
    }
    emit(out.str(), o.output);
    return 0;
}

}  // namespace

void register_convert(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ConvertOptions>();
    CLI::App* cmd = app.add_subcommand(
        "convert", "Convert between DOT, CSV, GraphML and JSON node-link, or write Mermaid");
    add_input_options(*cmd, opts->in);
    cmd->add_option("-o,--output", opts->output,
                    "Output file; its extension picks the format (.gv/.dot, .csv, .graphml, "
                    ".json, .mmd or .md for Mermaid); - for stdout with --to")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--from", opts->from, "Input format for every file, instead of extensions")
        ->type_name("FORMAT");
    cmd->add_option("--to", opts->to, "Output format, instead of the output's extension")
        ->type_name("FORMAT");
    cmd->callback([opts, &ctx] { ctx.run = [opts] { return run(*opts); }; });
}

}  // namespace ecograph::cli
