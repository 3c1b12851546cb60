#pragma once

#include <string>
#include <vector>

#include "ecograph/model/graph.hpp"
#include "ecograph/report/bundle.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

struct ReportOptions {
    std::string title;                 ///< default: the graph's label, else its name
    std::size_t top = 10;              ///< entities listed per measure
    std::vector<std::string> sources;  ///< input files, named on the overview page
};

/// The report of a graph as Markdown pages with SVG diagrams and CSV/JSON data: an overview
/// (counts by type, diagram with legend), the most central entities per measure, brokers
/// between regions, reachability of regions, single points of failure, and one page per
/// region with its focused diagram. Sections whose analysis has nothing to show (no regions,
/// no brokers) are left out. Plain CommonMark with relative links: it reads as-is on GitHub,
/// in MkDocs and in Sphinx with MyST. Deterministic: the same graph gives the same bytes.
/// Throws Error when a diagram cannot be rendered.
Bundle build_report(const Graph& g, const Schema& schema, const ReportOptions& options);

}  // namespace ecograph
