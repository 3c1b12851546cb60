#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"

namespace ecograph::cli {
namespace {

struct ValidateOptions {
    InputOptions in;
    std::string format;
    std::string output;
};

std::string summary(const LoadResult& r, const std::vector<std::string>& files) {
    std::string what = files.size() == 1 ? files.front() : fmt::format("{} files", files.size());
    std::string counts = fmt::format("{} error{}, {} warning{}", r.diags.error_count(),
                                     r.diags.error_count() == 1 ? "" : "s", r.diags.warning_count(),
                                     r.diags.warning_count() == 1 ? "" : "s");
    if (r.unreadable()) return fmt::format("{}: cannot be read; {}\n", what, counts);
    auto n = r.graph->entity_count(), m = r.graph->relation_count();
    return fmt::format("{}: {} entit{}, {} relation{}; {}\n", what, n, n == 1 ? "y" : "ies", m,
                       m == 1 ? "" : "s", counts);
}

std::string as_json(const LoadResult& r, const CappedDiagnostics& capped,
                    const std::vector<std::string>& files) {
    nlohmann::ordered_json j;
    j["files"] = files;
    j["readable"] = !r.unreadable();
    if (!r.unreadable()) {
        j["entities"] = r.graph->entity_count();
        j["relations"] = r.graph->relation_count();
        j["typed"] = r.graph->typed();
    }
    j["errors"] = r.diags.error_count();
    j["warnings"] = r.diags.warning_count();
    j["diagnostics"] = nlohmann::ordered_json::array();
    for (const Diagnostic* shown : capped.shown) {
        const Diagnostic& d = *shown;
        nlohmann::ordered_json e;
        e["severity"] = std::string(severity_name(d.severity));
        e["code"] = d.code;
        e["file"] = d.location.file;
        e["line"] = d.location.line;
        e["subject"] = d.subject;
        e["message"] = d.message;
        e["hint"] = d.hint;
        j["diagnostics"].push_back(std::move(e));
    }
    if (capped.omitted_total > 0) j["omitted"] = capped.omitted;  // code -> count
    return json_text(j);
}

std::string as_table(const CappedDiagnostics& capped, TableFormat format) {
    Table t;
    t.columns = {"file", "line", "severity", "code", "subject", "message", "hint"};
    for (const Diagnostic* shown : capped.shown) {
        const Diagnostic& d = *shown;
        t.add_row({d.location.file, d.location.line ? std::to_string(d.location.line) : "",
                   std::string(severity_name(d.severity)), d.code, d.subject, d.message, d.hint});
    }
    return render_table(t, format);
}

int run(const ValidateOptions& o) {
    Schema schema = Schema::load(o.in.schema);
    set_thread_limit(o.in.threads);
    note_inputs(o.in);
    LoadResult r = load_graph(o.in.files, schema);
    TableFormat format = parse_table_format(o.format);
    const CappedDiagnostics capped = cap_diagnostics(r.diags, o.in.max_errors);
    std::string out;
    if (format == TableFormat::Json) {
        out = as_json(r, capped, o.in.files);
    } else if (format == TableFormat::Table) {
        out = format_diagnostics(capped) + summary(r, o.in.files);
    } else {
        out = as_table(capped, format);
        // A data table gets no extra row: what was left out is said on stderr.
        std::fputs(omitted_note(capped).c_str(), stderr);
    }
    emit(out, o.output);
    if (r.unreadable()) return static_cast<int>(ExitStatus::Unreadable);
    return r.diags.error_count() > 0 ? static_cast<int>(ExitStatus::Problems) : 0;
}

}  // namespace

void register_validate(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ValidateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "validate",
        "Check graph files against the schema and report every problem (exit 0 clean, 1 problems, "
        "3 unreadable input)");
    add_input_options(*cmd, opts->in);
    add_format_option(*cmd, opts->format);
    add_output_option(*cmd, opts->output);
    cmd->callback([opts, &ctx] { ctx.run = [opts] { return run(*opts); }; });
}

}  // namespace ecograph::cli
