#include "ecograph/schema/schema.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "ecograph/core/atomic_file.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/core/spellcheck.hpp"
#include "ecograph/schema/default_schema.hpp"

namespace ecograph {
namespace {

// Reading one TOML document, with every error naming origin:line.
class TomlReader {
public:
    explicit TomlReader(std::string_view origin) : origin_(origin) {}

    [[noreturn]] void fail(const toml::node& at, const std::string& message) const {
        throw Error(fmt::format("{}:{}: {}", origin_, at.source().begin.line, message),
                    ExitStatus::Unreadable);
    }

    void check_keys(const toml::table& t, std::string_view where,
                    const std::vector<std::string>& allowed) const {
        for (const auto& [key, node] : t) {
            std::string k(key.str());
            if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
            std::string hint = did_you_mean(k, allowed);
            fail(node, fmt::format("unknown key '{}' in {}{}", k, where,
                                   hint.empty() ? "" : "; " + hint));
        }
    }

    std::string string(const toml::table& t, std::string_view key) const {
        const toml::node* n = t.get(key);
        if (!n) return {};
        if (!n->is_string()) fail(*n, fmt::format("'{}' must be a string", key));
        return std::string(*n->value<std::string_view>());
    }

    bool boolean(const toml::table& t, std::string_view key) const {
        const toml::node* n = t.get(key);
        if (!n) return false;
        if (!n->is_boolean()) fail(*n, fmt::format("'{}' must be true or false", key));
        return *n->value<bool>();
    }

    std::vector<std::string> strings(const toml::table& t, std::string_view key) const {
        std::vector<std::string> out;
        const toml::node* n = t.get(key);
        if (!n) return out;
        const toml::array* a = n->as_array();
        if (!a) fail(*n, fmt::format("'{}' must be an array of strings", key));
        for (const auto& item : *a) {
            if (!item.is_string()) fail(item, fmt::format("'{}' must hold strings only", key));
            out.emplace_back(*item.value<std::string_view>());
        }
        return out;
    }

    const toml::table* table(const toml::table& t, std::string_view key) const {
        const toml::node* n = t.get(key);
        if (!n) return nullptr;
        if (!n->is_table()) fail(*n, fmt::format("'{}' must be a table", key));
        return n->as_table();
    }

