#include "ecograph/model/graph.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "../analysis/random_graph.hpp"

using namespace ecograph;

//   a --> b --> c
//   |  \        ^
//   v   `-------'
//   d
TEST_CASE("graph: CSR ranges hold each entity's relations", "[model][graph]") {
    GraphBuilder b;
    auto f = b.add_file("x.gv");
    auto c = b.entity("c", {f, 1});
    auto a = b.entity("a", {f, 2});
    auto bb = b.entity("b", {f, 3});
    auto d = b.entity("d", {f, 4});
    b.add_relation(bb, c, "r", {f, 5});
    b.add_relation(a, bb, "r", {f, 6});
    b.add_relation(a, d, "s", {f, 7});
    auto ac = b.add_relation(a, c, "r", {f, 8});
    b.set_relation_attr(ac, "w", "2.5");
    b.set_entity_attr(a, "label", "Alpha");
    Graph g = std::move(b).build();

    REQUIRE(g.entity_count() == 4);
    REQUIRE(g.relation_count() == 4);
    CHECK(g.id(a) == "a");
    CHECK(g.name(a) == "Alpha");
    CHECK(g.name(d) == "d");
    CHECK(g.find("b") == bb);
    CHECK_FALSE(g.find("zz").has_value());
    CHECK(g.out_degree(a) == 3);
    CHECK(g.in_degree(c) == 2);
    // a's relations are contiguous and in input order; attributes follow the reordering.
    std::vector<std::string> targets;
    for (RelationIndex r = g.out_begin(a); r < g.out_end(a); ++r) {
        CHECK(g.source(r) == a);
        targets.emplace_back(g.id(g.target(r)));
    }
    CHECK(targets == std::vector<std::string>{"b", "d", "c"});
    RelationIndex last = g.out_end(a) - 1;
    CHECK(*g.relation_attr(last, "w") == "2.5");
    CHECK(g.relation_location(last).line == 8);
    CHECK(g.relation_label(last) == "a -r-> c");
    for (RelationIndex r : g.in_relations(c)) CHECK(g.target(r) == c);
    CHECK(g.entity_type_vocabulary() == std::vector<std::string>{""});
    CHECK(g.relation_type_vocabulary() == std::vector<std::string>{"", "r", "s"});
    CHECK(g.typed());
}

TEST_CASE("graph: types conflict only when different", "[model][graph]") {
    GraphBuilder b;
    auto v = b.entity("x", {});
    CHECK(b.set_entity_type(v, "SI"));
    CHECK(b.set_entity_type(v, "SI"));
    CHECK_FALSE(b.set_entity_type(v, "ISV"));
    CHECK(b.entity_type(v) == "SI");
}

TEST_CASE("graph: an entity costs 22 bytes plus its id, a relation 18", "[model][graph]") {
    GraphBuilder b;
    auto f = b.add_file("m.gv");
    std::size_t id_bytes = 0;
    for (int i = 0; i < 1000; ++i) {
        std::string id = "entity-" + std::to_string(i);
        id_bytes += id.size();
        b.set_entity_type(b.entity(id, {f, 1}), i % 2 ? "SI" : "ISV");
    }
    for (EntityIndex i = 0; i < 5000; ++i)
        b.add_relation(i % 1000, (i * 7) % 1000, "partners_with", {f, 2});
    Graph g = std::move(b).build();
    // Offsets have one entry more than entities; types 2 bytes, origins 4 (the line numbered
    // across files), plus 4 per file.
    CHECK(g.topology_bytes() == 1000 * 22 + id_bytes + 3 * 4 + 1 * 4 + 5000 * 18);
}

TEST_CASE("graph: origins name file and line across files", "[model][graph]") {
    GraphBuilder b;
    auto f1 = b.add_file("a.gv"), f2 = b.add_file("b.gv"), f3 = b.add_file("c.gv");
    auto x = b.entity("x", {f1, 100});
    auto y = b.entity("y", {f2, 1});
    auto z = b.entity("z", {});  // no file
    b.add_relation(x, y, "r", {f2, 7});
    b.add_relation(y, z, "r", {f1, 0});  // line unknown
    b.add_relation(z, x, "r", {f3, 4000000000u});
    Graph g = std::move(b).build();
    CHECK(g.entity_location(x).file == "a.gv");
    CHECK(g.entity_location(x).line == 100);
    CHECK(g.entity_location(y).file == "b.gv");
    CHECK(g.entity_location(y).line == 1);
    CHECK(g.entity_location(z).file.empty());
    CHECK(g.relation_location(g.out_begin(x)).file == "b.gv");
    CHECK(g.relation_location(g.out_begin(x)).line == 7);
    CHECK(g.relation_location(g.out_begin(y)).file == "a.gv");
    CHECK(g.relation_location(g.out_begin(y)).line == 0);
    CHECK(g.relation_location(g.out_begin(z)).file == "c.gv");
    CHECK(g.relation_location(g.out_begin(z)).line == 4000000000u);
}

