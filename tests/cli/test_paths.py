#!/usr/bin/env python3
"""End-to-end tests of `reach`, `path`, `neighborhood` and `resilience` (docs/reachability.md).

Usage (from the repository root; standard library only):

    python3 tests/cli/test_paths.py /path/to/ecograph [unittest options]

The small graphs are written to a temporary directory; each is drawn where it is defined and
its answers are worked out by hand. On the bundled graph the answers come from a breadth-first
search written here (an independent oracle) and from a few values checked with NetworkX 2.8.8.

What is covered:
  ReachTest         distances and the --max-hops cut-off; --reverse; --via restricting routes;
                    --to-types (subtypes included); --undirected; --explain routes are valid
                    (every step a real relation of an allowed type in the stated direction,
                    `distance` steps, from FROM to the answer or, with --reverse, from the
                    answer to FROM); JSON `relations` agree with `path`; an undirected DOT
                    graph is followed either way; the bundled graph against the oracle; unknown
                    FROM (exit 1, did you mean), unknown --via / --to-types (exit 2).
  PathTest          shortest length; --all-shortest returns every shortest path exactly once
                    (hand count; parallel relations shown as `-partners_with|resells->`, not
                    as two paths); --limit; --k-shortest N: distinct loopless paths in
                    non-decreasing length, all simple paths when N is large, every shorter
                    path included (bundled graph); --weight changes the answer (and uses the
                    minimum of parallel relations); --via; no route exits 1; --all-shortest
                    with --k-shortest exits 2.
  NeighborhoodTest  --hops 0/1/2 entity sets and distances; --direction out/in/both; --via;
                    undirected DOT graphs; --format dot re-read by `validate` (the styled DOT
                    adds only its legend node); --plain data DOT round trip; svg parses as XML;
                    png and pdf signatures; --plain with a non-dot format exits 2.
  ResilienceTest    articulation points with their parts and bridges with their sides on two
                    triangles joined by one relation, a pendant, and pairs joined by two
                    relations (not bridges); weak and strong components; --root immediate
                    dominators on a small flow graph (JSON and table); the bundled graph; --via;
                    unknown --root exits 1; CSV findings.
  OutputTest        every command's output byte-identical across two runs in every format;
                    every command exits 2 on a bad flag or a bad option value.
"""

import csv as csvmod
import io
import os
import shutil
import tempfile
import unittest
import xml.etree.ElementTree as ET
from collections import deque

import harness
from harness import BUNDLED, cached, run

harness.binary_from_argv("test_paths.py")

TABLE_FORMATS = ["table", "json", "csv", "markdown"]

harness.ENV.setdefault("SOURCE_DATE_EPOCH", "0")


# --------------------------------------------------------------------------------------------
# Graphs: written from Python, so the tests know every entity and relation.


class Graph:
    """Entities {id: type or None} and relations [(source, target, type or None, attrs)]."""

    def __init__(self, name, entities, relations, directed=True):
        self.name, self.directed = name, directed
        self.entities = dict(entities)
        self.relations = [r if len(r) == 4 else (r[0], r[1], r[2], {}) for r in relations]
        for s, t, _, _ in self.relations:
            self.entities.setdefault(s, None)
            self.entities.setdefault(t, None)

    def dot(self):
        arrow = "->" if self.directed else "--"
        lines = [("digraph" if self.directed else "graph") + f" {self.name} {{"]
        for e, t in self.entities.items():
            lines.append(f'  "{e}"' + (f' [type="{t}", label="{e.upper()}"]' if t else "")
                         + ";")
        for s, t, typ, attrs in self.relations:
            a = dict(attrs)
            if typ:
                a = {"type": typ, **a}
            text = ", ".join(f'{k}="{v}"' for k, v in a.items())
            lines.append(f'  "{s}" {arrow} "{t}"' + (f" [{text}]" if text else "") + ";")
        return "\n".join(lines) + "\n}\n"

    def steps(self, via=None, reverse=False, undirected=False):
        """Adjacency {v: [(w, type, along)]} of the steps a route may take."""
        undirected = undirected or not self.directed
        adj = {v: [] for v in self.entities}
        for s, t, typ, _ in self.relations:
            if via and typ not in via:
                continue
            if undirected or not reverse:
                adj[s].append((t, typ, True))
            if undirected or reverse:
                adj[t].append((s, typ, False))
        return adj

    def bfs(self, start, via=None, reverse=False, undirected=False, max_hops=0):
        """Distances from start (the oracle for reach and neighborhood)."""
        adj = self.steps(via, reverse, undirected)
        dist = {start: 0}
        queue = deque([start])
        while queue:
            v = queue.popleft()
            if max_hops and dist[v] >= max_hops:
                continue
            for w, _, _ in adj[v]:
                if w not in dist:
                    dist[w] = dist[v] + 1
                    queue.append(w)
        return dist

    def has(self, source, target, typ, via=None):
        return (not via or typ in via) and any(
            s == source and t == target and (typ == (rt or "")) for s, t, rt, _ in
            self.relations)

    def types_between(self, source, target, via=None):
        return {rt or "" for s, t, rt, _ in self.relations
                if s == source and t == target and (not via or rt in via)}


def parse_route(text):
    """'a -t-> b <-u- c' -> ('a', [(along, types, 'b'), ...]); types split on '|'."""
    tokens = text.split(" ")
    start, steps = tokens[0], []
    if len(tokens) % 2 != 1:
        raise ValueError(f"not a route: {text!r}")
    for arrow, entity in zip(tokens[1::2], tokens[2::2]):
        if arrow.startswith("<-") and arrow.endswith("-") and not arrow.endswith("->"):
            steps.append((False, arrow[2:-1].split("|"), entity))
        elif arrow.startswith("-") and arrow.endswith("->"):
            steps.append((True, arrow[1:-2].split("|"), entity))
        else:
            raise ValueError(f"not a step {arrow!r} in {text!r}")
    return start, steps


def route_entities(text):
    start, steps = parse_route(text)
    return [start] + [e for _, _, e in steps]


BUNDLED_GRAPH = Graph("bundled", *harness.bundled_graph())

# The channel graph (typed with the built-in schema):
#
#   isv1 (ISV) --resells--> dist (Distributor) --partners_with--> si (SI)
#     |                                                             |
#     | partners_with                                        operates_in
#     v                                                             v
#   msp (MSP) --operates_in--> eu (Region)   cust (Customer) --located_in--> india --part_of--> asia
#                                               ^                              ^       (Regions)
#                                               | serves                       | located_in
#                                   cloud (CloudProvider) --operates--> dc (DataCentre)
#
#   lone (ISV): no relations
CHANNEL = Graph("channel", {
    "isv1": "ISV", "dist": "Distributor", "msp": "MSP", "si": "SI", "india": "Region",
    "asia": "Region", "eu": "Region", "cust": "Customer", "cloud": "CloudProvider",
    "dc": "DataCentre", "lone": "ISV"}, [
    ("isv1", "dist", "resells"), ("isv1", "msp", "partners_with"),
    ("dist", "si", "partners_with"), ("msp", "eu", "operates_in"),
    ("si", "india", "operates_in"), ("india", "asia", "part_of"),
    ("cust", "india", "located_in"), ("dc", "india", "located_in"),
    ("cloud", "dc", "operates"), ("cloud", "cust", "serves")])

