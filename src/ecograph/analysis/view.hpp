#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ecograph/analysis/selection.hpp"
#include "ecograph/model/graph.hpp"

namespace ecograph {

/// Which sides of a directed view are built. The measures that only pull along in-arcs
/// (PageRank, eigenvector, Katz) ask for `in_only` and skip most of the building; out() is
/// then empty and out_degree() 0, while out_strength() still holds. An undirected view has one
/// side, which serves as both.
enum class ViewSides { both, in_only };

/// A simple-graph view for analyses: parallel relations between the same ordered pair are
/// collapsed into one arc that remembers their count, the minimum weight (its length for
/// shortest paths) and the summed weight (its strength for random walks). In the undirected
/// view an arc in either or both directions becomes one edge, stored in both directions.
/// Self-loops are kept as arcs v -> v; path measures never use them, and measures that
/// exclude them (eigenvector, Katz, k-core) skip them. Adjacency is CSR, sorted by neighbour.
class AnalysisView {
public:
    /// The view of what `selection` keeps: its relations, directed unless it follows them
    /// both ways, weighted by its weight. Throws Error when a weight is not a number, or is not
    /// positive and `positive_weights`; a reverse selection is a usage error of the library
    /// (a view's in() is the reversed graph already).
    static AnalysisView build(const Graph& g, const Selection& selection,
                              bool positive_weights = false, ViewSides sides = ViewSides::both);
    /// The view of the whole graph as loaded (directed when the graph is).
    static AnalysisView build(const Graph& g) { return build(g, Selection::all(g)); }

    std::size_t size() const { return out_strength_.size(); }
    bool directed() const { return directed_; }
    bool weighted() const { return weighted_; }

    struct Arcs {
        const std::uint32_t* begin;
        const std::uint32_t* end;
        std::size_t first;  ///< index of the first arc, for the per-arc arrays
    };
    Arcs out(EntityIndex v) const {
        if (!has_out_) return {nullptr, nullptr, 0};
        return {out_nbr_.data() + out_off_[v], out_nbr_.data() + out_off_[v + 1], out_off_[v]};
    }
    Arcs in(EntityIndex v) const {
        const auto& off = directed_ ? in_off_ : out_off_;
        const auto& nbr = directed_ ? in_nbr_ : out_nbr_;
        return {nbr.data() + off[v], nbr.data() + off[v + 1], off[v]};
    }
    std::size_t out_degree(EntityIndex v) const {
        return has_out_ ? out_off_[v + 1] - out_off_[v] : 0;
    }
    std::size_t arc_count() const { return has_out_ ? out_nbr_.size() : in_nbr_.size(); }
    /// The summed strength of v's out-arcs: how many relations leave it, or their summed
    /// weights (summed arc by arc, by increasing target).
    double out_strength(EntityIndex v) const { return out_strength_[v]; }

    /// Per out-arc (index from Arcs::first): minimum weight, summed weight, multiplicity.
    double length(std::size_t arc) const { return weighted_ ? min_w_[arc] : 1.0; }
    double strength(std::size_t arc) const { return weighted_ ? sum_w_[arc] : count_[arc]; }
    /// How many relations the out-arc stands for (parallel relations; in an undirected view
    /// relations in both directions).
    std::size_t multiplicity(std::size_t arc) const { return count_[arc]; }
    /// Per in-arc: the summed weight of the arc u -> v it mirrors.
    double in_strength(std::size_t arc) const {
        if (!directed_) return strength(arc);
        return weighted_ ? in_sum_w_[arc] : in_count_[arc];
    }
    /// The same per in-arc values as whole arrays, for kernels that read them in a tight loop:
    /// the multiplicities, and (weighted views only) the summed weights.
    const std::uint32_t* in_multiplicities() const {
        return directed_ ? in_count_.data() : count_.data();
    }
    const double* in_weight_sums() const { return directed_ ? in_sum_w_.data() : sum_w_.data(); }
    /// The in-arcs' sources as one array (Arcs::first indexes it).
    const std::uint32_t* in_sources() const { return directed_ ? in_nbr_.data() : out_nbr_.data(); }

private:
    bool directed_ = true, weighted_ = false, has_out_ = true;
    std::vector<std::uint64_t> out_off_{0}, in_off_{0};
    std::vector<std::uint32_t> out_nbr_, in_nbr_;
    std::vector<double> min_w_, sum_w_, in_sum_w_;
    std::vector<std::uint32_t> count_, in_count_;
    std::vector<double> out_strength_;
};

}  // namespace ecograph
