// The selection stage: names resolved once against graph and schema, with did-you-mean, and
// what the views and routes built from a selection keep.
#include "ecograph/analysis/selection.hpp"

#include <catch2/catch.hpp>

#include "ecograph/analysis/degree.hpp"
#include "ecograph/analysis/paths.hpp"
#include "ecograph/analysis/view.hpp"
#include "ecograph/io/dot_reader.hpp"

using namespace ecograph;
using Part = SelectionError::Part;

namespace {

//   acme (SI) -partners_with-> cloud (CloudProvider) -operates_in-> india (Region)
//   acme -operates_in-> india                        bob (Person) -works_for-> acme
Graph sample() {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot(R"(digraph {
        acme [type=SI]; cloud [type=CloudProvider]; india [type=Region]; bob [type=Person];
        acme -> cloud [type=partners_with, weight=2];
        cloud -> india [type=operates_in];
        acme -> india [type=operates_in, weight=5];
        bob -> acme [type=works_for];
    })",
                     "s.gv", b, d));
    return std::move(b).build();
}

EntityIndex at(const Graph& g, const char* id) { return *g.find(id); }

// The part and message of the SelectionError that resolving `spec` throws.
std::pair<Part, std::string> refusal(const Graph& g, const SelectionSpec& spec) {
    try {
        Selection::resolve(g, Schema::builtin(), spec);
    } catch (const SelectionError& e) {
        return {e.part(), e.what()};
    }
    FAIL("resolved without an error");
    return {};
}

}  // namespace

TEST_CASE("selection: unknown names are refused with the concept and a suggestion",
          "[analysis][selection]") {
    Graph g = sample();
    auto [part, message] = refusal(g, {.relation_types = {"operates_on"}});
    CHECK(part == Part::relation_type);
    CHECK(message == "no relation of type 'operates_on' in the graph; did you mean 'operates_in'?");
    std::tie(part, message) = refusal(g, {.entity_types = {"Compnay"}});
    CHECK(part == Part::entity_type);
    CHECK_THAT(message, Catch::StartsWith("unknown entity type 'Compnay'; did you mean"));
    std::tie(part, message) = refusal(g, {.weight = "wieght"});
    CHECK(part == Part::weight);
    CHECK(message == "no relation has an attribute 'wieght'; did you mean 'weight'?");
    std::tie(part, message) = refusal(g, {.removed = {"acm"}});
    CHECK(part == Part::removed);
    CHECK(message == "no entity 'acm'; did you mean 'acme'?");
    // The empty type is no relation type, even though unlabelled relations have it.
    CHECK(refusal(g, {.relation_types = {""}}).first == Part::relation_type);
}

TEST_CASE("selection: relation types, entity types with subtypes, removals",
          "[analysis][selection]") {
    Graph g = sample();
    const Schema& schema = Schema::builtin();
    auto kept = [&](const Selection& s) {
        std::vector<std::string> out;
        for (RelationIndex r = 0; r < g.relation_count(); ++r)
            if (s.keeps(g, r))
                out.push_back(std::string(g.id(g.source(r))) + ">" +
                              std::string(g.id(g.target(r))));
        return out;
    };
    Selection all = Selection::all(g);
    CHECK(all.keeps_all());
    CHECK(kept(all).size() == 4);

    Selection ops = Selection::resolve(g, schema, {.relation_types = {"operates_in"}});
    CHECK_FALSE(ops.keeps_all());
    CHECK(kept(ops) == std::vector<std::string>{"acme>india", "cloud>india"});

    // :Company covers SI and CloudProvider; bob and india are left out, so are their relations.
    Selection companies = Selection::resolve(g, schema, {.entity_types = {"Company"}});
    CHECK(companies.keeps_entity(at(g, "acme")));
    CHECK(companies.keeps_entity(at(g, "cloud")));
    CHECK_FALSE(companies.keeps_entity(at(g, "bob")));
    CHECK(kept(companies) == std::vector<std::string>{"acme>cloud"});

    Selection without = Selection::resolve(g, schema, {.removed = {"cloud", "acme", "cloud"}});
    CHECK(without.removed() == std::vector<EntityIndex>{at(g, "cloud"), at(g, "acme")});
    CHECK(kept(without).empty());
    CHECK(kept(without.without_removals()).size() == 4);
    CHECK(without.without_removals().removed().empty());
    // Putting removals back keeps the entity-type filter.
    Selection typed =
        Selection::resolve(g, schema, {.entity_types = {"Company"}, .removed = {"cloud"}});
    CHECK(kept(typed).empty());
    CHECK(kept(typed.without_removals()) == std::vector<std::string>{"acme>cloud"});
}

TEST_CASE("selection: views, degree and routes see only what it keeps", "[analysis][selection]") {
    Graph g = sample();
    const Schema& schema = Schema::builtin();
    const EntityIndex acme = at(g, "acme"), india = at(g, "india"), bob = at(g, "bob");

    Selection weighted = Selection::resolve(g, schema, {.weight = "weight"});
    CHECK(weighted.weight_of(g, 0) == 2);  // relations are numbered by source: acme's first
    auto strength = degree_centrality(g, DegreeMode::Out, weighted);
    CHECK(strength[acme] == 7);  // 2 + 5
    CHECK(strength[bob] == 1);   // no weight attribute: 1

    // A removed entity stays in the view (indices unchanged) with no arcs.
    Selection gone = Selection::resolve(g, schema, {.removed = {"acme"}});
    AnalysisView v = AnalysisView::build(g, gone);
    CHECK(v.size() == g.entity_count());
    CHECK(v.arc_count() == 1);  // cloud -> india
    CHECK(v.out_degree(acme) == 0);
    CHECK(v.out_degree(bob) == 0);

    // Routes: reverse follows relations backwards; both ignores direction.
    Selection ops = Selection::resolve(g, schema, {.relation_types = {"operates_in"}});
    CHECK(reach(g, india, ops).distance[acme] == -1);
    CHECK(reach(g, india, ops.with_direction(Direction::reverse)).distance[acme] == 1);
    CHECK(reach(g, acme, ops.with_direction(Direction::both)).distance[at(g, "cloud")] == 2);
    CHECK(reach(g, bob, Selection::all(g)).distance[india] == 2);
    CHECK(reach(g, bob, gone).distance[india] == -1);

    // A view is directed or undirected: reversing one is a programming error.
    CHECK_THROWS_AS(AnalysisView::build(g, ops.with_direction(Direction::reverse)),
                    std::logic_error);
    CHECK_FALSE(AnalysisView::build(g, ops.with_direction(Direction::both)).directed());
}