# The layered graph (every entity a company, every relation partners_with; a => d is two
# relations, partners_with and resells; e -> c closes the cycle c -> e -> c):
#
#          +--> a ==> d --+
#          |     \        |
#          |      \       |
#     s ---+--> b -\-> d  +--> t        shortest s -> t: 3 hops, 4 paths:
#          |        \     |               s a d t, s a e t, s b d t, s c e t
#          +--> c <--> e -+             one more simple path of 4 hops: s f g h t
#          |                            (5 simple paths in all)
#          +--> f --> g --> h --> t
LAYERED = Graph("layered", {v: "SI" for v in "sabcdefght"}, [
    ("s", "a", "partners_with"), ("s", "b", "partners_with"), ("s", "c", "partners_with"),
    ("s", "f", "partners_with"), ("a", "d", "partners_with"), ("a", "d", "resells"),
    ("a", "e", "partners_with"), ("b", "d", "partners_with"), ("c", "e", "partners_with"),
    ("e", "c", "partners_with"), ("d", "t", "partners_with"), ("e", "t", "partners_with"),
    ("f", "g", "partners_with"), ("g", "h", "partners_with"), ("h", "t", "partners_with")])
LAYERED_SHORTEST = {"s a d t", "s a e t", "s b d t", "s c e t"}
LAYERED_SIMPLE = LAYERED_SHORTEST | {"s f g h t"}

# Weighted (untyped; weight = length):
#
#   a --1--> b --1--> c --1--> d        unweighted: a -> d (1 hop)
#   a ----------10-----------> d        weighted:   a b c d (3 < 10)
#
# WEIGHTED_PARALLEL adds a second a -> d relation of weight 2.5: the collapsed arc's length is
# the minimum, so the weighted answer is a -> d again (2.5 < 3).
_W = [("a", "b", None, {"weight": "1"}), ("b", "c", None, {"weight": "1"}),
      ("c", "d", None, {"weight": "1"}), ("a", "d", None, {"weight": "10"})]
WEIGHTED = Graph("weighted", {}, _W)
WEIGHTED_PARALLEL = Graph("weighted_parallel", {}, _W + [("a", "d", None, {"weight": "2.5"})])

# Resilience (untyped; direction is ignored):
#
#   a---b        d---e
#    \ /          \ /
#     c ----------- f ---- p (pendant; p -> p a self-loop, ignored)
#                   |
#                   g ==== h          g => h twice: not a bridge
#
#   x <==> y   (x -> y and y -> x: two relations, not a bridge)
#   m ==== n   (m -> n twice: not a bridge)
#
# Articulation points: f (parts 3 + 2 + 2 + 1, cut off 5), c (6 + 2, cut off 2),
# g (7 + 1, cut off 1). Bridges: c-f (3 | 6), f-g (7 | 2), f-p (8 | 1).
RESILIENCE = Graph("resilience", {}, [
    ("a", "b", None), ("b", "c", None), ("c", "a", None),
    ("d", "e", None), ("e", "f", None), ("f", "d", None),
    ("c", "f", None), ("f", "p", None), ("p", "p", None), ("f", "g", None),
    ("g", "h", None), ("g", "h", None),
    ("x", "y", None), ("y", "x", None),
    ("m", "n", None), ("m", "n", None)])

# Flow graph for dominators, root r (x is not reached from r):
#
#   r --> a --> c --> d --> e --> g --> h
#   r --> b --> c       d --> f --> g
#   r ----------> c     h --> c (back edge)
#   x --> c
#
# idom: a, b, c: r; d: c; e, f, g: d; h: g. Dominates (root excluded): c 5, d 4, g 1.
# FLOW_UNREACHED adds y --> e, from an entity r does not reach: that changes nothing.
_F = [("r", "a", None), ("r", "b", None), ("r", "c", None), ("a", "c", None),
      ("b", "c", None), ("c", "d", None), ("d", "e", None), ("d", "f", None), ("e", "g", None),
      ("f", "g", None), ("g", "h", None), ("h", "c", None), ("x", "c", None)]
FLOW = Graph("flow", {}, _F)
FLOW_UNREACHED = Graph("flow_unreached", {}, _F + [("y", "e", None)])
FLOW_IDOM = {"a": "r", "b": "r", "c": "r", "d": "c", "e": "d", "f": "d", "g": "d", "h": "g"}

# An undirected graph: a -- b -- c, and d alone.
UNDIRECTED = Graph("undirected", {"d": None}, [("a", "b", None), ("b", "c", None)],
                   directed=False)

GRAPHS = [CHANNEL, LAYERED, WEIGHTED, WEIGHTED_PARALLEL, RESILIENCE, FLOW, FLOW_UNREACHED,
          UNDIRECTED]
TMP = None


def path_of(graph):
    return os.path.join(TMP, graph.name + ".gv")


def setUpModule():
    global TMP
    TMP = tempfile.mkdtemp(prefix="ecograph-paths-")
    for g in GRAPHS:
        with open(path_of(g), "w", encoding="utf-8") as f:
            f.write(g.dot())


def tearDownModule():
    shutil.rmtree(TMP, ignore_errors=True)


class CliTestCase(harness.CliTestCase):
    maxDiff = 6000

    def ok_json(self, *args, status=0):
        r = cached(*args, "-f", "json")
        self.assertStatus(r, status)
        return self.json_of(r)

    def check_route(self, graph, route, start, end, hops, via=None, along_only=True,
                    all_parallel=False, what=""):
        """A route text is valid: from start to end in `hops` steps, each step a relation of
        an allowed type in the stated direction (against it only when along_only is False).
        With all_parallel, a step names every allowed relation type joining the two."""
        first, steps = parse_route(route)
        self.assertEqual(first, start, f"{what}: route {route!r} does not start at {start}")
        self.assertEqual(len(steps), hops, f"{what}: route {route!r} is not {hops} steps")
        here = first
        for along, types, there in steps:
            if along_only:
                self.assertTrue(along, f"{what}: step against a relation in {route!r}")
            source, target = (here, there) if along else (there, here)
            for t in types:
                self.assertTrue(graph.has(source, target, t, via),
                                f"{what}: {source} -{t}-> {target} in {route!r} is not a "
                                f"relation of an allowed type")
            if all_parallel:
                self.assertEqual(set(types), graph.types_between(source, target, via),
                                 f"{what}: step {here}->{there} of {route!r} does not name "
                                 f"every parallel relation")
            here = there
        self.assertEqual(here, end, f"{what}: route {route!r} does not end at {end}")


