#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecograph/schema/attr_value.hpp"

namespace ecograph {

struct AttrDef {
    std::string name;
    AttrType type = AttrType::String;
    bool required = false;
    bool declared = true;  ///< false when only named in `required`, typed by a parent or common
};

/// Visual theme of a type: Graphviz shape, fill or line colour, line style.
struct Theme {
    std::string shape;
    std::string color;
    std::string style;
};

struct EntityTypeDef {
    std::string name;
    std::string parent;  ///< empty for a root
    std::string description;
    bool abstract = false;  ///< may be named in relation endpoints, not used on an entity
    Theme theme;
    std::vector<AttrDef> attributes;  ///< declared on this type itself, in declaration order
};

struct RelationTypeDef {
    std::string name;
    std::string description;
    std::vector<std::string> from;  ///< allowed source types (a subtype satisfies its parent)
    std::vector<std::string> to;
    Theme theme;
    std::vector<AttrDef> attributes;
};

/// Entity and relation types, their attributes and theme. Built-in default plus user files.
class Schema {
public:
    /// The built-in cloud-partner-ecosystem schema.
    static const Schema& builtin();
    /// Parses a schema in TOML. Throws Error (unreadable input) with "origin:line:" on a syntax
    /// error or an inconsistent schema (unknown parent, cycles, unknown endpoint types).
    static Schema from_toml(std::string_view text, std::string_view origin);
    /// The effective schema: the built-in one, extended or replaced by the user file if given.
    static Schema load(const std::optional<std::string>& user_file);

    /// Adds `other`'s types; for a type present in both, attributes are added and non-empty
    /// fields of `other` override.
    void extend(const Schema& other);

    const std::string& name() const { return name_; }
    /// True for a user schema with `mode = "replace"`: it stands alone instead of extending.
    bool replaces_builtin() const { return replace_; }
    const EntityTypeDef* entity_type(std::string_view name) const;
    const RelationTypeDef* relation_type(std::string_view name) const;
    const std::vector<EntityTypeDef>& entity_types() const { return entity_types_; }
    const std::vector<RelationTypeDef>& relation_types() const { return relation_types_; }
    const std::vector<AttrDef>& common_entity_attributes() const { return common_entity_; }
    const std::vector<AttrDef>& common_relation_attributes() const { return common_relation_; }

    std::vector<std::string> entity_type_names() const;
    std::vector<std::string> relation_type_names() const;
    /// Concrete (non-abstract) types that are `type` or descend from it.
    std::vector<std::string> concrete_subtypes(std::string_view type) const;

    /// True when `type` is `ancestor` or descends from it.
    bool is_a(std::string_view type, std::string_view ancestor) const;
    /// Chain from `type` up to its root, `type` first.
    std::vector<const EntityTypeDef*> lineage(std::string_view type) const;

    /// Every attribute an entity of `type` may carry: common ones, then inherited, then own.
    std::vector<AttrDef> entity_attributes(std::string_view type) const;
    std::vector<AttrDef> relation_attributes(std::string_view type) const;

    /// Theme with unset fields inherited from the parent types.
    Theme entity_theme(std::string_view type) const;
    Theme relation_theme(std::string_view type) const;

private:
    void check_consistency(std::string_view origin) const;

    std::string name_;
    bool replace_ = false;
    std::vector<AttrDef> common_entity_;
    std::vector<AttrDef> common_relation_;
    std::vector<EntityTypeDef> entity_types_;
    std::vector<RelationTypeDef> relation_types_;
    std::map<std::string, std::size_t, std::less<>> entity_index_;
    std::map<std::string, std::size_t, std::less<>> relation_index_;
};

/// Attributes with a meaning of their own in the DOT conventions, never checked against the
/// schema: type, label, name.
bool is_reserved_attribute(std::string_view name);

}  // namespace ecograph
