#include "cli/common.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unistd.h>

#include <fmt/format.h>

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"
#include "ecograph/core/spellcheck.hpp"
#include "ecograph/core/timing.hpp"

namespace ecograph::cli {

CLI::Validator count_validator() {
    return CLI::Validator(
        [](std::string& value) -> std::string {
            bool digits =
                !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string{} : "must be a whole number, 0 or more: " + value;
        },
        "", "count");
}

void add_input_options(CLI::App& cmd, InputOptions& in) {
    cmd.add_option("files", in.files,
                   "Graph files (DOT, CSV, GraphML, JSON); several are merged by entity id")
        ->required()
        ->type_name("FILE...");
    cmd.add_option("--schema", in.schema,
                   "Schema file (TOML) extending or replacing the built-in schema")
        ->type_name("FILE");
    add_threads_option(cmd, in.threads);
    cmd.add_option("--max-errors", in.max_errors,
                   "Print at most N diagnostics, then a count by code of the rest (0: all)")
        ->type_name("N")
        ->check(count_validator())
        ->capture_default_str();
}

void add_threads_option(CLI::App& cmd, unsigned& threads) {
    cmd.add_option("--threads", threads,
                   "Threads to use for loading and analysing (default: all cores)")
        ->type_name("N")
        ->check(count_validator());
}

void add_format_option(CLI::App& cmd, std::string& format) {
    format = "table";
    cmd.add_option("-f,--format", format, "Output format")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
        ->capture_default_str();
}

void add_output_option(CLI::App& cmd, std::string& output) {
    cmd.add_option("-o,--output", output,
                   "Write to FILE (atomically: a temporary file, then rename) instead of stdout")
        ->type_name("FILE");
}

void add_via_option(CLI::App& cmd, SelectionSpec& spec, const std::string& help) {
    cmd.add_option("--via", spec.relation_types, help)->delimiter(',')->type_name("REL,...");
}

Selection resolve_selection(const Graph& g, const Schema& schema, const SelectionSpec& spec) {
    using Part = SelectionError::Part;
    try {
        return Selection::resolve(g, schema, spec);
    } catch (const SelectionError& e) {
        switch (e.part()) {
            case Part::relation_type:
                throw Error(fmt::format("--via: {}", e.what()), ExitStatus::Usage);
            case Part::entity_type:
                throw Error(fmt::format("--types: {}", e.what()), ExitStatus::Usage);
            case Part::weight:
                throw Error(fmt::format("--weight: {}", e.what()), ExitStatus::Usage);
            case Part::removed:
                throw Error(fmt::format("--remove: {}", e.what()), ExitStatus::Problems);
        }
        throw;
    }
}

CappedDiagnostics cap_diagnostics(const Diagnostics& diags, std::size_t max, bool errors_only) {
    CappedDiagnostics capped;
    for (const auto& d : diags.items()) {
        if (errors_only && d.severity != Severity::Error) continue;
        if (max == 0 || capped.shown.size() < max) {
            capped.shown.push_back(&d);
        } else {
            ++capped.omitted[d.code];
            ++capped.omitted_total;
        }
    }
    return capped;
}

std::string omitted_note(const CappedDiagnostics& capped) {
    if (capped.omitted_total == 0) return {};
    std::string counts;
    for (const auto& [code, n] : capped.omitted)
        counts += fmt::format("{}{} x {}", counts.empty() ? "" : ", ", code, n);
    return fmt::format("{} more diagnostic{} not shown: {}; --max-errors 0 shows all\n",
                       capped.omitted_total, capped.omitted_total == 1 ? "" : "s", counts);
}

std::string format_diagnostics(const CappedDiagnostics& capped) {
    std::string out;
    for (const Diagnostic* d : capped.shown) out += format_diagnostic(*d) + "\n";
    return out + omitted_note(capped);
}

namespace {
std::optional<double> timer_load_done;  // ms since start, as core/timing counts them
std::vector<std::string> inputs_read;   // every file this run reads, for refuse_overwriting_input
}  // namespace

PhaseTimer::PhaseTimer() { timing_mark("start"); }

PhaseTimer::~PhaseTimer() {
    const auto end = timing_elapsed_ms();
    if (!end) return;
    const double loaded = timer_load_done.value_or(0.0);
    std::fprintf(stderr, "ecograph: timing: load %.1f ms, after load %.1f ms\n", loaded,
                 *end - loaded);
}

void PhaseTimer::load_done() { timer_load_done = timing_elapsed_ms(); }

void note_inputs(const InputOptions& in) {
    inputs_read.insert(inputs_read.end(), in.files.begin(), in.files.end());
    if (in.schema) inputs_read.push_back(*in.schema);
}

void refuse_overwriting_input(const std::string& output) {
    if (auto input = same_file_among(output, inputs_read))
        throw Error(
            fmt::format("--output {} is the input {}: refusing to overwrite it", output, *input),
            ExitStatus::Usage);
}

Graph load_checked(const InputOptions& in, const Schema& schema) {
    note_inputs(in);
    set_thread_limit(in.threads);  // loading, validation and what follows
    LoadResult r = load_graph(in.files, schema, in.format);
    std::fputs(format_diagnostics(cap_diagnostics(r.diags, in.max_errors, true)).c_str(), stderr);
    if (r.unreadable()) throw Error("cannot read the input", ExitStatus::Unreadable);
    if (const std::size_t errors = r.diags.error_count(); errors > 0)
        throw Error(fmt::format("{} validation error{}; see `ecograph validate`", errors,
                                errors == 1 ? "" : "s"),
                    ExitStatus::Problems);
    PhaseTimer::load_done();
    return std::move(*r.graph);
}

void emit(const std::string& content, const std::string& output, bool binary) {
    if (output.empty() || output == "-") {
        if (binary && ::isatty(STDOUT_FILENO))
            throw Error("refusing to write binary output to a terminal; use --output FILE",
                        ExitStatus::Usage);
        std::fwrite(content.data(), 1, content.size(), stdout);
        if (std::fflush(stdout) != 0) throw Error("cannot write to stdout");
        return;
    }
    refuse_overwriting_input(output);
    write_file_atomic(output, content);
}

EntityIndex find_entity(const Graph& g, const std::string& id, const std::string& what) {
    if (auto v = g.find(id)) return *v;
    std::string hint = did_you_mean(id, g.ids());
    throw Error(fmt::format("{}: no entity '{}' in the graph{}", what, id,
                            hint.empty() ? "" : "; " + hint));
}

std::string json_text(const nlohmann::ordered_json& j) {
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ecograph::cli