# --------------------------------------------------------------------------------------------
# 1. reach


class ReachTest(CliTestCase):
    def reach(self, graph, start, *options):
        j = self.ok_json("reach", path_of(graph) if graph is not BUNDLED_GRAPH else BUNDLED,
                         start, *options)
        return j

    def distances(self, j):
        return {r["id"]: r["distance"] for r in j["results"]}

    def test_distances_and_max_hops(self):
        expected = {"dist": 1, "msp": 1, "eu": 2, "si": 2, "india": 3, "asia": 4}
        j = self.reach(CHANNEL, "isv1")
        self.assertEqual(j["from"], "isv1")
        self.assertEqual(self.distances(j), expected)
        # by distance, then id
        self.assertEqual([r["id"] for r in j["results"]],
                         ["dist", "msp", "eu", "si", "india", "asia"])
        for r in j["results"]:
            self.assertEqual(list(r), ["id", "name", "type", "distance"])
            self.assertEqual(r["type"], CHANNEL.entities[r["id"]])
        for k in (1, 2, 3, 4, 5):
            with self.subTest(max_hops=k):
                j = self.reach(CHANNEL, "isv1", "--max-hops", k)
                self.assertEqual(j["parameters"]["max_hops"], k)
                self.assertEqual(self.distances(j),
                                 {v: d for v, d in expected.items() if d <= k})
        # without --max-hops there is no limit; 0 hops reach nothing but FROM itself
        self.assertEqual(self.distances(self.reach(CHANNEL, "isv1")), expected)
        self.assertEqual(self.distances(self.reach(CHANNEL, "isv1", "--max-hops", 0)), {})
        # nothing reaches out of a lone entity
        self.assertEqual(self.reach(CHANNEL, "lone")["results"], [])

    def test_reverse(self):
        j = self.reach(CHANNEL, "india", "--reverse")
        self.assertTrue(j["parameters"]["reverse"])
        self.assertEqual(self.distances(j),
                         {"cust": 1, "dc": 1, "si": 1, "cloud": 2, "dist": 2, "isv1": 3})
        j = self.reach(CHANNEL, "india", "--reverse", "--max-hops", "1")
        self.assertEqual(self.distances(j), {"cust": 1, "dc": 1, "si": 1})
        r = cached("reach", path_of(CHANNEL), "india", "--reverse")
        self.assertStatus(r, 0)
        self.assertTrue(r.stdout.startswith("Entities that reach india (6 found)"), r.stdout)

    def test_via_restricts_routes(self):
        j = self.reach(CHANNEL, "isv1", "--via", "resells,partners_with")
        self.assertEqual(j["parameters"]["via"], ["resells", "partners_with"])
        self.assertEqual(self.distances(j), {"dist": 1, "msp": 1, "si": 2})
        # si is reached only through the resells relation to dist
        j = self.reach(CHANNEL, "isv1", "--via", "partners_with")
        self.assertEqual(self.distances(j), {"msp": 1})
        # --via given twice adds up
        j2 = self.reach(CHANNEL, "isv1", "--via", "resells", "--via", "partners_with")
        self.assertEqual(self.distances(j2), {"dist": 1, "msp": 1, "si": 2})

    def test_to_types_includes_subtypes(self):
        j = self.reach(CHANNEL, "isv1", "--to-types", "Region")
        self.assertEqual(self.distances(j), {"eu": 2, "india": 3, "asia": 4})
        # Company is abstract: Distributor, MSP, SI, Customer, CloudProvider, ISV count
        j = self.reach(CHANNEL, "isv1", "--to-types", "Company")
        self.assertEqual(self.distances(j), {"dist": 1, "msp": 1, "si": 2})
        j = self.reach(CHANNEL, "india", "--reverse", "--to-types", "Company")
        self.assertEqual(self.distances(j),
                         {"cust": 1, "si": 1, "cloud": 2, "dist": 2, "isv1": 3})
        j = self.reach(CHANNEL, "india", "--reverse", "--to-types", "CloudProvider,DataCentre")
        self.assertEqual(self.distances(j), {"dc": 1, "cloud": 2})
        # the listed types do not restrict the routes: dist is still crossed to reach si
        j = self.reach(CHANNEL, "isv1", "--to-types", "SI", "--explain")
        self.assertEqual(j["results"][0]["path"], "isv1 -resells-> dist -partners_with-> si")

    def test_undirected(self):
        j = self.reach(CHANNEL, "eu", "--undirected")
        self.assertTrue(j["parameters"]["undirected"])
        self.assertEqual(self.distances(j), {"msp": 1, "isv1": 2, "dist": 3, "si": 4,
                                             "india": 5, "asia": 6, "cust": 6, "dc": 6,
                                             "cloud": 7})

    def check_explained(self, graph, start, options, via=None, reverse=False,
                        undirected=False, relations=True):
        what = f"reach {start} {' '.join(options)}"
        j = self.reach(graph, start, "--explain", *options)
        self.assertTrue(j["parameters"]["explain"])
        self.assertTrue(j["results"], what)
        for r in j["results"]:
            begin, end = (r["id"], start) if reverse else (start, r["id"])
            self.check_route(graph, r["path"], begin, end, r["distance"], via=via,
                             along_only=not undirected, what=what)
            if not relations:
                continue
            # The JSON relations are the route's relations, in the route's order: each one
            # joins the route's consecutive entities, forward exactly when the route's arrow
            # points along it.
            first, steps = parse_route(r["path"])
            self.assertEqual(len(r["relations"]), len(steps), what)
            here = first
            for rel, (along, types, there) in zip(r["relations"], steps):
                self.assertEqual(set(rel), {"source", "target", "type", "forward"})
                self.assertEqual(
                    (rel["source"], rel["target"], rel["type"], rel["forward"]),
                    ((here, there) if along else (there, here)) + (types[0], along),
                    f"{what}: JSON relations {r['relations']} do not follow the route "
                    f"{r['path']!r}")
                here = there
        # the table shows the same routes
        table = cached("reach", path_of(graph) if graph is not BUNDLED_GRAPH else BUNDLED,
                       start, "--explain", *options, "-f", "csv")
        self.assertStatus(table, 0)
        rows = list(csvmod.DictReader(io.StringIO(table.stdout)))
        self.assertEqual([(x["id"], int(x["distance"]), x["route"]) for x in rows],
                         [(x["id"], x["distance"], x["path"]) for x in j["results"]])

    def test_explain_routes_are_valid(self):
        cases = [
            (CHANNEL, "isv1", [], {}),
            (CHANNEL, "isv1", ["--via", "resells,partners_with"],
             {"via": {"resells", "partners_with"}}),
            (CHANNEL, "eu", ["--undirected"], {"undirected": True}),
            (CHANNEL, "asia", ["--undirected", "--via", "part_of,located_in,operates"],
             {"undirected": True, "via": {"part_of", "located_in", "operates"}}),
            (BUNDLED_GRAPH, "infosys", [], {}),
            (BUNDLED_GRAPH, "infosys", ["--undirected"], {"undirected": True}),
            (BUNDLED_GRAPH, "alibaba-cloud", ["--max-hops", "2"], {}),
        ]
        for graph, start, options, kw in cases:
            with self.subTest(graph=graph.name, start=start, options=options):
                self.check_explained(graph, start, options, **kw)

    REVERSE_CASES = [
        (CHANNEL, "india", ["--reverse"], {"reverse": True}),
        (CHANNEL, "asia", ["--reverse", "--via", "part_of,located_in,operates"],
         {"reverse": True, "via": {"part_of", "located_in", "operates"}}),
        (BUNDLED_GRAPH, "south-asia", ["--reverse"], {"reverse": True}),
    ]

    def test_explain_reverse_routes_are_valid(self):
        # With --reverse the route reads from the answer to FROM, along the relations.
        for graph, start, options, kw in self.REVERSE_CASES:
            with self.subTest(graph=graph.name, start=start, options=options):
                self.check_explained(graph, start, options, relations=False, **kw)

    def test_explain_reverse_json_relations_follow_the_route(self):
        # The JSON `relations` must describe the route `path` shows: the same order
        # (answer to FROM) and forward = true, as every step goes along its relation.
        for graph, start, options, kw in self.REVERSE_CASES:
            with self.subTest(graph=graph.name, start=start, options=options):
                self.check_explained(graph, start, options, **kw)

    def test_bundled_against_the_oracle(self):
        g = BUNDLED_GRAPH
        self.assertEqual((len(g.entities), len(g.relations)), (26, 37))
        cases = [("infosys", [], {}), ("india", ["--reverse"], {"reverse": True}),
                 ("infosys", ["--undirected"], {"undirected": True}),
                 ("alibaba-cloud", ["--max-hops", "1"], {"max_hops": 1}),
                 ("alibaba-cloud", ["--via", "operates,located_in,part_of"],
                  {"via": {"operates", "located_in", "part_of"}}),
                 ("south-asia", ["--reverse", "--undirected", "--max-hops", "2"],
                  {"undirected": True, "max_hops": 2})]
        for start, options, kw in cases:
            with self.subTest(start=start, options=options):
                expected = g.bfs(start, **kw)
                del expected[start]
                self.assertEqual(self.distances(self.reach(g, start, *options)), expected)
        # the examples of docs/reachability.md
        j = self.reach(g, "infosys", "--explain")
        self.assertEqual([(r["id"], r["distance"]) for r in j["results"]],
                         [("china", 1), ("india", 1), ("rest-of-world", 1), ("si-partners", 1),
                          ("south-asia", 2)])
        self.assertEqual(j["results"][-1]["path"],
                         "infosys -operates_in-> india -part_of-> south-asia")
        j = self.reach(g, "india", "--reverse", "--to-types", "Company", "--explain")
        self.assertEqual([(r["id"], r["path"]) for r in j["results"]],
                         [("alibaba-cloud", "alibaba-cloud -operates_in-> india"),
                          ("infosys", "infosys -operates_in-> india")])

    def test_undirected_dot_graph_is_followed_either_way(self):
        # graph { a -- b -- c; d }: an undirected graph has no direction to respect, so
        # reach follows its relations either way without --undirected (as `path` does).
        for start, expected in (("a", {"b": 1, "c": 2}), ("c", {"b": 1, "a": 2}),
                                ("d", {})):
            with self.subTest(start=start):
                self.assertEqual(self.distances(self.reach(UNDIRECTED, start)), expected)
                self.assertEqual(
                    self.distances(self.reach(UNDIRECTED, start, "--reverse")), expected)

    def test_unknown_from_suggests(self):
        r = run(["reach", BUNDLED, "infosis"])
        self.assertStatus(r, 1)
        self.assertIn("infosis", r.stderr)
        self.assertIn("did you mean 'infosys'", r.stderr)
        self.assertEqual(r.out, b"")

    def test_unknown_via_or_type_is_a_usage_error(self):
        r = run(["reach", BUNDLED, "infosys", "--via", "partner_with"])
        self.assertStatus(r, 2)
        self.assertIn("--via", r.stderr)
        self.assertIn("did you mean 'partners_with'", r.stderr)
        r = run(["reach", BUNDLED, "infosys", "--via", "resells"])  # a schema type, no relation
        self.assertStatus(r, 2)
        self.assertIn("resells", r.stderr)
        r = run(["reach", BUNDLED, "infosys", "--to-types", "Compny"])
        self.assertStatus(r, 2)
        self.assertIn("did you mean 'Company'", r.stderr)
        self.assertIn("--to-types", r.stderr, "the message should name the option given")