    std::vector<AttrDef> attributes(const toml::table& owner,
                                    const std::vector<std::string>& required) const {
        std::vector<AttrDef> out;
        if (const toml::table* attrs = table(owner, "attributes")) {
            for (const auto& [key, node] : *attrs) {
                if (!node.is_string())
                    fail(node,
                         fmt::format("attribute '{}' must name a type as a string", key.str()));
                std::string_view type_name = *node.value<std::string_view>();
                auto type = parse_attr_type(type_name);
                if (!type) {
                    std::string hint = did_you_mean(type_name, attr_type_names());
                    fail(node, fmt::format("unknown attribute type '{}' for '{}'; {}", type_name,
                                           key.str(),
                                           hint.empty() ? "expected one of string, integer, "
                                                          "number, money, date, boolean, list"
                                                        : hint));
                }
                std::string name(key.str());
                if (is_reserved_attribute(name))
                    fail(node, fmt::format("'{}' is reserved by the DOT conventions and cannot "
                                           "be declared as an attribute",
                                           name));
                out.push_back({name, *type, false});
            }
        }
        for (const auto& r : required) {
            auto it =
                std::find_if(out.begin(), out.end(), [&](const AttrDef& a) { return a.name == r; });
            if (it == out.end()) {
                // Requiring an inherited or common attribute: its type comes from there.
                out.push_back({r, AttrType::String, true, false});
            } else {
                it->required = true;
            }
        }
        return out;
    }

private:
    std::string origin_;
};

}  // namespace

bool is_reserved_attribute(std::string_view name) {
    return name == "type" || name == "label" || name == "name";
}

const Schema& Schema::builtin() {
    static const Schema schema = from_toml(default_schema_toml(), "<built-in schema>");
    return schema;
}

Schema Schema::from_toml(std::string_view text, std::string_view origin) {
    toml::table doc;
    try {
        doc = toml::parse(text, origin);
    } catch (const toml::parse_error& e) {
        throw Error(fmt::format("{}:{}:{}: {}", origin, e.source().begin.line,
                                e.source().begin.column, e.description()),
                    ExitStatus::Unreadable);
    }
    TomlReader r(origin);
    r.check_keys(doc, "the schema", {"name", "version", "mode", "common", "entity", "relation"});

    Schema s;
    s.name_ = r.string(doc, "name");
    std::string mode = r.string(doc, "mode");
    if (!mode.empty() && mode != "extend" && mode != "replace")
        r.fail(*doc.get("mode"),
               fmt::format("mode must be \"extend\" or \"replace\", not \"{}\"", mode));
    s.replace_ = mode == "replace";

    if (const toml::table* common = r.table(doc, "common")) {
        r.check_keys(*common, "[common]", {"entity", "relation"});
        if (const toml::table* e = r.table(*common, "entity")) {
            r.check_keys(*e, "[common.entity]", {"attributes"});
            s.common_entity_ = r.attributes(*e, {});
        }
        if (const toml::table* rel = r.table(*common, "relation")) {
            r.check_keys(*rel, "[common.relation]", {"attributes"});
            s.common_relation_ = r.attributes(*rel, {});
        }
    }
    if (const toml::table* entities = r.table(doc, "entity")) {
        for (const auto& [key, node] : *entities) {
            std::string where = fmt::format("[entity.{}]", key.str());
            if (!node.is_table()) r.fail(node, where + " must be a table");
            const toml::table& t = *node.as_table();
            r.check_keys(t, where,
                         {"parent", "description", "abstract", "shape", "color", "style",
                          "required", "attributes"});
            EntityTypeDef def;
            def.name = std::string(key.str());
            def.parent = r.string(t, "parent");
            def.description = r.string(t, "description");
            def.abstract = r.boolean(t, "abstract");
            def.theme = {r.string(t, "shape"), r.string(t, "color"), r.string(t, "style")};
            def.attributes = r.attributes(t, r.strings(t, "required"));
            s.entity_index_[def.name] = s.entity_types_.size();
            s.entity_types_.push_back(std::move(def));
        }
    }
    if (const toml::table* relations = r.table(doc, "relation")) {
        for (const auto& [key, node] : *relations) {
            std::string where = fmt::format("[relation.{}]", key.str());
            if (!node.is_table()) r.fail(node, where + " must be a table");
            const toml::table& t = *node.as_table();
            r.check_keys(t, where,
                         {"description", "from", "to", "color", "style", "required", "attributes"});
            RelationTypeDef def;
            def.name = std::string(key.str());
            def.description = r.string(t, "description");
            def.from = r.strings(t, "from");
            def.to = r.strings(t, "to");
            def.theme = {"", r.string(t, "color"), r.string(t, "style")};
            def.attributes = r.attributes(t, r.strings(t, "required"));
            s.relation_index_[def.name] = s.relation_types_.size();
            s.relation_types_.push_back(std::move(def));
        }
    }
    // A self-contained schema must be consistent on its own; an extension only once merged.
    if (s.replace_ || origin == "<built-in schema>") s.check_consistency(origin);
    return s;
}

Schema Schema::load(const std::optional<std::string>& user_file) {
    if (!user_file) return builtin();
    Schema user = from_toml(read_file(*user_file), *user_file);
    if (user.replace_) return user;
    Schema merged = builtin();
    merged.extend(user);
    merged.check_consistency(*user_file);
    return merged;
}

namespace {

void merge_attributes(std::vector<AttrDef>& into, const std::vector<AttrDef>& from) {
    for (const auto& a : from) {
        auto it = std::find_if(into.begin(), into.end(),
                               [&](const AttrDef& b) { return b.name == a.name; });
        if (it == into.end())
            into.push_back(a);
        else if (!a.declared)  // only named in `required`: keep the declared type
            it->required = true;
        else
            *it = a;
    }
}

void merge_theme(Theme& into, const Theme& from) {
    if (!from.shape.empty()) into.shape = from.shape;
    if (!from.color.empty()) into.color = from.color;
    if (!from.style.empty()) into.style = from.style;
}

}  // namespace

void Schema::extend(const Schema& other) {
    if (!other.name_.empty()) name_ = other.name_;
    merge_attributes(common_entity_, other.common_entity_);
    merge_attributes(common_relation_, other.common_relation_);
    for (const auto& t : other.entity_types_) {
        auto it = entity_index_.find(t.name);
        if (it == entity_index_.end()) {
            entity_index_[t.name] = entity_types_.size();
            entity_types_.push_back(t);
            continue;
        }
        EntityTypeDef& mine = entity_types_[it->second];
        if (!t.parent.empty()) mine.parent = t.parent;
        if (!t.description.empty()) mine.description = t.description;
        mine.abstract = mine.abstract || t.abstract;
        merge_theme(mine.theme, t.theme);
        merge_attributes(mine.attributes, t.attributes);
    }
    for (const auto& t : other.relation_types_) {
        auto it = relation_index_.find(t.name);
        if (it == relation_index_.end()) {
            relation_index_[t.name] = relation_types_.size();
            relation_types_.push_back(t);
            continue;
        }
        RelationTypeDef& mine = relation_types_[it->second];
        if (!t.description.empty()) mine.description = t.description;
        if (!t.from.empty()) mine.from = t.from;
        if (!t.to.empty()) mine.to = t.to;
        merge_theme(mine.theme, t.theme);
        merge_attributes(mine.attributes, t.attributes);
    }
}

void Schema::check_consistency(std::string_view origin) const {
    auto fail = [&](const std::string& message) {
        throw Error(fmt::format("{}: {}", origin, message), ExitStatus::Unreadable);
    };
    auto names = entity_type_names();
    auto check_type = [&](const std::string& type, const std::string& where) {
        if (entity_type(type)) return;
        std::string hint = did_you_mean(type, names);
        fail(fmt::format("{} names unknown entity type '{}'{}", where, type,
                         hint.empty() ? "" : "; " + hint));
    };
    for (const auto& t : entity_types_) {
        if (!t.parent.empty()) check_type(t.parent, fmt::format("[entity.{}] parent", t.name));
        // Walk up: a chain longer than the number of types means a cycle.
        std::size_t steps = 0;
        for (const EntityTypeDef* p = &t; p && !p->parent.empty(); p = entity_type(p->parent))
            if (++steps > entity_types_.size())
                fail(fmt::format("entity type '{}' is its own ancestor (parent cycle)", t.name));
    }
    for (const auto& r : relation_types_) {
        if (r.from.empty() || r.to.empty())
            fail(fmt::format("[relation.{}] needs non-empty 'from' and 'to' lists", r.name));
        for (const auto& f : r.from) check_type(f, fmt::format("[relation.{}] from", r.name));
        for (const auto& f : r.to) check_type(f, fmt::format("[relation.{}] to", r.name));
    }
}

const EntityTypeDef* Schema::entity_type(std::string_view name) const {
    auto it = entity_index_.find(name);
    return it == entity_index_.end() ? nullptr : &entity_types_[it->second];
}

const RelationTypeDef* Schema::relation_type(std::string_view name) const {
    auto it = relation_index_.find(name);
    return it == relation_index_.end() ? nullptr : &relation_types_[it->second];
}

std::vector<std::string> Schema::entity_type_names() const {
    std::vector<std::string> out;
    for (const auto& t : entity_types_) out.push_back(t.name);
    return out;
}

std::vector<std::string> Schema::relation_type_names() const {
    std::vector<std::string> out;
    for (const auto& t : relation_types_) out.push_back(t.name);
    return out;
}

std::vector<std::string> Schema::concrete_subtypes(std::string_view type) const {
    std::vector<std::string> out;
    for (const auto& t : entity_types_)
        if (!t.abstract && is_a(t.name, type)) out.push_back(t.name);
    return out;
}

std::vector<const EntityTypeDef*> Schema::lineage(std::string_view type) const {
    std::vector<const EntityTypeDef*> out;
    for (const EntityTypeDef* t = entity_type(type); t && out.size() <= entity_types_.size();
         t = t->parent.empty() ? nullptr : entity_type(t->parent))
        out.push_back(t);
    return out;
}

bool Schema::is_a(std::string_view type, std::string_view ancestor) const {
    for (const EntityTypeDef* t : lineage(type))
        if (t->name == ancestor) return true;
    return false;
}

std::vector<AttrDef> Schema::entity_attributes(std::string_view type) const {
    std::vector<AttrDef> out = common_entity_;
    auto chain = lineage(type);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        for (const AttrDef& a : (*it)->attributes) {
            auto same = std::find_if(out.begin(), out.end(),
                                     [&](const AttrDef& b) { return b.name == a.name; });
            if (same == out.end()) {
                out.push_back(a);
            } else if (!a.declared) {
                // `required = [...]` naming an inherited attribute keeps the inherited type.
                same->required = true;
            } else {
                *same = a;
            }
        }
    }
    return out;
}

std::vector<AttrDef> Schema::relation_attributes(std::string_view type) const {
    std::vector<AttrDef> out = common_relation_;
    if (const RelationTypeDef* r = relation_type(type)) {
        for (const AttrDef& a : r->attributes) {
            auto same = std::find_if(out.begin(), out.end(),
                                     [&](const AttrDef& b) { return b.name == a.name; });
            if (same == out.end())
                out.push_back(a);
            else if (!a.declared)
                same->required = true;
            else
                *same = a;
        }
    }
    return out;
}

Theme Schema::entity_theme(std::string_view type) const {
    Theme out;
    for (const EntityTypeDef* t : lineage(type)) {
        if (out.shape.empty()) out.shape = t->theme.shape;
        if (out.color.empty()) out.color = t->theme.color;
        if (out.style.empty()) out.style = t->theme.style;
    }
    return out;
}

Theme Schema::relation_theme(std::string_view type) const {
    const RelationTypeDef* r = relation_type(type);
    return r ? r->theme : Theme{};
}

}  // namespace ecograph
