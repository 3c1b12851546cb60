#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ecograph/core/error.hpp"
#include "ecograph/model/graph.hpp"
#include "ecograph/schema/schema.hpp"

namespace ecograph {

/// Which way relations are followed.
enum class Direction {
    forward,  ///< along each relation's direction
    reverse,  ///< against it (who reaches an entity); routes only, a view cannot be reversed
    both,     ///< either way (an undirected graph is always followed both ways)
};

/// What an analysis is asked to look at, by name, as the user wrote it.
struct SelectionSpec {
    std::vector<std::string> relation_types{};  ///< relation types followed (all when empty)
    std::vector<std::string> entity_types{};    ///< entity types seen, with subtypes (all if empty)
    std::string weight{};                       ///< relation attribute read as a number; "" none
    Direction direction = Direction::forward;
    std::vector<std::string> removed{};  ///< ids of entities taken out (their relations go too)
};

/// A name in a SelectionSpec that the graph or schema does not have. The message names the
/// concept ("no relation of type 'x' in the graph; did you mean ...?"); `part` says which list
/// it came from, so that a caller can name its own option.
class SelectionError : public Error {
public:
    enum class Part { relation_type, entity_type, weight, removed };
    SelectionError(Part part, const std::string& message) : Error(message), part_(part) {}
    Part part() const { return part_; }

private:
    Part part_;
};

/// Per entity: whether its type is or descends from one of `types` (all when empty). Throws
/// SelectionError (entity_type) for a type the schema does not know.
std::vector<bool> entities_of_types(const Graph& g, const Schema& schema,
                                    const std::vector<std::string>& types);

/// A SelectionSpec resolved once against a graph and its schema: the relation types, entities
/// and direction an analysis follows, and the weight it reads. Entity indices stay those of
/// the graph: an entity left out is simply isolated (none of its relations is kept).
/// Only valid with the graph it was resolved for.
class Selection {
public:
    /// Everything, along relation directions, unweighted.
    static Selection all(const Graph& g);
    /// Throws SelectionError for a relation type no relation has, an entity type the schema
    /// does not know, a weight attribute no relation carries, or an unknown id in `removed`,
    /// each with "did you mean".
    static Selection resolve(const Graph& g, const Schema& schema, const SelectionSpec& spec);

    /// Whether relation r is followed: its type is kept and neither end is left out.
    bool keeps(const Graph& g, RelationIndex r) const {
        return (all_types_ || type_[g.relation_type(r)]) &&
               (all_entities_ || (entity_[g.source(r)] && entity_[g.target(r)]));
    }
    /// Whether relation r's type is kept (whatever its ends).
    bool keeps_type(const Graph& g, RelationIndex r) const {
        return all_types_ || type_[g.relation_type(r)];
    }
    bool keeps_entity(EntityIndex v) const { return all_entities_ || entity_[v]; }
    /// Whether every relation is kept (no test needed per relation).
    bool keeps_all() const { return all_types_ && all_entities_; }

    Direction direction() const { return direction_; }
    /// Whether relations are followed either way: asked for, or the graph is undirected.
    bool undirected(const Graph& g) const { return direction_ == Direction::both || !g.directed(); }

    const std::string& weight() const { return weight_; }
    bool weighted() const { return !weight_.empty(); }
    /// Relation r's weight (1 when unweighted or the relation lacks the attribute, as in
    /// NetworkX). Throws Error naming the relation when the value is not a number.
    double weight_of(const Graph& g, RelationIndex r) const;

    /// The entities taken out, in the order given, each once.
    const std::vector<EntityIndex>& removed() const { return removed_; }

    /// The same selection followed another way, or with the removed entities put back.
    Selection with_direction(Direction d) const;
    Selection without_removals() const;

private:
    std::vector<bool> type_;    // per relation type tag
    std::vector<bool> entity_;  // per entity: seen and not removed
    std::vector<bool> typed_;   // per entity: its type is kept (removals aside)
    std::vector<EntityIndex> removed_;
    bool all_types_ = true, all_entities_ = true;
    Direction direction_ = Direction::forward;
    std::string weight_;
};

}  // namespace ecograph