# --------------------------------------------------------------------------------------------
# 2. path


class PathTest(CliTestCase):
    def paths(self, graph, a, b, *options, status=0):
        src = path_of(graph) if graph is not BUNDLED_GRAPH else BUNDLED
        return self.ok_json("path", src, a, b, *options, status=status)

    def routes(self, j):
        return [" ".join(route_entities(p["route"])) for p in j["paths"]]

    def check_paths(self, graph, j, a, b, via=None, undirected=False):
        for p in j["paths"]:
            self.assertEqual(list(p), ["length", "hops", "entities", "route"])
            self.assertEqual(route_entities(p["route"]), p["entities"])
            self.assertEqual(p["hops"], len(p["entities"]) - 1)
            self.assertEqual(len(set(p["entities"])), len(p["entities"]),
                             f"path {p['route']} is not loopless")
            self.check_route(graph, p["route"], a, b, p["hops"], via=via,
                             along_only=not undirected, all_parallel=not undirected,
                             what=p["route"])

    def test_shortest(self):
        j = self.paths(LAYERED, "s", "t")
        self.assertEqual((j["from"], j["to"]), ("s", "t"))
        self.assertEqual(len(j["paths"]), 1)
        self.assertEqual(j["paths"][0]["length"], 3)
        self.assertIn(" ".join(j["paths"][0]["entities"]), LAYERED_SHORTEST)
        self.check_paths(LAYERED, j, "s", "t")
        # a path to itself
        j = self.paths(LAYERED, "s", "s")
        self.assertEqual(j["paths"], [{"length": 0, "hops": 0, "entities": ["s"], "route": "s"}])

    def test_all_shortest_exactly_once(self):
        j = self.paths(LAYERED, "s", "t", "--all-shortest")
        self.assertTrue(j["parameters"]["all_shortest"])
        got = self.routes(j)
        self.assertEqual(len(got), 4, got)  # a => d is two relations but one path
        self.assertEqual(set(got), LAYERED_SHORTEST)
        self.assertEqual([p["length"] for p in j["paths"]], [3] * 4)
        self.check_paths(LAYERED, j, "s", "t")
        adt = [p["route"] for p in j["paths"] if p["entities"] == ["s", "a", "d", "t"]]
        self.assertEqual(adt, ["s -partners_with-> a -partners_with|resells-> d "
                               "-partners_with-> t"])
        # --limit
        j2 = self.paths(LAYERED, "s", "t", "--all-shortest", "--limit", "2")
        self.assertEqual(len(j2["paths"]), 2)
        self.assertLessEqual(set(self.routes(j2)), LAYERED_SHORTEST)
        # the bundled graph (NetworkX: nx.all_shortest_paths on the undirected simple graph)
        j = self.paths(BUNDLED_GRAPH, "infosys", "alibaba-cloud-india-dc-1", "--undirected",
                       "--all-shortest")
        self.assertEqual(self.routes(j),
                         ["infosys alibaba-cloud alibaba-cloud-india-dc-1",
                          "infosys india alibaba-cloud-india-dc-1"])
        self.check_paths(BUNDLED_GRAPH, j, "infosys", "alibaba-cloud-india-dc-1",
                         undirected=True)

    def simple_paths(self, graph, a, b, undirected=False):
        adj = graph.steps(undirected=undirected)
        out, stack = set(), [a]

        def walk(v):
            if v == b:
                out.add(" ".join(stack))
                return
            for w in sorted({w for w, _, _ in adj[v]}):
                if w not in stack:
                    stack.append(w)
                    walk(w)
                    stack.pop()
        walk(a)
        return out

    def test_k_shortest(self):
        self.assertEqual(self.simple_paths(LAYERED, "s", "t"), LAYERED_SIMPLE)
        for k in (2, 3, 4, 5, 10):
            with self.subTest(k=k):
                j = self.paths(LAYERED, "s", "t", "--k-shortest", k)
                self.assertEqual(j["parameters"]["k_shortest"], k)
                got = self.routes(j)
                self.assertEqual(len(got), min(k, 5))
                self.assertEqual(len(set(got)), len(got), f"a path repeats: {got}")
                lengths = [p["length"] for p in j["paths"]]
                self.assertEqual(lengths, sorted(lengths))
                self.assertLessEqual(set(got), LAYERED_SIMPLE)
                self.check_paths(LAYERED, j, "s", "t")
                if k >= 5:
                    self.assertEqual(set(got), LAYERED_SIMPLE)
                    self.assertEqual(lengths, [3, 3, 3, 3, 4])
        # the bundled graph: the paths are the shortest simple paths (as
        # nx.shortest_simple_paths; ties may be ordered differently)
        g = BUNDLED_GRAPH
        everything = self.simple_paths(g, "infosys", "india", undirected=True)
        for k in (3, 8):
            with self.subTest(bundled_k=k):
                j = self.paths(g, "infosys", "india", "--undirected", "--k-shortest", k)
                got = self.routes(j)
                self.assertEqual(len(got), k)
                self.assertEqual(len(set(got)), k)
                lengths = [p["length"] for p in j["paths"]]
                self.assertEqual(lengths, sorted(lengths))
                self.assertLessEqual(set(got), everything)
                shorter = {p for p in everything if len(p.split()) - 1 < lengths[-1]}
                self.assertLessEqual(shorter, set(got), "a shorter simple path is missing")
                self.assertEqual([len(p.split()) - 1 for p in got], lengths)
                self.check_paths(g, j, "infosys", "india", undirected=True)
        j = self.paths(g, "infosys", "india", "--undirected", "--k-shortest", "3")
        self.assertEqual([p["length"] for p in j["paths"]], [1, 2, 3])

    def test_weight_changes_the_answer(self):
        j = self.paths(WEIGHTED, "a", "d")
        self.assertEqual([(p["entities"], p["length"]) for p in j["paths"]], [(["a", "d"], 1)])
        j = self.paths(WEIGHTED, "a", "d", "--weight", "weight")
        self.assertEqual(j["parameters"]["weight"], "weight")
        self.assertEqual([(p["entities"], p["length"], p["hops"]) for p in j["paths"]],
                         [(["a", "b", "c", "d"], 3, 3)])
        j = self.paths(WEIGHTED, "a", "d", "--weight", "weight", "--k-shortest", "2")
        self.assertEqual([(p["entities"], p["length"]) for p in j["paths"]],
                         [(["a", "b", "c", "d"], 3), (["a", "d"], 10)])
        # parallel relations: the shortest of them is the arc's length
        j = self.paths(WEIGHTED_PARALLEL, "a", "d", "--weight", "weight")
        self.assertEqual([(p["entities"], p["length"]) for p in j["paths"]],
                         [(["a", "d"], 2.5)])
        r = cached("path", path_of(WEIGHTED_PARALLEL), "a", "d", "--weight", "weight")
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout.splitlines()[-1].split(), ["1", "2.5", "a", "-->", "d"])
        # a weight attribute that no relation has is a usage error
        r = run(["path", path_of(WEIGHTED), "a", "d", "--weight", "wieght"])
        self.assertStatus(r, 2)
        self.assertIn("did you mean 'weight'", r.stderr)

    def test_via(self):
        j = self.paths(CHANNEL, "isv1", "si")
        self.assertEqual(self.routes(j), ["isv1 dist si"])
        self.assertEqual(j["paths"][0]["route"], "isv1 -resells-> dist -partners_with-> si")
        j = self.paths(CHANNEL, "isv1", "si", "--via", "partners_with", status=1)
        self.assertEqual(j["paths"], [])
        self.assertEqual(j["parameters"]["via"], ["partners_with"])
        j = self.paths(CHANNEL, "eu", "asia", "--undirected", "--via",
                       "partners_with,resells,operates_in,part_of")
        self.assertEqual(self.routes(j), ["eu msp isv1 dist si india asia"])
        self.check_paths(CHANNEL, j, "eu", "asia", undirected=True,
                         via={"partners_with", "resells", "operates_in", "part_of"})

    def test_no_route_exits_1(self):
        for options in ([], ["--all-shortest"], ["--k-shortest", "3"]):
            with self.subTest(options=options):
                j = self.paths(LAYERED, "t", "s", *options, status=1)
                self.assertEqual(j["paths"], [])
        r = cached("path", path_of(LAYERED), "t", "s")
        self.assertStatus(r, 1)
        j = self.paths(LAYERED, "t", "s", "--undirected")
        self.assertEqual(j["paths"][0]["length"], 3)
        self.assertTrue(j["parameters"]["undirected"])
        j = self.paths(CHANNEL, "isv1", "lone", status=1)
        self.assertEqual(j["paths"], [])

    def test_errors(self):
        r = run(["path", BUNDLED, "infosys", "india", "--all-shortest", "--k-shortest", "2"])
        self.assertStatus(r, 2)
        self.assertIn("--all-shortest", r.stderr)
        self.assertEqual(r.out, b"")
        r = run(["path", BUNDLED, "infosys", "indai"])
        self.assertStatus(r, 1)
        self.assertIn("did you mean 'india'", r.stderr)
        r = run(["path", BUNDLED, "infosys"])  # one id only: FILE A
        self.assertStatus(r, 2)
        r = run(["path", BUNDLED, "infosys", "india", "--via", "partner_with"])
        self.assertStatus(r, 2)
        self.assertIn("did you mean 'partners_with'", r.stderr)