// 100,000 entities: the id index is sorted in two halves at once, then merged.
TEST_CASE("graph: find() knows every id of a big graph", "[model][graph]") {
    GraphBuilder b;
    const std::uint32_t n = 100000;
    for (std::uint32_t i = 0; i < n; ++i)  // ids in no particular order
        b.entity("e" + std::to_string(i * 7919 % n), {});
    Graph g = std::move(b).build();
    auto sorted = g.sorted_by_id();
    REQUIRE(sorted.size() == n);
    for (std::size_t i = 1; i < n; ++i) REQUIRE(g.id(sorted[i - 1]) < g.id(sorted[i]));
    for (EntityIndex v = 0; v < n; ++v) REQUIRE(g.find(g.id(v)) == v);
    CHECK_FALSE(g.find("e").has_value());
    CHECK_FALSE(g.find("e100000").has_value());
}

// The index is sorted by whichever thread looks first; every thread then sees the same one, and
// a moved graph keeps it.
TEST_CASE("graph: the id index is sorted once, on first use, by any thread", "[model][graph]") {
    GraphBuilder b;
    const std::uint32_t n = 20000;
    for (std::uint32_t i = 0; i < n; ++i) b.entity("e" + std::to_string(i * 7919 % n), {});
    Graph g = std::move(b).build();
    std::vector<std::size_t> found(4, 0);
    std::vector<const EntityIndex*> data(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                data[t] = g.sorted_by_id().data();
                for (EntityIndex v = 0; v < n; ++v) found[t] += g.find(g.id(v)) == v;
            });
    }
    CHECK(found == std::vector<std::size_t>(4, n));
    CHECK(std::all_of(data.begin(), data.end(), [&](auto p) { return p == data[0]; }));
    Graph moved = std::move(g);
    CHECK(moved.sorted_by_id().data() == data[0]);
    CHECK(moved.find(moved.id(12345)) == 12345u);
}

// Relations that come grouped by source keep their order and their arrays; the same relations
// in another order are sorted (stably) into the same graph.
TEST_CASE("graph: relations grouped by source or not build the same graph", "[model][graph]") {
    struct Rel {
        EntityIndex from, to;
        std::string type;
        std::uint32_t line;
    };
    std::vector<Rel> sorted;  // by source; within a source, in the order of the input
    for (EntityIndex s = 0; s < 50; ++s)
        for (EntityIndex k = 0; k < s % 4; ++k)
            sorted.push_back({s, (s * 7 + k * 3) % 50, k % 2 ? "a" : "b",
                              static_cast<std::uint32_t>(1000 - sorted.size())});
    auto build = [&](bool grouped) {
        GraphBuilder b;
        const auto f = b.add_file("r.csv");
        for (EntityIndex v = 0; v < 50; ++v) b.entity("v" + std::to_string(v), {f, v + 1});
        // Not grouped: sources in decreasing order, each source's relations still in order.
        std::vector<Rel> input;
        if (grouped) {
            input = sorted;
        } else {
            for (EntityIndex s = 50; s-- > 0;)
                for (const Rel& r : sorted)
                    if (r.from == s) input.push_back(r);
        }
        for (const Rel& r : input) {
            RelationIndex i = b.add_relation(r.from, r.to, r.type, {f, r.line});
            b.set_relation_attr(i, "line", std::to_string(r.line));
        }
        return std::move(b).build();
    };
    const Graph one = build(true), two = build(false);
    REQUIRE(one.relation_count() == sorted.size());
    REQUIRE(two.relation_count() == sorted.size());
    for (RelationIndex r = 0; r < sorted.size(); ++r) {
        for (const Graph* g : {&one, &two}) {
            CHECK(g->source(r) == sorted[r].from);
            CHECK(g->target(r) == sorted[r].to);
            CHECK(g->relation_type_name(r) == sorted[r].type);
            CHECK(g->relation_location(r).line == sorted[r].line);
            CHECK(*g->relation_attr(r, "line") == std::to_string(sorted[r].line));
        }
    }
    for (EntityIndex v = 0; v < 50; ++v) {
        CHECK(one.out_begin(v) == two.out_begin(v));
        CHECK(std::vector<RelationIndex>(one.in_relations(v).begin(), one.in_relations(v).end()) ==
              std::vector<RelationIndex>(two.in_relations(v).begin(), two.in_relations(v).end()));
        for (RelationIndex r : one.in_relations(v)) CHECK(one.target(r) == v);
    }
}

