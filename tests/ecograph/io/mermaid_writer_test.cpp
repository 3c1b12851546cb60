#include "ecograph/io/mermaid_writer.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "ecograph/io/dot_reader.hpp"

using namespace ecograph;

namespace {

std::string mermaid(const std::string& dot, bool fenced = false) {
    GraphBuilder b;
    Diagnostics d;
    REQUIRE(read_dot(dot, "m.gv", b, d));
    Graph g = std::move(b).build();
    std::ostringstream out;
    write_mermaid(g, Schema::builtin(), out, fenced);
    return out.str();
}

}  // namespace

TEST_CASE("mermaid_writer: nodes, classes, edges and colours", "[io][mermaid]") {
    CHECK(mermaid(R"(digraph eco {
  label="Eco";
  "infosys" [type=SI, label="Infosys <\"#1\">"];
  "alibaba-cloud" [type=CloudProvider, label="Alibaba Cloud"];
  india [type=Region];
  infosys -> "alibaba-cloud" [type=partners_with];
  infosys -> india [type=operates_in];
})") == "---\n"
        "title: \"Eco\"\n"
        "---\n"
        "flowchart LR\n"
        "    classDef CloudProvider fill:#ffa94d,stroke:#495057,color:#212529\n"
        "    classDef Region fill:#8ce99a,stroke:#495057,color:#212529\n"
        "    classDef SI fill:#74c0fc,stroke:#495057,color:#212529\n"
        "    alibaba_cloud[[\"Alibaba Cloud<br/><i>CloudProvider</i>\"]]:::CloudProvider\n"
        "    india([\"india<br/><i>Region</i>\"]):::Region\n"
        "    infosys[\"Infosys #lt;#quot;#35;1#quot;#gt;<br/><i>SI</i>\"]:::SI\n"
        "    infosys -->|\"partners_with\"| alibaba_cloud\n"
        "    infosys -.->|\"operates_in\"| india\n"
        "    linkStyle 1 stroke:#087f5b,color:#087f5b\n"
        "    linkStyle 0 stroke:#1c7ed6,color:#1c7ed6\n");
}

TEST_CASE("mermaid_writer: unsafe ids become unique names", "[io][mermaid]") {
    std::string out = mermaid("graph { end -- \"a-b\"; \"a_b\" -- \"1x\" }", true);
    CHECK(out ==
          "```mermaid\n"
          "flowchart LR\n"
          "    n_1x([\"1x\"])\n"
          "    a_b([\"a-b\"])\n"
          "    a_b_2([\"a_b\"])\n"
          "    n_end([\"end\"])\n"
          "    a_b_2 --- n_1x\n"
          "    n_end --- a_b\n"
          "    linkStyle 0,1 stroke:#868e96,color:#868e96\n"
          "```\n");
}