# --------------------------------------------------------------------------------------------
# 3. neighborhood


class NeighborhoodTest(CliTestCase):
    def members(self, src, centre, *options):
        j = self.ok_json("neighborhood", src, centre, *options)
        return {e["id"]: e["distance"] for e in j["entities"]}

    def test_hops_0_is_the_centre_alone(self):
        self.assertEqual(self.members(BUNDLED, "infosys", "--hops", "0"), {"infosys": 0})
        r = cached("neighborhood", BUNDLED, "infosys", "--hops", "0", "-f", "dot", "--plain")
        self.assertStatus(r, 0)
        self.assertNotIn("->", r.stdout)

    def test_hops(self):
        g = BUNDLED_GRAPH
        one = {"infosys": 0, "alibaba-cloud": 1, "china": 1, "india": 1, "rest-of-world": 1,
               "si-partners": 1}
        self.assertEqual(self.members(BUNDLED, "infosys", "--hops", "1"), one)
        self.assertEqual(self.members(BUNDLED, "infosys"), one)  # the default is 1
        two = g.bfs("infosys", undirected=True, max_hops=2)
        self.assertEqual(len(two), 22)
        self.assertEqual(self.members(BUNDLED, "infosys", "--hops", "2"), two)
        j = self.ok_json("neighborhood", BUNDLED, "infosys", "--hops", "2")
        self.assertEqual(j["centre"], "infosys")
        self.assertEqual(j["parameters"], {"hops": 2, "via": [], "direction": "both"})
        self.assertEqual([e["id"] for e in j["entities"]][:2], ["infosys", "alibaba-cloud"])
        ds = [e["distance"] for e in j["entities"]]
        self.assertEqual(ds, sorted(ds))
        r = cached("neighborhood", BUNDLED, "infosys", "--hops", "1")
        self.assertStatus(r, 0)
        self.assertTrue(r.stdout.startswith("1-hop neighbourhood of infosys (6 entities)"))

    def test_direction(self):
        self.assertEqual(self.members(BUNDLED, "infosys", "--direction", "out"),
                         {"infosys": 0, "china": 1, "india": 1, "rest-of-world": 1,
                          "si-partners": 1})
        self.assertEqual(self.members(BUNDLED, "infosys", "--direction", "in"),
                         {"infosys": 0, "alibaba-cloud": 1})
        self.assertEqual(self.members(BUNDLED, "infosys", "--direction", "out", "--hops", "2"),
                         BUNDLED_GRAPH.bfs("infosys", max_hops=2))
        self.assertEqual(self.members(BUNDLED, "india", "--direction", "in", "--hops", "3"),
                         BUNDLED_GRAPH.bfs("india", reverse=True, max_hops=3))
        self.assertEqual(self.members(path_of(CHANNEL), "india", "--direction", "in",
                                      "--via", "located_in,operates", "--hops", "2"),
                         {"india": 0, "cust": 1, "dc": 1, "cloud": 2})

    def test_undirected_dot_graph(self):
        # direction means nothing in graph { a -- b -- c }
        for direction in ("out", "in", "both"):
            with self.subTest(direction=direction):
                self.assertEqual(self.members(path_of(UNDIRECTED), "c", "--direction",
                                              direction, "--hops", "2"),
                                 {"c": 0, "b": 1, "a": 2})

    def test_dot_reread_by_validate(self):
        for hops in ("1", "2"):
            with self.subTest(hops=hops):
                table = self.members(BUNDLED, "infosys", "--hops", hops)
                styled = os.path.join(TMP, f"styled{hops}.gv")
                plain = os.path.join(TMP, f"plain{hops}.gv")
                self.assertStatus(run(["neighborhood", BUNDLED, "infosys", "--hops", hops,
                                       "-f", "dot", "-o", styled]), 0)
                self.assertStatus(run(["neighborhood", BUNDLED, "infosys", "--hops", hops,
                                       "-f", "dot", "--plain", "-o", plain]), 0)
                # the data DOT: the same entities, typed, no problem
                v = self.ok_json("validate", plain)
                self.assertEqual(v["entities"], len(table))
                self.assertEqual((v["errors"], v["warnings"]), (0, 0), v)
                self.assertTrue(v["typed"])
                members = set(table)
                expected_relations = sum(1 for s, t, _, _ in BUNDLED_GRAPH.relations
                                         if s in members and t in members)
                self.assertEqual(v["relations"], expected_relations)
                # the styled DOT: every entity plus the legend node, relations unchanged
                v = self.ok_json("validate", styled)
                self.assertEqual(v["entities"], len(table) + 1)
                self.assertEqual(v["relations"], expected_relations)
                with open(styled, encoding="utf-8") as f:
                    text = f.read()
                for e in table:
                    self.assertIn(f'"{e}" [label=', text)
                self.assertIn('"ecograph:legend"', text)
                self.assertIn(f"Infosys and its {hops}-hop neighbourhood", text)

    def test_plain_round_trip(self):
        plain = os.path.join(TMP, "round.gv")
        self.assertStatus(run(["neighborhood", BUNDLED, "infosys", "--hops", "1", "-f", "dot",
                               "--plain", "-o", plain]), 0)
        again = os.path.join(TMP, "round2.gv")
        self.assertStatus(run(["neighborhood", plain, "infosys", "--hops", "1", "-f", "dot",
                               "--plain", "-o", again]), 0)
        with open(plain, "rb") as f1, open(again, "rb") as f2:
            self.assertEqual(f1.read(), f2.read(), "plain DOT is not a fixed point")
        original = self.ok_json("neighborhood", BUNDLED, "infosys", "--hops", "1")
        reread = self.ok_json("neighborhood", plain, "infosys", "--hops", "1")
        self.assertEqual(original["entities"], reread["entities"])
        # attributes survive: show the same entity from both
        a = self.ok_json("show", BUNDLED, "infosys")
        b = self.ok_json("show", plain, "infosys")
        self.assertEqual(a.get("attributes"), b.get("attributes"))
        # --via keeps only those relations in the diagram
        r = run(["neighborhood", BUNDLED, "infosys", "--via", "operates_in", "-f", "dot",
                 "--plain"])
        self.assertStatus(r, 0)
        self.assertIn('"infosys" -> "india" [type="operates_in"', r.stdout)
        self.assertNotIn("partners_with", r.stdout)
        self.assertNotIn("member_of", r.stdout)

    def test_rendered_formats(self):
        r = cached("neighborhood", BUNDLED, "infosys", "-f", "svg")
        self.assertStatus(r, 0)
        try:
            root = ET.fromstring(r.out)
        except ET.ParseError as e:
            self.fail(f"SVG does not parse as XML: {e}")
        self.assertTrue(root.tag.endswith("svg"), root.tag)
        titles = {t.text for t in root.iter("{http://www.w3.org/2000/svg}title")}
        self.assertTrue({"infosys", "alibaba-cloud", "india"} <= titles, titles)
        png = os.path.join(TMP, "n.png")
        self.assertStatus(run(["neighborhood", BUNDLED, "infosys", "-f", "png", "-o", png]), 0)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        r = cached("neighborhood", BUNDLED, "infosys", "-f", "pdf", "-o", "-")
        self.assertStatus(r, 0)
        self.assertTrue(r.out.startswith(b"%PDF"))
        # binary output to a terminal is refused elsewhere; to a pipe it is fine (above)

    def test_plain_needs_dot(self):
        r = run(["neighborhood", BUNDLED, "infosys", "--plain", "-f", "svg"])
        self.assertStatus(r, 2)
        self.assertIn("--plain", r.stderr)
        # --plain with a table format is as meaningless as with svg
        for fmt in ("table", "json"):
            with self.subTest(format=fmt):
                r = run(["neighborhood", BUNDLED, "infosys", "--plain", "-f", fmt])
                self.assertStatus(r, 2)

    def test_errors(self):
        r = run(["neighborhood", BUNDLED, "infosis"])
        self.assertStatus(r, 1)
        self.assertIn("did you mean 'infosys'", r.stderr)
        r = run(["neighborhood", BUNDLED, "infosys", "--direction", "sideways"])
        self.assertStatus(r, 2)
        r = run(["neighborhood", BUNDLED, "infosys", "--via", "partner_with"])
        self.assertStatus(r, 2)
        self.assertIn("did you mean 'partners_with'", r.stderr)


