#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.hpp"

namespace ecograph::cli {

// One function per subcommand, each in cli/commands/<name>.cpp.
void register_validate(CLI::App& app, Context& ctx);
void register_stats(CLI::App& app, Context& ctx);
void register_show(CLI::App& app, Context& ctx);
void register_schema(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
void register_centrality(CLI::App& app, Context& ctx);
void register_brokerage(CLI::App& app, Context& ctx);
void register_reach(CLI::App& app, Context& ctx);
void register_path(CLI::App& app, Context& ctx);
void register_neighborhood(CLI::App& app, Context& ctx);
void register_resilience(CLI::App& app, Context& ctx);
void register_impact(CLI::App& app, Context& ctx);
void register_convert(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);

}  // namespace ecograph::cli
