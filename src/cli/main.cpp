// ecograph: command-line front end. Parses arguments, runs one subcommand, maps errors to exit
// statuses (0 ok, 1 problems found, 2 usage, 3 unreadable input). All work is in the library.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ecograph/core/error.hpp"

int main(int argc, char** argv) {
    using namespace ecograph;
    CLI::App app{"ecograph: typed partner-ecosystem graphs: validate, analyse, draw"};
    app.name("ecograph");
    app.require_subcommand(1);
    app.set_version_flag("--version", "ecograph 0.1.0");
    cli::Context ctx;
    cli::register_validate(app, ctx);
    cli::register_stats(app, ctx);
    cli::register_show(app, ctx);
    cli::register_schema(app, ctx);
    cli::register_export(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);  // prints help, version or the error
        return rc == 0 ? 0 : static_cast<int>(ExitStatus::Usage);
    }
    try {
        return ctx.run();
    } catch (const Error& e) {
        std::fprintf(stderr, "ecograph: error: %s\n", e.what());
        return static_cast<int>(e.status());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ecograph: internal error: %s\n", e.what());
        return static_cast<int>(ExitStatus::Problems);
    }
}
