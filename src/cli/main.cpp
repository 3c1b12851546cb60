// ecograph: command-line front end. Parses arguments, runs one subcommand, maps errors to exit
// statuses (0 ok, 1 problems found, 2 usage, 3 unreadable input). All work is in the library.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <exception>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"
#include "ecograph/core/spellcheck.hpp"

int main(int argc, char** argv) {
    using namespace ecograph;
    // Installed first, so that an interrupt never finds the default action. Ctrl-C: long analyses
    // stop cleanly through the normal error path (exit 130, no output file); anywhere else
    // (loading, short measures) the process stops at once.
    std::signal(SIGINT, [](int) {
        if (cooperative_depth().load() > 0) {
            interrupt_flag().store(true);
            return;
        }
        static const char message[] = "\necograph: error: interrupted\n";
        (void)!::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(static_cast<int>(ExitStatus::Interrupted));
    });
    CLI::App app{"ecograph: typed partner-ecosystem graphs: validate, analyse, draw"};
    app.name("ecograph");
    app.require_subcommand(1);
    app.set_version_flag("--version", "ecograph 0.1.0");
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return std::string("ecograph: error: ") + e.what() +
               "\nRun with --help for more information.\n";
    });
    cli::Context ctx;
    cli::register_validate(app, ctx);
    cli::register_stats(app, ctx);
    cli::register_show(app, ctx);
    cli::register_schema(app, ctx);
    cli::register_export(app, ctx);
    cli::register_centrality(app, ctx);
    cli::register_brokerage(app, ctx);
    cli::register_reach(app, ctx);
    cli::register_path(app, ctx);
    cli::register_neighborhood(app, ctx);
    cli::register_resilience(app, ctx);
    cli::register_impact(app, ctx);
    cli::register_convert(app, ctx);
    cli::register_report(app, ctx);
    // CLI11 says only "A subcommand is required" for a mistyped command; name it instead.
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (argc > 1 && argv[1][0] != '-' &&
        std::find(names.begin(), names.end(), argv[1]) == names.end()) {
        std::string hint = did_you_mean(argv[1], names);
        std::fprintf(
            stderr,
            "ecograph: error: unknown command '%s'%s\nRun with --help for the list of commands\n",
            argv[1], hint.empty() ? "" : ("; " + hint).c_str());
        return static_cast<int>(ExitStatus::Usage);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);  // prints help, version or the error
        return rc == 0 ? 0 : static_cast<int>(ExitStatus::Usage);
    }
    cli::PhaseTimer timer;
    try {
        return ctx.run();
    } catch (const Error& e) {
        if (::isatty(STDERR_FILENO)) std::fputs("\r\033[K", stderr);  // a progress line
        std::fprintf(stderr, "ecograph: error: %s\n", e.what());
        return static_cast<int>(e.status());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ecograph: internal error: %s\n", e.what());
        return static_cast<int>(ExitStatus::Problems);
    }
}
