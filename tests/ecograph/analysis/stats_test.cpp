#include "ecograph/analysis/stats.hpp"

#include <catch2/catch.hpp>

#include "ecograph/io/dot_reader.hpp"
#include "ecograph/io/load.hpp"

using namespace ecograph;

//  a -> b -> c    d (isolated)    e -> e (self-loop)    a -> b again (parallel)
TEST_CASE("stats: counts, components, degrees", "[analysis][stats]") {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot("digraph { a -> b -> c; d; e -> e; a -> b }", "s.gv", b, d));
    GraphStats s = compute_stats(std::move(b).build());
    CHECK(s.entities == 5);
    CHECK(s.relations == 4);
    CHECK(s.weak_components == 3);
    CHECK(s.largest_component == 3);
    CHECK(s.strong_components == 5);  // no cycles: every entity alone
    CHECK(s.isolated == 1);
    CHECK(s.self_loops == 1);
    CHECK(s.multi_relations == 1);
    CHECK(s.density == Approx(4.0 / 20.0));
    CHECK(s.out_degree.max == 2);
    CHECK(s.out_degree.max_entity == "a");
    CHECK(s.degree.max == 3);  // b: a -> b twice, b -> c
    CHECK(s.degree.max_entity == "b");
    CHECK(s.degree.median == 2);  // 0 (d), 1 (c), 2 (a), 2 (e: the loop counts in and out), 3
    CHECK(s.in_degree.max_entity == "b");
    CHECK(s.in_degree.mean == Approx(0.8));
}

TEST_CASE("stats: the bundled ecosystem", "[analysis][stats]") {
    LoadResult r = load_graph({ECOGRAPH_SOURCE_DIR "/graphs/alibaba-cloud.gv"}, Schema::builtin());
    REQUIRE(r.graph);
    CHECK(r.diags.empty());
    GraphStats s = compute_stats(*r.graph);
    CHECK(s.entities == 26);
    CHECK(s.relations == 37);
    CHECK(s.weak_components == 1);
    auto count = [&](const std::string& type) {
        for (const auto& [t, n] : s.entities_by_type)
            if (t == type) return n;
        return std::size_t{0};
    };
    CHECK(count("Region") == 6);
    CHECK(count("DataCentre") == 3);
    CHECK(count("SI") == 1);
    CHECK(count("Group") == 1);
    CHECK(count("CloudProvider") == 1);
    CHECK(s.degree.max_entity == "alibaba-cloud");
}

// a <-> b -> c <-> d,  e -> e : SCCs {a,b} {c,d} {e}
TEST_CASE("stats: strong components through the Boost.Graph view", "[analysis][stats]") {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot("digraph { a -> b -> a; b -> c; c -> d -> c; e -> e }", "s.gv", b, d));
    GraphStats s = compute_stats(std::move(b).build());
    CHECK(s.strong_components == 3);
    CHECK(s.weak_components == 2);
}