// 200,000 relations: both counting sorts (by source, by target) run on two threads.
TEST_CASE("graph: a big graph's relations are grouped by source and by target", "[model][graph]") {
    test::Lcg rng{11};
    const std::uint32_t n = 5000, m = 200000;
    GraphBuilder b;
    const auto f = b.add_file("r.csv");
    for (std::uint32_t i = 0; i < n; ++i) b.entity("v" + std::to_string(i), {});
    std::vector<std::pair<EntityIndex, EntityIndex>> input;
    for (std::uint32_t i = 0; i < m; ++i) {
        input.emplace_back(rng.next(n), rng.next(n));
        b.add_relation(input.back().first, input.back().second, "r", {f, i + 1});
    }
    const Graph g = std::move(b).build();
    // Expected: relations stably sorted by source (input order within a source).
    std::vector<std::uint32_t> order(m);
    for (std::uint32_t i = 0; i < m; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        return input[x].first < input[y].first;
    });
    REQUIRE(g.relation_count() == m);
    bool same = true;
    for (RelationIndex r = 0; r < m; ++r)
        same = same && g.source(r) == input[order[r]].first &&
               g.target(r) == input[order[r]].second && g.relation_location(r).line == order[r] + 1;
    CHECK(same);
    std::vector<std::vector<RelationIndex>> into(n);
    for (RelationIndex r = 0; r < m; ++r) into[g.target(r)].push_back(r);
    for (EntityIndex v = 0; v < n; ++v) {
        auto in = g.in_relations(v);
        REQUIRE(std::vector<RelationIndex>(in.begin(), in.end()) == into[v]);
        for (RelationIndex r = g.out_begin(v); r < g.out_end(v); ++r) REQUIRE(g.source(r) == v);
    }
}

// The id hash: every length up to 40 bytes read within the id (ASan checks), no collisions
// among short ids, and slots spread evenly (linear probing degrades with clusters).
TEST_CASE("graph: the id hash spreads ids of every length", "[model][graph]") {
    GraphBuilder b;
    std::set<std::size_t> seen;
    std::size_t ids = 0;
    // all ids of 0-3 letters from a 27-letter alphabet, and one id of each length 4..40
    const std::string alphabet = "abcdefghijklmnopqrstuvwxyz-";
    std::vector<std::string> level{""};
    for (int len = 0; len <= 3; ++len) {
        std::vector<std::string> longer;
        for (const auto& id : level) {
            seen.insert(b.hash_id(id));
            ++ids;
            for (char c : alphabet) longer.push_back(id + c);
        }
        level = std::move(longer);
    }
    for (std::size_t len = 4; len <= 40; ++len) {
        auto heap = std::make_unique<char[]>(len);  // exactly len bytes, for ASan
        for (std::size_t i = 0; i < len; ++i) heap[i] = static_cast<char>('a' + i % 26);
        seen.insert(b.hash_id(std::string_view(heap.get(), len)));
        ++ids;
    }
    CHECK(seen.size() == ids);
    // 1M sequential ids into 2^21 slots: the fullest slot by low bits holds few
    const std::size_t slots = std::size_t{1} << 21;
    std::vector<std::uint8_t> load(slots);
    std::set<std::uint32_t> fingerprints;
    std::uint8_t fullest = 0;
    for (int i = 0; i < 1000000; ++i) {
        const std::size_t h = b.hash_id("isv-" + std::to_string(i));
        fullest = std::max(fullest, ++load[h & (slots - 1)]);
        if (i < 50000) fingerprints.insert(static_cast<std::uint32_t>(h >> 32));
    }
    CHECK(fullest <= 12);  // Poisson(0.48): 13 or more in any of 2M slots, ~3e-7 likely
    CHECK(fingerprints.size() >= 49990);  // the high half is spread too
}