# --------------------------------------------------------------------------------------------
# 4. resilience


class ResilienceTest(CliTestCase):
    def test_articulation_points(self):
        j = self.ok_json("resilience", path_of(RESILIENCE))
        self.assertEqual(list(j), ["parameters", "weak_components", "strong_components",
                                   "articulation_points", "bridges"])
        self.assertEqual(
            [(a["id"], a["pieces"], a["cut_off"]) for a in j["articulation_points"]],
            [("f", [3, 2, 2, 1], 5), ("c", [6, 2], 2), ("g", [7, 1], 1)])
        for a in j["articulation_points"]:
            self.assertEqual(list(a), ["id", "name", "type", "pieces", "cut_off"])

    def test_bridges(self):
        j = self.ok_json("resilience", path_of(RESILIENCE))
        for b in j["bridges"]:
            self.assertEqual(list(b), ["a", "b", "side_a", "side_b"])
        self.assertEqual(
            [(b["a"], b["b"], b["side_a"], b["side_b"]) for b in j["bridges"]],
            [("c", "f", 3, 6), ("f", "g", 7, 2), ("f", "p", 8, 1)],
            "two entities joined by two relations (g => h, m => n, x <=> y) have no bridge "
            "between them")

    def test_components(self):
        j = self.ok_json("resilience", path_of(RESILIENCE))
        self.assertEqual(j["weak_components"],
                         [{"size": 9, "first": "a"}, {"size": 2, "first": "m"},
                          {"size": 2, "first": "x"}])
        self.assertEqual(j["strong_components"],
                         [{"size": 3, "first": "a"}, {"size": 3, "first": "d"},
                          {"size": 2, "first": "x"}, {"size": 1, "first": "g"},
                          {"size": 1, "first": "h"}, {"size": 1, "first": "m"},
                          {"size": 1, "first": "n"}, {"size": 1, "first": "p"}])
        r = cached("resilience", path_of(RESILIENCE))
        self.assertStatus(r, 0)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], "Components")
        self.assertEqual(lines[3].split(), ["weak", "3", "9", "9,", "2,", "2"])

    def dominator_table(self, graph, root):
        r = cached("resilience", path_of(graph), "--root", root)
        self.assertStatus(r, 0)
        title = f"Entities every route from {root} must pass through\n"
        self.assertIn(title, r.stdout)
        return [line.split() for line in r.stdout.split(title)[1].splitlines()[2:]]

    def test_dominators(self):
        j = self.ok_json("resilience", path_of(FLOW), "--root", "r")
        self.assertEqual(j["parameters"], {"via": [], "root": "r"})
        self.assertEqual({d["id"]: d["idom"] for d in j["dominators"]}, FLOW_IDOM)
        self.assertEqual(self.dominator_table(FLOW, "r"), [["c", "5"], ["d", "4"], ["g", "1"]])
        # without --root there is no dominator section
        self.assertNotIn("dominators", self.ok_json("resilience", path_of(FLOW)))
        r = cached("resilience", path_of(FLOW))
        self.assertNotIn("must pass through", r.stdout)

    def test_dominators_ignore_unreached_entities(self):
        # y --> e, with y not reached from r, must not change any dominator (as
        # nx.immediate_dominators); nor must x --> c for the root x, where y is unreached too.
        j = self.ok_json("resilience", path_of(FLOW_UNREACHED), "--root", "r")
        self.assertEqual({d["id"]: d["idom"] for d in j["dominators"]}, FLOW_IDOM)
        self.assertEqual(self.dominator_table(FLOW_UNREACHED, "r"),
                         [["c", "5"], ["d", "4"], ["g", "1"]])
        j = self.ok_json("resilience", path_of(FLOW_UNREACHED), "--root", "x")
        self.assertEqual({d["id"]: d["idom"] for d in j["dominators"]},
                         {"c": "x", "d": "c", "e": "d", "f": "d", "g": "d", "h": "g"})

    def test_bundled(self):
        j = self.ok_json("resilience", BUNDLED, "--root", "alibaba-cloud")
        # NetworkX 2.8.8 on the undirected simple graph / the directed graph
        self.assertEqual(j["weak_components"], [{"size": 26, "first": "alibaba-group"}])
        self.assertEqual(len(j["strong_components"]), 26)
        self.assertEqual(
            [(a["id"], a["pieces"], a["cut_off"]) for a in j["articulation_points"]],
            [("alibaba-cloud", [10, 5, 3, 2, 1, 1, 1, 1, 1], 15),
             ("alibaba-cloud-partner-investment", [23, 1, 1], 2),
             ("alibaba-cloud-infrastructure-investment", [24, 1], 1)])
        self.assertEqual(
            sorted(tuple(sorted((b["a"], b["b"]))) for b in j["bridges"]),
            [("alibaba-cloud", "alibaba-cloud-infrastructure-investment"),
             ("alibaba-cloud", "hybrid-cloud"),
             ("alibaba-cloud", "hybrid-cloud-projects-last-year"),
             ("alibaba-cloud", "isv-partners"), ("alibaba-cloud", "msp-partners"),
             ("alibaba-cloud", "public-cloud"),
             ("alibaba-cloud-infrastructure-investment", "next-generation-data-centres"),
             ("alibaba-cloud-partner-investment", "global-partners"),
             ("alibaba-cloud-partner-investment", "joint-products")])
        for b in j["bridges"]:
            self.assertEqual(b["side_a"] + b["side_b"], 26)
        idom = {d["id"]: d["idom"] for d in j["dominators"]}
        reached = BUNDLED_GRAPH.bfs("alibaba-cloud")
        self.assertEqual(set(idom), set(reached) - {"alibaba-cloud"})
        self.assertEqual({v: d for v, d in idom.items() if d != "alibaba-cloud"},
                         {"global-partners": "alibaba-cloud-partner-investment",
                          "joint-products": "alibaba-cloud-partner-investment",
                          "next-generation-data-centres":
                              "alibaba-cloud-infrastructure-investment"})

    def test_via_and_csv(self):
        j = self.ok_json("resilience", path_of(CHANNEL), "--via", "partners_with,resells")
        self.assertEqual(j["parameters"]["via"], ["partners_with", "resells"])
        # every entity stays: isv1 - dist - si and isv1 - msp, seven entities alone
        self.assertEqual([c["size"] for c in j["weak_components"]], [4] + [1] * 7)
        self.assertEqual([(a["id"], a["pieces"]) for a in j["articulation_points"]],
                         [("dist", [2, 1]), ("isv1", [2, 1])])  # a tie: by id
        r = cached("resilience", path_of(RESILIENCE), "-f", "csv")
        self.assertStatus(r, 0)
        rows = list(csvmod.reader(io.StringIO(r.stdout)))
        self.assertEqual(rows[0], ["finding", "id", "other", "value"])
        # the CSV findings are the JSON's, in the same order
        j = self.ok_json("resilience", path_of(RESILIENCE))
        self.assertEqual([row[1:] for row in rows[1:] if row[0] == "articulation_point"],
                         [[a["id"], "", str(a["cut_off"])] for a in j["articulation_points"]])
        self.assertEqual([row[1:] for row in rows[1:] if row[0] == "bridge"],
                         [[b["a"], b["b"], str(min(b["side_a"], b["side_b"]))]
                          for b in j["bridges"]])

    def test_errors(self):
        r = run(["resilience", BUNDLED, "--root", "alibaba-clod"])
        self.assertStatus(r, 1)
        self.assertIn("did you mean 'alibaba-cloud'", r.stderr)
        r = run(["resilience", BUNDLED, "--via", "partner_with"])
        self.assertStatus(r, 2)
        self.assertIn("did you mean 'partners_with'", r.stderr)


