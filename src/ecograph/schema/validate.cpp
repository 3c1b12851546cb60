#include "ecograph/schema/validate.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "ecograph/core/run_control.hpp"
#include "ecograph/core/spellcheck.hpp"
#include "ecograph/core/table.hpp"

namespace ecograph {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

// At most `limit` code points, cut on a character boundary.
std::string shorten(std::string_view s, std::size_t limit) {
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++chars > limit - 3) break;
    }
    if (i >= s.size() || display_width(s) <= limit) return std::string(s);
    return std::string(s.substr(0, i)) + "...";
}

std::vector<std::string> concrete_types(const Schema& schema) {
    std::vector<std::string> out;
    for (const auto& t : schema.entity_types())
        if (!t.abstract) out.push_back(t.name);
    return out;
}

std::vector<std::string> names_of(const std::vector<AttrDef>& attrs) {
    std::vector<std::string> out;
    for (const auto& a : attrs) out.push_back(a.name);
    return out;
}

// Shared by entities and relations: declared types, undeclared names, required ones.
void check_attributes(std::string_view what, std::string_view subject, std::string_view type,
                      const std::vector<std::pair<std::string_view, std::string_view>>& values,
                      const std::vector<AttrDef>& allowed, const Location& loc,
                      const char* code_value, const char* code_unknown, const char* code_required,
                      Diagnostics& diags) {
    for (const auto& [key, value] : values) {
        if (is_reserved_attribute(key)) continue;
        auto def = std::find_if(allowed.begin(), allowed.end(),
                                [&](const AttrDef& a) { return a.name == key; });
        if (def == allowed.end()) {
            std::string hint = did_you_mean(key, names_of(allowed));
            diags.warning(
                code_unknown, loc, std::string(subject),
                fmt::format("attribute '{}' of {} '{}' is not declared for type '{}'", key, what,
                            subject, type),
                hint.empty() ? "declare it in a schema file (--schema), or remove it" : hint);
            continue;
        }
        std::string expected = check_attr_value(def->type, value);
        if (!expected.empty())
            diags.error(code_value, loc, std::string(subject),
                        fmt::format("attribute '{}' of {} '{}' is '{}', not {}", key, what, subject,
                                    shorten(value, 60), attr_type_name(def->type)),
                        fmt::format("expected {}", expected));
    }
    for (const auto& def : allowed) {
        if (!def.required) continue;
        bool present = std::any_of(values.begin(), values.end(),
                                   [&](const auto& kv) { return kv.first == def.name; });
        if (!present)
            diags.error(code_required, loc, std::string(subject),
                        fmt::format("{} '{}' of type '{}' lacks required attribute '{}'", what,
                                    subject, type, def.name),
                        fmt::format("add {}=... ({})", def.name, attr_type_name(def.type)));
    }
}

}  // namespace

