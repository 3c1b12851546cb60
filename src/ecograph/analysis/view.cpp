#include "ecograph/analysis/view.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "ecograph/core/error.hpp"
#include "ecograph/core/spellcheck.hpp"
#include "ecograph/schema/attr_value.hpp"

namespace ecograph {
namespace {

struct Arc {
    std::uint32_t from, to;
    double weight;
};

}  // namespace

std::vector<bool> relation_type_mask(const Graph& g, const std::vector<std::string>& via) {
    const auto& vocab = g.relation_type_vocabulary();
    std::vector<bool> keep(vocab.size(), via.empty());
    for (const auto& name : via) {
        auto it = std::find(vocab.begin(), vocab.end(), name);
        if (it == vocab.end() || name.empty()) {
            std::vector<std::string> known(vocab.begin() + 1, vocab.end());
            std::string hint = did_you_mean(name, known);
            throw Error(fmt::format("--via: no relation of type '{}' in the graph{}", name,
                                    hint.empty() ? "" : "; " + hint),
                        ExitStatus::Usage);
        }
        keep[it - vocab.begin()] = true;
    }
    return keep;
}

double relation_weight(const Graph& g, RelationIndex r, const std::string& weight) {
    if (weight.empty()) return 1.0;
    const std::string* text = g.relation_attr(r, weight);
    if (!text) return 1.0;
    auto parsed = parse_number_value(*text);
    if (!parsed)
        throw Error(fmt::format("relation '{}' has {}=\"{}\", which is not a number",
                                g.relation_label(r), weight, *text));
    return *parsed;
}

void check_weight_attribute(const Graph& g, const std::string& weight) {
    if (weight.empty() || g.relation_count() == 0) return;
    const auto& keys = g.relation_attributes().keys();
    if (std::find(keys.begin(), keys.end(), weight) != keys.end()) return;
    std::string hint = did_you_mean(weight, keys);
    throw Error(fmt::format("--weight: no relation has an attribute '{}'{}", weight,
                            hint.empty() ? "" : "; " + hint),
                ExitStatus::Usage);
}

AnalysisView AnalysisView::build(const Graph& g, const ViewOptions& options,
                                 bool positive_weights) {
    AnalysisView view;
    view.directed_ = g.directed() && !options.undirected;
    view.weighted_ = !options.weight.empty();
    const std::size_t n = g.entity_count();
    std::vector<bool> keep = relation_type_mask(g, options.via);
    check_weight_attribute(g, options.weight);

    // Arcs in the order of one stable sort by (from, to), in O(m + sum of d log d) rather than
    // O(m log m): grouped by `from` with a stable counting sort, then each group stably sorted
    // by `to`; runs of the same (from, to) collapse into one arc.
    std::vector<std::uint64_t> start(n + 1, 0);
    // add(from, to, weight) for each arc of a kept relation; the weight is read (and checked)
    // once per relation, and only when asked for.
    auto for_each_arc = [&](bool weights, auto add) {
        for (RelationIndex r = 0; r < g.relation_count(); ++r) {
            if (!keep[g.relation_type(r)]) continue;
            double w = weights ? relation_weight(g, r, options.weight) : 1.0;
            if (weights && positive_weights && !(w > 0))
                throw Error(
                    fmt::format("relation '{}' has {}={}: weights used as lengths must be "
                                "positive",
                                g.relation_label(r), options.weight, w));
            EntityIndex s = g.source(r), t = g.target(r);
            add(s, t, w);
            if (!view.directed_ && s != t) add(t, s, w);
        }
    };
    for_each_arc(false, [&](EntityIndex s, EntityIndex, double) { ++start[s + 1]; });
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
    view.out_off_.assign(n + 1, 0);
    view.out_nbr_.reserve(start[n]);
    view.count_.reserve(start[n]);
    if (!view.weighted_) {
        // Unweighted: only targets move, and equal targets need no stable order.
        std::vector<std::uint32_t> to(start[n]);
        for_each_arc(false, [&](EntityIndex s, EntityIndex t, double) { to[next[s]++] = t; });
        for (std::size_t v = 0; v < n; ++v) {
            auto* first = to.data() + start[v];
            auto* last = to.data() + start[v + 1];
            std::sort(first, last);
            for (const auto* i = first; i != last;) {
                const auto* j = i;
                while (j != last && *j == *i) ++j;
                view.out_nbr_.push_back(*i);
                view.count_.push_back(static_cast<std::uint32_t>(j - i));
                i = j;
            }
            view.out_off_[v + 1] = view.out_nbr_.size();
        }
    } else {
        std::vector<Arc> arcs(start[n]);
        for_each_arc(true, [&](EntityIndex s, EntityIndex t, double w) {
            arcs[next[s]++] = {s, t, w};
        });
        for (std::size_t v = 0; v < n; ++v) {
            auto first = arcs.begin() + static_cast<std::ptrdiff_t>(start[v]);
            auto last = arcs.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
            // Stable: parallel relations' weights are summed in input order.
            std::stable_sort(first, last, [](const Arc& a, const Arc& b) { return a.to < b.to; });
            for (auto i = first; i != last;) {
                auto j = i;
                double min_w = i->weight, sum_w = 0;
                for (; j != last && j->to == i->to; ++j) {
                    min_w = std::min(min_w, j->weight);
                    sum_w += j->weight;
                }
                view.out_nbr_.push_back(i->to);
                view.count_.push_back(static_cast<std::uint32_t>(j - i));
                view.min_w_.push_back(min_w);
                view.sum_w_.push_back(sum_w);
                i = j;
            }
            view.out_off_[v + 1] = view.out_nbr_.size();
        }
    }

    if (view.directed_) {
        // Transpose: in-arcs grouped by target, sorted by source (counting sort keeps order).
        view.in_off_.assign(n + 1, 0);
        for (auto t : view.out_nbr_) ++view.in_off_[t + 1];
        std::partial_sum(view.in_off_.begin(), view.in_off_.end(), view.in_off_.begin());
        std::vector<std::uint64_t> fill(view.in_off_.begin(), view.in_off_.end() - 1);
        view.in_nbr_.resize(view.out_nbr_.size());
        view.in_count_.resize(view.out_nbr_.size());
        if (view.weighted_) view.in_sum_w_.resize(view.out_nbr_.size());
        for (EntityIndex u = 0; u < n; ++u)
            for (std::size_t a = view.out_off_[u]; a < view.out_off_[u + 1]; ++a) {
                std::size_t slot = fill[view.out_nbr_[a]]++;
                view.in_nbr_[slot] = u;
                view.in_count_[slot] = view.count_[a];
                if (view.weighted_) view.in_sum_w_[slot] = view.sum_w_[a];
            }
    }
    return view;
}

}  // namespace ecograph
