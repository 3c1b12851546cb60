#!/usr/bin/env python3
"""Writes the NetworkX node-link JSON fixtures of tests/fixtures/formats/json/.

Run from the repository root with Debian's python, which has NetworkX
(`apt-get install -y python3-networkx`):

    /usr/bin/python3 tools/gen_json_fixtures.py

Deterministic: the same bytes on every run with one NetworkX version. The files are what
`networkx.node_link_data` gives, dumped by `json.dumps(..., indent=2)` (the usual way people save
it), so the C++ tests read exactly what NetworkX users hand to ecograph. CI does not run this;
the fixtures are committed. The tests pin the facts stated in README.md, not NetworkX's bytes.
"""

import json
import os
import sys

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests",
                   "fixtures", "formats", "json")


def ecosystem():
    """A small typed ecosystem with integer, float, boolean, None and list attributes."""
    g = nx.DiGraph(name="mini", label="A mini ecosystem")
    g.add_node("alibaba-cloud", type="CloudProvider", label="Alibaba Cloud", founded=2009,
               share=0.25, listed=True, notes=None, areas=["sales", "delivery"])
    g.add_node("infosys", type="SI", label="Infosys", founded=1981, listed=False,
               hq={"city": "Bengaluru", "country": "IN"})
    g.add_node("india", type="Region", label="India")
    g.add_node("programme", type="Programme", label="Partner programme",
               amount_usd=283000000, big=1e20)
    g.add_edge("infosys", "alibaba-cloud", type="partners_with", since=2024, strategic=True)
    g.add_edge("alibaba-cloud", "india", type="operates_in", weight=1.5)
    g.add_edge("alibaba-cloud", "programme", type="funds", amount_usd=283000000.0)
    return g


def multi_directed():
    """A directed multigraph: parallel links with keys, a self-loop, integer node ids."""
    g = nx.MultiDiGraph()
    g.add_nodes_from([1, 2, 3])
    g.add_edge(1, 2, type="resells", tier="gold")
    g.add_edge(1, 2, type="resells", tier="silver")
    g.add_edge(2, 3, key="k", type="integrates_with")
    g.add_edge(3, 3, type="manages")
    return g


def write(name, data):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(data, indent=2) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    karate = nx.karate_club_graph()
    write("karate.json", nx.node_link_data(karate))
    write("ecosystem.json", nx.node_link_data(ecosystem()))
    write("multi_directed.json", nx.node_link_data(multi_directed()))
    # NetworkX 3.4 and later write the links under "edges": the same data, other key.
    write("multi_directed_edges.json", nx.node_link_data(multi_directed(), link="edges"))
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"""# NetworkX node-link JSON fixtures

Written by `tools/gen_json_fixtures.py` with NetworkX {nx.__version__} (Python
{sys.version.split()[0]}); do not edit by hand. Read by `tests/ecograph/io/json_reader_test.cpp`.

| file | what | nodes | links |
|---|---|---|---|
| `karate.json` | `nx.karate_club_graph()`: integer ids, `club` and `weight` attributes, graph name | {karate.number_of_nodes()} | {karate.number_of_edges()} |
| `ecosystem.json` | a typed `DiGraph` with int, float, bool, None, list and dict attributes, graph name and label | {ecosystem().number_of_nodes()} | {ecosystem().number_of_edges()} |
| `multi_directed.json` | a `MultiDiGraph`: parallel links with keys, a self-loop, integer ids | {multi_directed().number_of_nodes()} | {multi_directed().number_of_edges()} |
| `multi_directed_edges.json` | the same, links under `"edges"` as NetworkX 3.4+ writes them | {multi_directed().number_of_nodes()} | {multi_directed().number_of_edges()} |
""")


if __name__ == "__main__":
    main()
