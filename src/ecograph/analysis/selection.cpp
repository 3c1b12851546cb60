#include "ecograph/analysis/selection.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ecograph/core/spellcheck.hpp"
#include "ecograph/schema/attr_value.hpp"

namespace ecograph {
namespace {

std::string hint_for(const std::string& name, const std::vector<std::string>& known) {
    std::string hint = did_you_mean(name, known);
    return hint.empty() ? "" : "; " + hint;
}

}  // namespace

std::vector<bool> entities_of_types(const Graph& g, const Schema& schema,
                                    const std::vector<std::string>& types) {
    for (const auto& t : types)
        if (!schema.entity_type(t))
            throw SelectionError(SelectionError::Part::entity_type,
                                 fmt::format("unknown entity type '{}'{}", t,
                                             hint_for(t, schema.entity_type_names())));
    // Resolved once per type tag: is_a walks the hierarchy by name.
    const auto& vocab = g.entity_type_vocabulary();
    std::vector<bool> wanted(vocab.size(), types.empty());
    for (std::size_t tag = 0; tag < vocab.size() && !types.empty(); ++tag)
        for (const auto& t : types)
            if (schema.is_a(vocab[tag], t)) wanted[tag] = true;
    std::vector<bool> mask(g.entity_count());
    for (EntityIndex v = 0; v < g.entity_count(); ++v) mask[v] = wanted[g.entity_type(v)];
    return mask;
}

// Every relation type is kept without a mask (all_types_), so no graph is needed.
Selection Selection::all(const Graph&) { return {}; }

Selection Selection::resolve(const Graph& g, const Schema& schema, const SelectionSpec& spec) {
    using Part = SelectionError::Part;
    Selection s = all(g);
    s.direction_ = spec.direction;

    const auto& vocab = g.relation_type_vocabulary();
    if (!spec.relation_types.empty()) {
        s.all_types_ = false;
        s.type_.assign(vocab.size(), false);
    }
    for (const auto& name : spec.relation_types) {
        auto it = std::find(vocab.begin(), vocab.end(), name);
        if (it == vocab.end() || name.empty())  // tag 0 is the empty type
            throw SelectionError(Part::relation_type,
                                 fmt::format("no relation of type '{}' in the graph{}", name,
                                             hint_for(name, {vocab.begin() + 1, vocab.end()})));
        s.type_[it - vocab.begin()] = true;
    }

    if (!spec.weight.empty() && g.relation_count() > 0) {
        const auto& keys = g.relation_attributes().keys();
        if (std::find(keys.begin(), keys.end(), spec.weight) == keys.end())
            throw SelectionError(Part::weight,
                                 fmt::format("no relation has an attribute '{}'{}", spec.weight,
                                             hint_for(spec.weight, keys)));
    }
    s.weight_ = spec.weight;

    const std::size_t n = g.entity_count();
    if (!spec.entity_types.empty()) s.typed_ = entities_of_types(g, schema, spec.entity_types);

    std::vector<bool> gone(n, false);
    for (const auto& id : spec.removed) {
        auto v = g.find(id);
        if (!v)
            throw SelectionError(Part::removed,
                                 fmt::format("no entity '{}'{}", id, hint_for(id, g.ids())));
        if (!gone[*v]) s.removed_.push_back(*v);
        gone[*v] = true;
    }

    if (!s.typed_.empty() || !s.removed_.empty()) {
        s.all_entities_ = false;
        s.entity_.resize(n);
        for (EntityIndex v = 0; v < n; ++v)
            s.entity_[v] = (s.typed_.empty() || s.typed_[v]) && !gone[v];
    }
    return s;
}

double Selection::weight_of(const Graph& g, RelationIndex r) const {
    if (weight_.empty()) return 1.0;
    const std::string* text = g.relation_attr(r, weight_);
    if (!text) return 1.0;
    auto parsed = parse_number_value(*text);
    if (!parsed)
        throw Error(fmt::format("relation '{}' has {}=\"{}\", which is not a number",
                                g.relation_label(r), weight_, *text));
    return *parsed;
}

Selection Selection::with_direction(Direction d) const {
    Selection s = *this;
    s.direction_ = d;
    return s;
}

Selection Selection::without_removals() const {
    Selection s = *this;
    s.removed_.clear();
    if (s.typed_.empty()) {
        s.all_entities_ = true;
        s.entity_.clear();
    } else {
        s.entity_ = s.typed_;
    }
    return s;
}

}  // namespace ecograph
