#include "ecograph/analysis/view.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <type_traits>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"
#include "ecograph/core/run_control.hpp"
#include "ecograph/core/timing.hpp"

namespace ecograph {
namespace {

// One side (out or in) of the view for entities [lo, hi), built by one thread: CSR offsets
// (hi - lo + 1 of them, counted from lo's first arc), and the collapsed arcs.
struct Side {
    std::vector<std::uint64_t> off;
    std::vector<std::uint32_t> nbr, count;
    std::vector<double> min_w, sum_w;
};

// An arc while gathering: its neighbour, with its weight in a weighted view (just the
// neighbour otherwise, so that unweighted views sort 4-byte values).
struct WeightedArc {
    std::uint32_t to;
    double weight;
};
std::uint32_t to_of(std::uint32_t arc) { return arc; }
std::uint32_t to_of(const WeightedArc& arc) { return arc.to; }

// Sorts by neighbour, keeping relation order among equal ones; insertion sort for the short
// lists most entities have (std::stable_sort allocates a buffer on every call).
template <typename Arc>
void stable_sort_by_to(std::vector<Arc>& arcs) {
    auto by_to = [](const Arc& a, const Arc& b) { return to_of(a) < to_of(b); };
    if (std::is_sorted(arcs.begin(), arcs.end(), by_to)) return;  // in-arcs always are
    if (arcs.size() > 32) {
        std::stable_sort(arcs.begin(), arcs.end(), by_to);
        return;
    }
    for (std::size_t i = 1; i < arcs.size(); ++i) {
        const Arc a = arcs[i];
        std::size_t j = i;
        for (; j > 0 && to_of(arcs[j - 1]) > to_of(a); --j) arcs[j] = arcs[j - 1];
        arcs[j] = a;
    }
}

// Builds entities [lo, hi) of one side. gather(v, emit) calls emit(neighbour, weight) for each
// of v's arcs in relation order; runs of the same neighbour (after a stable sort by neighbour)
// collapse into one arc, so parallel relations' weights are summed in relation order.
template <typename Arc, typename Gather>
Side build_side(EntityIndex lo, EntityIndex hi, std::size_t reserve, const Gather& gather) {
    constexpr bool weighted = std::is_same_v<Arc, WeightedArc>;
    Side side;
    side.off.reserve(hi - lo + 1);
    side.off.push_back(0);
    side.nbr.reserve(reserve);
    side.count.reserve(reserve);
    if (weighted) {
        side.min_w.reserve(reserve);
        side.sum_w.reserve(reserve);
    }
    std::vector<Arc> arcs;
    auto emit = [&](std::uint32_t to, double weight) {
        if constexpr (weighted)
            arcs.push_back({to, weight});
        else
            arcs.push_back(to);
    };
    for (EntityIndex v = lo; v < hi; ++v) {
        arcs.clear();
        gather(v, emit);
        stable_sort_by_to(arcs);
        for (auto i = arcs.begin(); i != arcs.end();) {
            auto j = i;
            while (j != arcs.end() && to_of(*j) == to_of(*i)) ++j;
            side.nbr.push_back(to_of(*i));
            side.count.push_back(static_cast<std::uint32_t>(j - i));
            if constexpr (weighted) {
                double min_w = i->weight, sum_w = 0;
                for (auto k = i; k != j; ++k) {
                    min_w = std::min(min_w, k->weight);
                    sum_w += k->weight;
                }
                side.min_w.push_back(min_w);
                side.sum_w.push_back(sum_w);
            }
            i = j;
        }
        side.off.push_back(side.nbr.size());
    }
    return side;
}

// The first entity of the second half: about half of prefix(n) before it, where prefix(v) is
// the number of arcs of the entities before v.
template <typename Prefix>
EntityIndex middle(std::size_t n, const Prefix& prefix) {
    EntityIndex lo = 0, hi = static_cast<EntityIndex>(n);
    const std::size_t half = prefix(n) / 2;
    while (lo < hi) {
        EntityIndex m = lo + (hi - lo) / 2;
        if (prefix(m) < half)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

// The entities split in two, balanced by arcs (prefix(v): the arcs gathered for the entities
// before v, at most); the second half is built on a thread of its own when the graph is big,
// and appended to the first (so the result does not depend on the thread count).
template <typename Arc, typename Prefix, typename Gather>
Side build_halves(std::size_t n, const Prefix& prefix, const Gather& gather) {
    constexpr std::size_t kParallel = std::size_t{1} << 16;
    const std::size_t arcs = prefix(n);
    if (arcs < kParallel || available_threads() < 2)
        return build_side<Arc>(0, static_cast<EntityIndex>(n), arcs, gather);
    const EntityIndex mid = middle(n, prefix);
    Side first, second;
    {
        std::jthread worker([&] {
            second = build_side<Arc>(mid, static_cast<EntityIndex>(n), arcs - prefix(mid), gather);
        });
        // Reserved for both halves: untouched capacity costs address space, not memory.
        first = build_side<Arc>(0, mid, arcs, gather);
    }
    const std::uint64_t base = first.nbr.size();
    for (std::size_t i = 1; i < second.off.size(); ++i) first.off.push_back(base + second.off[i]);
    auto append = [](auto& to, auto& from) {
        to.insert(to.end(), from.begin(), from.end());
        from = {};
    };
    append(first.nbr, second.nbr);
    append(first.count, second.count);
    append(first.min_w, second.min_w);
    append(first.sum_w, second.sum_w);
    return first;
}

}  // namespace

AnalysisView AnalysisView::build(const Graph& g, const Selection& sel, bool positive_weights,
                                 ViewSides sides) {
    if (sel.direction() == Direction::reverse && g.directed())
        throw std::logic_error("AnalysisView::build: a view cannot be reversed");
    AnalysisView view;
    view.directed_ = !sel.undirected(g);
    view.weighted_ = sel.weighted();
    const std::size_t n = g.entity_count();

    // Each relation's weight, read and checked once, in relation order.
    const std::size_t m = g.relation_count();
    std::vector<double> weight;
    if (view.weighted_) {
        weight.assign(m, 1.0);
        for (RelationIndex r = 0; r < m; ++r) {
            if (!sel.keeps(g, r)) continue;
            weight[r] = sel.weight_of(g, r);
            if (positive_weights && !(weight[r] > 0))
                throw Error(
                    fmt::format("relation '{}' has {}={}: weights used as lengths must be "
                                "positive",
                                g.relation_label(r), sel.weight(), weight[r]));
        }
    }
    auto w = [&](RelationIndex r) { return view.weighted_ ? weight[r] : 1.0; };
    const bool all_kept = sel.keeps_all();  // spares reading each relation's type
    auto kept = [&](RelationIndex r) { return all_kept || sel.keeps(g, r); };
    // Relations are numbered by source, so entity v's out-relations are a range and its
    // in-relations (in relation order) come sorted by source.
    auto out_arcs = [&](EntityIndex v, const auto& emit) {
        for (RelationIndex r = g.out_begin(v); r < g.out_end(v); ++r)
            if (kept(r)) emit(g.target(r), w(r));
    };
    auto in_arcs = [&](EntityIndex v, const auto& emit) {
        for (RelationIndex r : g.in_relations(v))
            if (kept(r)) emit(g.source(r), w(r));
    };
    // Undirected: out- and in-relations merged in relation order, a self-loop once.
    auto both_arcs = [&](EntityIndex v, const auto& emit) {
        auto in = g.in_relations(v);
        auto i = in.begin();
        for (RelationIndex r = g.out_begin(v); r <= g.out_end(v); ++r) {
            for (; i != in.end() && (r == g.out_end(v) || *i < r); ++i)
                if (kept(*i) && g.source(*i) != v) emit(g.source(*i), w(*i));
            if (r < g.out_end(v) && kept(r)) emit(g.target(r), w(r));
        }
    };
    auto out_prefix = [&](std::size_t v) -> std::size_t {
        return v < n ? g.out_begin(static_cast<EntityIndex>(v)) : m;
    };
    auto in_prefix = [&](std::size_t v) -> std::size_t {
        return v < n ? static_cast<std::size_t>(g.in_relations(static_cast<EntityIndex>(v)).data() -
                                                g.in_relations(0).data())
                     : m;
    };
    auto both_prefix = [&](std::size_t v) { return out_prefix(v) + in_prefix(v); };

    if (n == 0) return view;
    view.has_out_ = !view.directed_ || sides == ViewSides::both;
    auto store_out = [&](Side side) {
        view.out_off_ = std::move(side.off);
        view.out_nbr_ = std::move(side.nbr);
        view.count_ = std::move(side.count);
        view.min_w_ = std::move(side.min_w);
        view.sum_w_ = std::move(side.sum_w);
    };
    auto build_both = [&]<typename Arc>() {
        if (!view.directed_) {
            store_out(build_halves<Arc>(n, both_prefix, both_arcs));
            return;
        }
        if (view.has_out_) store_out(build_halves<Arc>(n, out_prefix, out_arcs));
        Side in = build_halves<Arc>(n, in_prefix, in_arcs);
        view.in_off_ = std::move(in.off);
        view.in_nbr_ = std::move(in.nbr);
        view.in_count_ = std::move(in.count);
        view.in_sum_w_ = std::move(in.sum_w);
    };
    if (view.weighted_)
        build_both.template operator()<WeightedArc>();
    else
        build_both.template operator()<std::uint32_t>();

    // Out-strengths, arc by arc by increasing target; without the out side, from the in-arcs
    // (taken by increasing target too, so the sums are the same to the last bit), or, when
    // unweighted, by counting the kept relations that leave each entity (a whole number).
    view.out_strength_.assign(n, 0.0);
    if (!view.has_out_ && !view.weighted_) {
        for (EntityIndex u = 0; u < n; ++u) {
            std::size_t count = g.out_degree(u);
            if (!all_kept)
                for (RelationIndex r = g.out_begin(u); r < g.out_end(u); ++r) count -= !kept(r);
            view.out_strength_[u] = static_cast<double>(count);
        }
    } else if (view.has_out_) {
        for (EntityIndex u = 0; u < n; ++u) {
            auto arcs = view.out(u);
            for (std::size_t a = arcs.first; a < arcs.first + (arcs.end - arcs.begin); ++a)
                view.out_strength_[u] += view.strength(a);
        }
    } else {
        for (EntityIndex v = 0; v < n; ++v) {
            auto arcs = view.in(v);
            for (std::size_t a = arcs.first; a < arcs.first + (arcs.end - arcs.begin); ++a)
                view.out_strength_[arcs.begin[a - arcs.first]] += view.in_strength(a);
        }
    }
    timing_mark("built the analysis view");
    return view;
}

}  // namespace ecograph
