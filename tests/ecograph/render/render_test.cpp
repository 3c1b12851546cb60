#include "ecograph/render/render.hpp"

#include <catch2/catch.hpp>

#include "ecograph/analysis/grouping.hpp"
#include "ecograph/core/error.hpp"
#include "ecograph/io/load.hpp"
#include "ecograph/render/styled_dot.hpp"

using namespace ecograph;

namespace {
Graph bundled() {
    LoadResult r = load_graph({ECOGRAPH_SOURCE_DIR "/graphs/alibaba-cloud.gv"}, Schema::builtin());
    REQUIRE(r.graph);
    return std::move(*r.graph);
}
}  // namespace

TEST_CASE("styled_dot: theme, legend and region clusters", "[render]") {
    Graph g = bundled();
    StyleOptions o;
    o.cluster_by = "region";
    std::string dot = styled_dot(g, Schema::builtin(), o);
    CHECK_THAT(dot, Catch::Contains("\"infosys\" [label=\"Infosys\nSI\", shape=\"box\", "
                                    "fillcolor=\"#74c0fc\""));
    CHECK_THAT(dot, Catch::Contains("subgraph cluster_legend"));
    // India nests inside South Asia.
    auto south_asia = dot.find("subgraph \"cluster_south-asia\"");
    auto india = dot.find("subgraph \"cluster_india\"");
    REQUIRE(south_asia != std::string::npos);
    REQUIRE(india != std::string::npos);
    CHECK(south_asia < india);
    CHECK(styled_dot(g, Schema::builtin(), o) == dot);
}

TEST_CASE("region_of: data centres sit in their region", "[render]") {
    Graph g = bundled();
    auto region = region_of(g, Schema::builtin());
    CHECK(g.id(region[*g.find("alibaba-cloud-india-dc-1")]) == "india");
    CHECK(region[*g.find("india")] == *g.find("india"));
}

TEST_CASE("render: SVG in-process, identical across runs", "[render]") {
    std::string dot = "digraph g { a -> b; b -> c; c -> a }";
    std::string svg = render_dot(dot, "dot", "svg");
    CHECK_THAT(svg, Catch::Contains("<svg"));
    CHECK(render_dot(dot, "dot", "svg") == svg);
    CHECK(render_dot(dot, "neato", "svg") == render_dot(dot, "neato", "svg"));
    std::string pdf = render_dot(dot, "dot", "pdf");
    CHECK(pdf.rfind("%PDF", 0) == 0);
    CHECK_THAT(pdf, Catch::Contains("/CreationDate (D:19700101000000Z)"));  // pinned, not "now"
    CHECK(render_dot(dot, "dot", "png").substr(1, 3) == "PNG");
    REQUIRE_THROWS_AS(render_dot(dot, "spring", "svg"), Error);
}

TEST_CASE("styled_dot: the legend is a cluster only where dot makes room for its title",
          "[render]") {
    Graph g = bundled();
    for (const std::string& layout : layout_names()) {
        INFO(layout);
        StyleOptions o;
        o.layout = layout;
        std::string dot = styled_dot(g, Schema::builtin(), o);
        bool cluster = dot.find("subgraph cluster_legend") != std::string::npos;
        bool titled = dot.find(">Legend</FONT></TD></TR>") != std::string::npos;
        CHECK(cluster == (layout == "dot"));
        CHECK(titled == (layout != "dot"));
    }
}

TEST_CASE("render: every layout engine, and png/pdf after them", "[render]") {
    // One Graphviz context serves every engine (neato and the others come from a second
    // plugin), and PNG and PDF still render after them.
    std::string dot = "graph g { a -- b; b -- c; c -- a; c -- d }";
    for (const std::string& layout : layout_names()) {
        INFO(layout);
        std::string svg = render_dot(dot, layout, "svg");
        CHECK_THAT(svg, Catch::Contains("<svg"));
        CHECK(render_dot(dot, layout, "svg") == svg);
    }
    CHECK(render_dot(dot, "twopi", "png").substr(1, 3) == "PNG");
    CHECK(render_dot(dot, "circo", "pdf").rfind("%PDF", 0) == 0);
}

TEST_CASE("styled_dot: --color-by fills from light (0) to dark (the highest)", "[render]") {
    Graph g = bundled();
    StyleOptions style;
    style.color.assign(g.entity_count(), 0.0);
    style.color[*g.find("infosys")] = 4;
    style.color[*g.find("india")] = 2;
    style.color_label = "degree";
    std::string dot = styled_dot(g, Schema::builtin(), style);
    auto node = [&](const std::string& id) {
        auto at = dot.find("\n  \"" + id + "\" [");
        REQUIRE(at != std::string::npos);
        return dot.substr(at, dot.find("];", at) - at);  // labels hold line breaks
    };
    CHECK(node("infosys").find("fillcolor=\"#c92a2a\", fontcolor=\"white\"") != std::string::npos);
    CHECK(node("india").find("fillcolor=\"#e48f75\"") != std::string::npos);  // halfway
    CHECK(node("alex-li").find("fillcolor=\"#fff3bf\"") != std::string::npos);
    CHECK(dot.find(">degree 0</TD>") != std::string::npos);
    CHECK(dot.find(">degree 4</TD>") != std::string::npos);
}
