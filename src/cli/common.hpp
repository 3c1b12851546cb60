#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "ecograph/analysis/selection.hpp"
#include "ecograph/core/table.hpp"
#include "ecograph/io/load.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph::cli {

/// State shared by the subcommands: the chosen command's action and common option values.
struct Context {
    std::function<int()> run;
};

/// Options every graph-reading command takes.
struct InputOptions {
    std::vector<std::string> files;
    std::optional<std::string> schema;
    std::optional<FileFormat> format;  ///< overrides the format given by each file's extension
    unsigned threads = 0;              ///< --threads: at most this many (0: every core)
    std::size_t max_errors = 100;      ///< --max-errors: diagnostics printed (0: all)
};

/// The diagnostics a command prints: the first `max` (0: all), and a count by code of the
/// rest, so that 200,000 dangling relations print 100 lines and a tally, not 65 MB.
struct CappedDiagnostics {
    std::vector<const Diagnostic*> shown;
    std::map<std::string, std::size_t> omitted;  ///< code -> diagnostics not shown
    std::size_t omitted_total = 0;
};
/// Caps `diags` (only its errors when `errors_only`).
CappedDiagnostics cap_diagnostics(const Diagnostics& diags, std::size_t max,
                                  bool errors_only = false);
/// One line saying what was left out ("" when nothing was), e.g. "199900 more diagnostics not
/// shown: E102 x 199800, W111 x 100; --max-errors 0 shows all".
std::string omitted_note(const CappedDiagnostics& capped);

/// Accepts whole numbers from 0 up: CLI11 would silently wrap "-1" into a huge unsigned value.
CLI::Validator count_validator();

/// Adds FILE... (required), --schema and --threads to `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& in);
/// Adds --threads N to `cmd`: the most threads loading and analysing may use.
void add_threads_option(CLI::App& cmd, unsigned& threads);
/// Adds --format (table|json|csv|markdown) to `cmd`.
void add_format_option(CLI::App& cmd, std::string& format);
/// Adds --output FILE to `cmd`.
void add_output_option(CLI::App& cmd, std::string& output);

/// Adds --via REL,... (into spec.relation_types) to `cmd`, described by `help`: the one
/// spelling of the relation filter every command shares.
void add_via_option(CLI::App& cmd, SelectionSpec& spec, const std::string& help);

/// The direction of the --undirected and --reverse flags (--undirected wins).
inline Direction direction_of(bool undirected, bool reverse = false) {
    return undirected ? Direction::both : reverse ? Direction::reverse : Direction::forward;
}

/// Selection::resolve, with a SelectionError turned into the message and exit status of the
/// option it came from ("--via: no relation of type 'x' in the graph; did you mean ...", exit
/// 2; an unknown --remove id exits 1, as an unknown id does everywhere).
Selection resolve_selection(const Graph& g, const Schema& schema, const SelectionSpec& spec);

/// Loads and validates the inputs. Prints problems to stderr and throws Error (exit 3 when an
/// input cannot be read, 1 when the graph has validation errors) instead of returning a graph
/// that must not be analysed.
Graph load_checked(const InputOptions& in, const Schema& schema);

/// With ECOGRAPH_TIMING set in the environment, prints on stderr how long loading took and how
/// long the rest of the command did ("ecograph: timing: load 1234.5 ms, after load 12.3 ms"),
/// for benchmarks that time a query apart from loading (tools/bench/paths.py).
class PhaseTimer {
public:
    PhaseTimer();
    ~PhaseTimer();
    static void load_done();
};

/// Files this run reads (graph files, the schema file): emit() refuses to overwrite them.
void note_inputs(const InputOptions& in);
/// Throws Error (usage) when `output` is, also through a link, a file this run reads.
void refuse_overwriting_input(const std::string& output);

/// Writes `content` to `output` atomically, or to stdout when `output` is empty or "-".
void emit(const std::string& content, const std::string& output, bool binary = false);

/// Diagnostics as compiler-style lines, one per problem.
std::string format_diagnostics(const CappedDiagnostics& capped);

/// The entity with this id, or Error (exit 1) with "did you mean" naming the option.
EntityIndex find_entity(const Graph& g, const std::string& id, const std::string& what);

/// Pretty-printed JSON with a final newline; invalid UTF-8 (never expected: inputs are
/// sanitised) is replaced rather than thrown on.
std::string json_text(const nlohmann::ordered_json& j);

}  // namespace ecograph::cli
