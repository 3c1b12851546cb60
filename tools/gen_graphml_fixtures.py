#!/usr/bin/env python3
"""Regenerates the GraphML fixtures that NetworkX and igraph write themselves.

Usage (from the repository root; needs python3-networkx 2.8.8 and python3-igraph 0.10.2):

    /usr/bin/python3 tools/gen_graphml_fixtures.py

Writes into tests/fixtures/formats/graphml/:

  networkx_typed.graphml   a small typed partner graph (MultiDiGraph: two parallel relations,
                           so NetworkX writes edge ids), with int, float, bool and string
                           attributes, XML special characters and non-ASCII text, a graph name
  networkx_karate.graphml  Zachary's karate club (undirected, 34 nodes, 78 edges, `club`)
  igraph_typed.graphml     the same typed graph as igraph writes it (ids n0.., `name` and
                           `type` vertex attributes, numeric attributes as double)
  igraph_karate.graphml    Graph.Famous("Zachary") (undirected, 34 vertices, 78 edges)

tests/ecograph/io/graphml_reader_test.cpp pins what ecograph reads from each of them. The
hand-written gephi.graphml, yed.graphml and yed_groups.graphml are not generated.
"""

import os
import sys

import igraph
import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                   "tests", "fixtures", "formats", "graphml")

# (id, type, label, attributes)
ENTITIES = [
    ("alibaba-cloud", "CloudProvider", "Alibaba Cloud", {"founded": 2009, "hq": "Hangzhou"}),
    ("infosys", "SI", "Infosys", {"founded": 1981, "listed": True}),
    ("acme", "ISV", "Acme <R&D> \"Labs\"", {"rating": 4.5}),
    ("mumbai-dc", "DataCentre", "Mumbai DC – région", {}),
]
# (source, target, type, attributes)
RELATIONS = [
    ("infosys", "alibaba-cloud", "partners_with", {"since": 2023, "tier": "strategic"}),
    ("infosys", "alibaba-cloud", "resells", {"amount": 283000000.0}),
    ("acme", "infosys", "integrates_with", {}),
    ("alibaba-cloud", "mumbai-dc", "operates", {"share": 0.25}),
]


def networkx_files():
    g = nx.MultiDiGraph(name="partners")
    for ident, typ, label, attrs in ENTITIES:
        g.add_node(ident, type=typ, label=label, **attrs)
    for s, t, typ, attrs in RELATIONS:
        g.add_edge(s, t, type=typ, **attrs)
    nx.write_graphml(g, os.path.join(OUT, "networkx_typed.graphml"))
    nx.write_graphml(nx.karate_club_graph(), os.path.join(OUT, "networkx_karate.graphml"))


def igraph_files():
    g = igraph.Graph(directed=True)
    g.add_vertices(len(ENTITIES))
    g.vs["name"] = [e[0] for e in ENTITIES]
    g.vs["type"] = [e[1] for e in ENTITIES]
    g.vs["label"] = [e[2] for e in ENTITIES]
    g.add_edges([(s, t) for s, t, _, _ in RELATIONS])
    g.es["type"] = [r[2] for r in RELATIONS]
    g.es["since"] = [r[3].get("since") for r in RELATIONS]  # None is written as NaN
    g["name"] = "partners"
    g.write_graphml(os.path.join(OUT, "igraph_typed.graphml"))
    igraph.Graph.Famous("Zachary").write_graphml(os.path.join(OUT, "igraph_karate.graphml"))


def main():
    if nx.__version__ != "2.8.8" or igraph.__version__ != "0.10.2":
        print(f"note: fixtures were made with NetworkX 2.8.8 and igraph 0.10.2, this is "
              f"{nx.__version__} and {igraph.__version__}", file=sys.stderr)
    os.makedirs(OUT, exist_ok=True)
    networkx_files()
    igraph_files()


if __name__ == "__main__":
    main()
