#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ecograph/model/graph.hpp"

namespace ecograph {

/// Which part of a graph an analysis sees.
struct ViewOptions {
    std::vector<std::string> via;  ///< relation types kept (all when empty); entities all stay
    bool undirected = false;       ///< ignore direction (the graph's own flag also counts)
    std::string weight;            ///< relation attribute read as a number; empty = unweighted
};

/// Per relation-type tag: whether `via` keeps it (all when empty). Throws Error (usage) for a
/// type no relation has, with "did you mean".
std::vector<bool> relation_type_mask(const Graph& g, const std::vector<std::string>& via);

/// The weight of relation r from attribute `weight` (1 when unweighted or the relation lacks
/// it, as in NetworkX). Throws Error naming the relation when the value is not a number.
double relation_weight(const Graph& g, RelationIndex r, const std::string& weight);

/// Throws Error (usage) when no relation carries the attribute `weight` (a likely typo).
void check_weight_attribute(const Graph& g, const std::string& weight);

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
    /// Throws Error when a `via` type is not in the graph (with "did you mean"), when the
    /// weight attribute is not a number, or when it is not positive and `positive_weights`.
    static AnalysisView build(const Graph& g, const ViewOptions& options,
                              bool positive_weights = false, ViewSides sides = ViewSides::both);

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
