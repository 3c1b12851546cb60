#pragma once
// What the writer tests share: a graph from DOT text, and the check that a graph read back
// from a writer's output is the graph written.
#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "ecograph/io/dot_reader.hpp"

namespace ecograph::testing {

inline Graph read_dot_text(const std::string& text) {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot(text, "w.gv", b, d));
    return std::move(b).build();
}

/// Same entities (id, type, attributes), relations (ends, type, attributes; as multisets, so
/// parallel ones count), directedness, name and title.
inline void require_same(const Graph& a, const Graph& b) {
    using Attrs = std::vector<std::pair<std::string, std::string>>;
    auto copy = [](const std::vector<std::pair<std::string_view, std::string_view>>& in) {
        return Attrs(in.begin(), in.end());
    };
    CHECK(a.directed() == b.directed());
    CHECK(a.graph_name() == b.graph_name());
    CHECK(a.title() == b.title());
    REQUIRE(a.entity_count() == b.entity_count());
    REQUIRE(a.relation_count() == b.relation_count());
    for (EntityIndex v = 0; v < a.entity_count(); ++v) {
        INFO("entity " << a.id(v));
        auto w = b.find(a.id(v));
        REQUIRE(w);
        CHECK(a.entity_type_name(v) == b.entity_type_name(*w));
        CHECK(copy(a.entity_attributes().all(v)) == copy(b.entity_attributes().all(*w)));
    }
    using Rel = std::tuple<std::string, std::string, std::string, Attrs>;
    auto rels = [&](const Graph& g) {
        std::vector<Rel> out;
        for (RelationIndex r = 0; r < g.relation_count(); ++r)
            out.emplace_back(g.id(g.source(r)), g.id(g.target(r)), g.relation_type_name(r),
                             copy(g.relation_attributes().all(r)));
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(rels(a) == rels(b));
}

}  // namespace ecograph::testing