# --------------------------------------------------------------------------------------------
# 5. Determinism and usage errors


class OutputTest(CliTestCase):
    def commands(self):
        ch = path_of(CHANNEL)
        out = []
        for f in TABLE_FORMATS:
            out.append(("reach", BUNDLED, "india", "--reverse", "--undirected", "--explain",
                        "-f", f))
            out.append(("path", BUNDLED, "infosys", "india", "--undirected", "--k-shortest",
                        "5", "-f", f))
            out.append(("path", path_of(LAYERED), "s", "t", "--all-shortest", "-f", f))
            out.append(("resilience", BUNDLED, "--root", "alibaba-cloud", "-f", f))
            out.append(("neighborhood", ch, "india", "--hops", "2", "-f", f))
        for f in ("dot", "svg", "png", "pdf"):
            out.append(("neighborhood", BUNDLED, "infosys", "-f", f, "-o", "-"))
        out.append(("neighborhood", BUNDLED, "infosys", "-f", "dot", "--plain"))
        return out

    def test_byte_identical_across_runs(self):
        for args in self.commands():
            with self.subTest(command=" ".join(args)):
                first = cached(*args)
                self.assertStatus(first, 0)
                self.assertGreater(len(first.out), 0)
                second = run(list(args))
                self.assertStatus(second, 0)
                self.assertEqual(first.out, second.out, "two runs differ")

    def test_bad_flags_exit_2(self):
        bad = [
            ("reach", BUNDLED, "infosys", "--bogus"),
            ("reach", BUNDLED, "infosys", "--max-hops", "many"),
            ("reach", BUNDLED, "infosys", "--max-hops", "-1"),  # not 2^64 - 1
            ("reach", BUNDLED, "infosys", "-f", "xml"),
            ("reach", BUNDLED),
            ("path", BUNDLED, "infosys", "india", "--bogus"),
            ("path", BUNDLED, "infosys", "india", "--k-shortest", "two"),
            ("path", BUNDLED, "infosys", "india", "--k-shortest", "-1"),
            ("path", BUNDLED, "infosys", "india", "--limit", "-1", "--all-shortest"),
            ("path", BUNDLED, "infosys", "india", "-f", "svg"),
            ("neighborhood", BUNDLED, "infosys", "--bogus"),
            ("neighborhood", BUNDLED, "infosys", "--hops", "-1"),
            ("neighborhood", BUNDLED, "infosys", "--layout", "spring", "-f", "svg"),
            ("neighborhood", BUNDLED, "infosys", "-f", "xml"),
            ("neighborhood", BUNDLED),
            ("resilience", BUNDLED, "--bogus"),
            ("resilience", BUNDLED, "-f", "dot"),
            ("resilience",),
        ]
        for args in bad:
            with self.subTest(command=" ".join(args)):
                r = run(list(args))
                self.assertStatus(r, 2)
                self.assertEqual(r.out, b"")
                self.assertTrue(r.stderr.strip(), "no message")