void validate(const Graph& g, const Schema& schema, Diagnostics& diags) {
    if (!g.typed()) {
        Location loc = g.files().empty() ? Location{} : Location{g.files().front(), 0};
        diags.warning(
            "W100", loc, "", "graph has no types: loaded untyped, so schema checks are skipped",
            "give nodes and edges a type attribute (type=\"SI\", type=\"partners_with\")");
        return;
    }
    const auto entity_names = schema.entity_type_names();
    const auto relation_names = schema.relation_type_names();

    // Resolve each type tag once.
    const auto& etypes = g.entity_type_vocabulary();
    std::vector<const EntityTypeDef*> edef(etypes.size());
    std::vector<std::vector<AttrDef>> eattrs(etypes.size());
    for (std::size_t t = 1; t < etypes.size(); ++t) {
        edef[t] = schema.entity_type(etypes[t]);
        if (edef[t]) eattrs[t] = schema.entity_attributes(etypes[t]);
    }
    const auto& rtypes = g.relation_type_vocabulary();
    std::vector<const RelationTypeDef*> rdef(rtypes.size());
    std::vector<std::vector<AttrDef>> rattrs(rtypes.size());
    for (std::size_t t = 1; t < rtypes.size(); ++t) {
        rdef[t] = schema.relation_type(rtypes[t]);
        if (rdef[t]) rattrs[t] = schema.relation_attributes(rtypes[t]);
    }

    // Whether an entity of a type can get an attribute diagnostic: not when the type requires
    // none and every attribute name present is reserved (label, name, type). Entities that
    // cannot are passed over without looking their attributes up.
    const auto& entity_keys = g.entity_attributes().keys();
    const bool any_entity_value =
        std::any_of(entity_keys.begin(), entity_keys.end(),
                    [](const auto& k) { return !is_reserved_attribute(k); });
    std::vector<char> entity_attrs_checked(etypes.size());
    for (std::size_t t = 1; t < etypes.size(); ++t)
        entity_attrs_checked[t] =
            any_entity_value || std::any_of(eattrs[t].begin(), eattrs[t].end(),
                                            [](const AttrDef& a) { return a.required; });

    Diagnostics entity_diags, relation_diags, later_relation_diags;
    auto check_entities = [&] {
        for (EntityIndex v = 0; v < g.entity_count(); ++v) {
            TypeTag t = g.entity_type(v);
            if (t != 0 && edef[t] && !edef[t]->abstract && !entity_attrs_checked[t]) continue;
            std::string id(g.id(v));
            Location loc = g.entity_location(v);
            if (t == 0) {
                bool only_in_relations =
                    g.entity_attributes().all(v).empty() && g.in_degree(v) + g.out_degree(v) > 0;
                entity_diags.error(
                    "E102", loc, id,
                    only_in_relations
                        ? fmt::format("entity '{}' is used by a relation but never declared "
                                      "with a type",
                                      id)
                        : fmt::format("entity '{}' has no type", id),
                    fmt::format("declare it: \"{}\" [type=\"...\"]", id));
                continue;
            }
            if (!edef[t]) {
                std::string hint = did_you_mean(etypes[t], entity_names);
                entity_diags.error(
                    "E101", loc, id, fmt::format("unknown entity type '{}' of '{}'", etypes[t], id),
                    !hint.empty() ? hint : "known types: " + join(concrete_types(schema), ", "));
                continue;
            }
            if (edef[t]->abstract) {
                entity_diags.error(
                    "E103", loc, id,
                    fmt::format("entity type '{}' of '{}' is abstract", etypes[t], id),
                    "use one of its subtypes: " + join(schema.concrete_subtypes(etypes[t]), ", "));
            }
            check_attributes("entity", id, etypes[t], g.entity_attributes().all(v), eattrs[t], loc,
                             "E110", "W111", "E112", entity_diags);
        }
    };
    bool any_required = false;
    for (const auto& attrs : rattrs)
        for (const auto& a : attrs) any_required = any_required || a.required;
    const bool relation_attrs_checked = any_required || !g.relation_attributes().keys().empty();
    // Whether an entity type may stand at a relation type's end, for every pair of tags, as
    // [relation tag * entity tags + entity tag]: is_a walks the hierarchy by name, too slow per
    // relation. Untyped or unknown entities pass: they are reported as entities.
    const std::size_t etags = etypes.size();
    std::vector<char> from_ok(rtypes.size() * etags, 1), to_ok(from_ok);
    for (std::size_t t = 1; t < rtypes.size(); ++t) {
        if (!rdef[t]) continue;
        for (std::size_t vt = 1; vt < etags; ++vt) {
            if (!edef[vt]) continue;
            auto allowed = [&](const std::vector<std::string>& ends) {
                return std::any_of(ends.begin(), ends.end(), [&](const std::string& a) {
                    return schema.is_a(etypes[vt], a);
                });
            };
            from_ok[t * etags + vt] = allowed(rdef[t]->from);
            to_ok[t * etags + vt] = allowed(rdef[t]->to);
        }
    }
    auto check_relations = [&](RelationIndex lo, RelationIndex hi, Diagnostics& out) {
        for (RelationIndex r = lo; r < hi; ++r) {
            const TypeTag t = g.relation_type(r);
            if (rdef[t] && from_ok[t * etags + g.entity_type(g.source(r))] &&
                to_ok[t * etags + g.entity_type(g.target(r))] && !relation_attrs_checked)
                continue;  // nothing to report: the common case
            Location loc;  // only looked up, with the label, when there is something to report
            std::string label;
            auto describe = [&] {
                if (label.empty()) {
                    label = g.relation_label(r);
                    loc = g.relation_location(r);
                }
            };
            if (t == 0) {
                describe();
                out.error("E201", loc, label, fmt::format("relation '{}' has no type", label),
                          "add type=\"...\", e.g. one of: " + join(relation_names, ", "));
                continue;
            }
            if (!rdef[t]) {
                describe();
                std::string hint = did_you_mean(rtypes[t], relation_names);
                out.error(
                    "E202", loc, label,
                    fmt::format("unknown relation type '{}' in '{}'", rtypes[t], label),
                    hint.empty() ? "known relation types: " + join(relation_names, ", ") : hint);
                continue;
            }
            const RelationTypeDef& def = *rdef[t];
            auto check_end = [&](EntityIndex v, const std::vector<char>& ok, const char* code,
                                 std::string_view side) {
                TypeTag vt = g.entity_type(v);
                if (ok[t * etags + vt]) return;
                describe();
                out.error(code, loc, label,
                          fmt::format("relation '{}' {} '{}' ({}) is not allowed", def.name, side,
                                      g.id(v), etypes[vt]),
                          fmt::format("{} expects {} -> {}", def.name, join(def.from, "|"),
                                      join(def.to, "|")));
            };
            check_end(g.source(r), from_ok, "E204", "from");
            check_end(g.target(r), to_ok, "E205", "to");
            auto values = g.relation_attributes().all(r);
            if (values.empty() && !any_required) continue;
            describe();
            check_attributes("relation", label, rtypes[t], values, rattrs[t], loc, "E210", "W211",
                             "E212", out);
        }
    };

    // Entities and relations are checked on two threads in a big graph (the relations split
    // in two); diagnostics are kept apart and appended in the order one thread would give.
    const auto m = static_cast<RelationIndex>(g.relation_count());
    RelationIndex mid = m;
    std::exception_ptr worker_error;
    std::optional<std::jthread> worker;
    if (m >= (RelationIndex{1} << 17) && available_threads() >= 2) {
        mid = m / 2;  // the worker checks the entities too, mostly passed over
        worker.emplace([&] {
            try {
                check_entities();
                check_relations(mid, m, later_relation_diags);
            } catch (...) {
                worker_error = std::current_exception();
            }
        });
    } else {
        check_entities();
    }
    check_relations(0, mid, relation_diags);
    if (worker) worker.reset();  // joins
    if (worker_error) std::rethrow_exception(worker_error);
    diags.append(entity_diags);
    diags.append(relation_diags);
    diags.append(later_relation_diags);
}

}  // namespace ecograph
