#pragma once

#include <array>
#include <string>
#include <vector>

#include "ecograph/analysis/grouping.hpp"
#include "ecograph/analysis/view.hpp"

namespace ecograph {

/// Gould-Fernandez brokerage roles. For a two-path i -> v -> j with no arc i -> j (v brokers
/// between i and j), the role of v depends on the groups of i, v and j:
enum BrokerageRole : std::size_t {
    Coordinator = 0,     ///< all three in one group (sna: w_I)
    Itinerant = 1,       ///< i and j in one group, v in another; "consultant" (sna: w_O)
    Representative = 2,  ///< v in i's group, j elsewhere: v speaks for its group (sna: b_IO)
    Gatekeeper = 3,      ///< v in j's group, i elsewhere: v controls access to it (sna: b_OI)
    Liaison = 4,         ///< three different groups (sna: b_O)
    Total = 5,           ///< the sum of the five roles (sna: t)
};
inline constexpr std::array<const char*, 6> kRoleNames = {
    "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"};

struct BrokerageResult {
    using Row = std::array<double, 6>;  ///< indexed by BrokerageRole
    std::vector<Row> raw;               ///< per entity: counts
    std::vector<Row> expected;  ///< per entity: expected counts under random group assignment
    std::vector<Row> sd;        ///< per entity: standard deviations of those counts
    std::vector<Row> z;         ///< per entity: (raw - expected) / sd (NaN when sd is 0)
    Row global_raw{}, global_expected{}, global_sd{}, global_z{};
    double density = 0;  ///< arcs / (n (n - 1)), as sna uses it
};

/// Brokerage roles of every entity on the simple view (parallel relations once, self-loops
/// ignored; an undirected view counts both directions of each edge), with the expected counts,
/// standard deviations and z-scores of R's sna::brokerage (Gould and Fernandez 1989: arcs
/// independent with probability equal to the density). Time O(sum over v of in(v) out(v) log d).
BrokerageResult brokerage(const AnalysisView& view, const Grouping& groups);

}  // namespace ecograph