class ArticleQuestionsTest(CliTestCase):
    """The article's own questions, answered on the bundled graph with the route shown."""

    def test_infosys_reaches_indian_data_centres_through_alibaba_cloud(self):
        j = self.ok_json("reach", BUNDLED, "infosys", "--undirected", "--via",
                         "partners_with,operates", "--to-types", "DataCentre", "--explain")
        routes = {r["id"]: r["path"] for r in j["results"]}
        self.assertEqual(routes, {
            "alibaba-cloud-india-dc-1":
                "infosys <-partners_with- alibaba-cloud -operates-> alibaba-cloud-india-dc-1",
            "alibaba-cloud-india-dc-2":
                "infosys <-partners_with- alibaba-cloud -operates-> alibaba-cloud-india-dc-2",
        })
        for r in j["results"]:
            self.assertEqual(r["distance"], 2)

    def test_which_companies_reach_india(self):
        j = self.ok_json("reach", BUNDLED, "india", "--reverse", "--to-types", "Company",
                         "--explain")
        self.assertEqual({r["id"]: r["path"] for r in j["results"]}, {
            "alibaba-cloud": "alibaba-cloud -operates_in-> india",
            "infosys": "infosys -operates_in-> india",
        })


if __name__ == "__main__":
    unittest.main()
