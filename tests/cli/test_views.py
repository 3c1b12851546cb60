#!/usr/bin/env python3
"""End-to-end tests of `impact` (docs/reachability.md#impact) and of the `export` views
(docs/views.md): --focus/--hops, --types, --via, --top/--top-by, --collapse, --highlight-path,
--size-by, the legend, the size guard and determinism.

Usage (from the repository root; standard library only):

    python3 tests/cli/test_views.py /path/to/ecograph [unittest options]

The small graphs are written to a temporary directory; each is drawn where it is defined and
its answers are worked out by hand. Oracles written here (breadth-first search, union-find,
articulation points by brute force, Brandes betweenness) check `impact` on the bundled graph,
and the views on small graphs. The size guard uses a graph of 2,100 entities made by
tools/bench/gen_ecosystem.py.

What is covered:
  ImpactTest       lost pairs (exact list), the by-type and by-region summaries, the CSV list,
                   split components (sizes, parts, example), new articulation points and the
                   betweenness changes (against Brandes) on a hand-made graph; --via,
                   --from-types, --to-types (subtypes included), --top; several removed
                   entities (comma list, repeated option, duplicates); an undirected graph;
                   the bundled graph against the oracles; the removed entities never appear in
                   any result; unknown --remove exits 1 with "did you mean"; bad options exit 2
                   and name the option; every format byte-identical across runs.
  ViewTest         --focus/--hops entity sets (both directions, hops 0/1/2) against a BFS
                   oracle, read back from --plain data DOT and checked with `validate -f
                   json`; --types keeps subtypes and only relations among kept entities; --via
                   drops other relations and keeps every entity; composition order (--focus
                   walks only what --types keeps; the order on the command line does not
                   matter); --top N keeps the N highest by degree
                   (and by pagerank / betweenness on graphs with an obvious answer);
                   --collapse type and region: one node per group with its count in the label
                   and a `count` attribute, merged relations with their count; errors.
  StyleTest        --highlight-path marks exactly the path's entities and relations
                   (penwidth=3), either direction; --size-by gives font sizes that follow the
                   measure (10 to 26 points); the legend lists only the entity and relation
                   types present in the view.
  LargeGraphTest   a generated graph of 2,100 entities: rendering with the default layout (and
                   neato) exits 2 with a hint naming --focus, --top and --collapse; styled DOT is
                   written; views of it render to SVG; dot and svg are byte-identical across
                   runs.
"""

import csv as csvmod
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from collections import deque

import harness
from harness import BUNDLED, GENERATOR, REPO_ROOT

harness.binary_from_argv("test_views.py")

TIMEOUT = 60
TABLE_FORMATS = ["table", "json", "csv", "markdown"]

harness.ENV.setdefault("SOURCE_DATE_EPOCH", "0")
# Run by hand against the AddressSanitizer build, SVG rendering would report the leaks that
# Graphviz and its font stack keep by design; .ci/run passes the same suppressions.
harness.ENV.setdefault("LSAN_OPTIONS", "suppressions={}:print_suppressions=0".format(
    os.path.join(REPO_ROOT, "tools", "sanitizers", "lsan.supp")))


def run(args, timeout=TIMEOUT):
    """Runs ecograph with args from the repository root; status None means it timed out."""
    return harness.run(args, timeout=timeout)


def cached(*args):
    """Runs a command once per test run (outputs are reused)."""
    return harness.cached(*args, timeout=TIMEOUT)


# --------------------------------------------------------------------------------------------
# Graphs: written from Python, so the tests know every entity and relation.


class Graph:
    """Entities {id: type or None} and relations [(source, target, type or None)]."""

    def __init__(self, name, entities, relations, directed=True):
        self.name, self.directed = name, directed
        self.entities = dict(entities)
        self.relations = [tuple(r) for r in relations]
        for s, t, _ in self.relations:
            self.entities.setdefault(s, None)
            self.entities.setdefault(t, None)

    def dot(self):
        arrow = "->" if self.directed else "--"
        lines = [("digraph" if self.directed else "graph") + f" {self.name} {{"]
        for e, t in self.entities.items():
            lines.append(f'  "{e}"' + (f' [type="{t}", label="{e.upper()}"]' if t else "")
                         + ";")
        for s, t, typ in self.relations:
            lines.append(f'  "{s}" {arrow} "{t}"' + (f' [type="{typ}"]' if typ else "") + ";")
        return "\n".join(lines) + "\n}\n"

    def subgraph(self, keep, via=None):
        """The graph induced on `keep`, with relations of the `via` types only."""
        return Graph(self.name, {e: t for e, t in self.entities.items() if e in keep},
                     [r for r in self.relations
                      if r[0] in keep and r[1] in keep and (not via or r[2] in via)],
                     self.directed)

    def out_adj(self):
        adj = {v: set() for v in self.entities}
        for s, t, _ in self.relations:
            if s != t:
                adj[s].add(t)
                if not self.directed:
                    adj[t].add(s)
        return adj

    def undirected_adj(self):
        adj = {v: set() for v in self.entities}
        for s, t, _ in self.relations:
            if s != t:
                adj[s].add(t)
                adj[t].add(s)
        return adj

    def degree(self):
        """Total degree on the multigraph: every relation counts at both ends."""
        deg = {v: 0 for v in self.entities}
        for s, t, _ in self.relations:
            deg[s] += 1
            deg[t] += 1
        return deg


def bfs(adj, start, max_hops=None):
    dist = {start: 0}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        if max_hops is not None and dist[v] >= max_hops:
            continue
        for w in sorted(adj[v]):
            if w not in dist:
                dist[w] = dist[v] + 1
                queue.append(w)
    return dist


def components(adj, vertices):
    """Connected components of the undirected adjacency restricted to `vertices`."""
    seen, out = set(), []
    for v in sorted(vertices):
        if v in seen:
            continue
        comp, stack = set(), [v]
        seen.add(v)
        while stack:
            x = stack.pop()
            comp.add(x)
            for w in adj[x]:
                if w in vertices and w not in seen:
                    seen.add(w)
                    stack.append(w)
        out.append(comp)
    return out


def articulation_points(adj, vertices):
    """Brute force: removing v raises the number of components among the others."""
    base = components(adj, vertices)
    comp_of = {v: i for i, c in enumerate(base) for v in c}
    aps = set()
    for v in vertices:
        comp = base[comp_of[v]]
        if len(components(adj, comp - {v})) > 1:
            aps.add(v)
    return aps


def brandes(adj):
    """Raw betweenness of a simple directed graph {v: set(successors)}."""
    cb = {v: 0.0 for v in adj}
    for s in adj:
        stack, pred = [], {v: [] for v in adj}
        sigma = {v: 0 for v in adj}
        dist = {v: -1 for v in adj}
        sigma[s], dist[s] = 1, 0
        queue = deque([s])
        while queue:
            v = queue.popleft()
            stack.append(v)
            for w in adj[v]:
                if dist[w] < 0:
                    dist[w] = dist[v] + 1
                    queue.append(w)
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
                    pred[w].append(v)
        delta = {v: 0.0 for v in adj}
        while stack:
            w = stack.pop()
            for v in pred[w]:
                delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
            if w != s:
                cb[w] += delta[w]
    return cb


BUNDLED_GRAPH = Graph("bundled", *harness.bundled_graph())

# Subtypes of the built-in schema's abstract Company type.
COMPANY = {"CloudProvider", "Customer", "Distributor", "Group", "ISV", "MSP", "SI"}

# The impact graph (built-in schema types):
#
#   isv -resells-> c1 -partners_with--------------------> infy -operates_in-> india -part_of-> asia
#                  |                                      ^
#                  | located_in                           | partners_with
#                  v                                      |
#                  eu <-operates_in- acme <-partners_with-c2
#
#   isv: ISV; c1, c2: Customer; infy, acme: SI; india, asia, eu: Region.
#
# Remove infy. Before, c1 reaches infy, india, asia, eu; c2 reaches infy, india, asia, acme, eu;
# isv reaches c1 and what c1 reaches. After, c1 reaches eu; c2 acme and eu; isv c1 and eu.
# Lost pairs: c1, c2 and isv each lose india and asia (6). By type: Customer -> Region 4,
# ISV -> Region 2. By region (c1 is located in eu; c2 and isv have no region; a Region is its
# own): (none)->asia 2, (none)->india 2, eu->asia 1, eu->india 1.
# Direction ignored the 8 entities are one component; without infy it splits into
# {acme, c1, c2, eu, isv} and {asia, india}: 7 -> 5 + 2, example acme (smallest id).
# Articulation points before: c1 (isv hangs on it), infy, india (asia hangs on it); after: c1
# (isv), eu and acme (the path isv - c1 - eu - acme - c2): new ones acme, eu.
# Betweenness (directed, raw): india 4 -> 0 (c1, c2, isv, infy to asia), c1 4 -> 1 (isv to
# infy, india, asia, eu; then only eu); nothing else changes.
IMPACT = Graph("impact", {
    "c1": "Customer", "c2": "Customer", "infy": "SI", "acme": "SI", "india": "Region",
    "asia": "Region", "eu": "Region", "isv": "ISV"}, [
    ("c1", "infy", "partners_with"), ("c2", "infy", "partners_with"),
    ("c2", "acme", "partners_with"), ("infy", "india", "operates_in"),
    ("acme", "eu", "operates_in"), ("india", "asia", "part_of"), ("isv", "c1", "resells"),
    ("c1", "eu", "located_in")])
IMPACT_LOST = [("c1", "asia"), ("c1", "india"), ("c2", "asia"), ("c2", "india"),
               ("isv", "asia"), ("isv", "india")]

# Undirected: a -- b -- c, d alone. Removing b loses a -> c and c -> a; {a, b, c} splits.
UNDIRECTED = Graph("undirected", {"d": None}, [("a", "b", None), ("b", "c", None)],
                   directed=False)

# The views graph (built-in schema types):
#
#   isv1 (ISV) -partners_with-> si1 (SI) -partners_with-> msp (MSP) -partners_with-> cust
#   isv2 (ISV) -partners_with-> si1         si1 -operates_in-> eu      msp -located_in-> us
#   isv1 -resells-> dist (Distributor)      cust -located_in-> eu      dc -located_in-> us
#   cloud (CloudProvider) -partners_with-> si1                         cloud -operates-> dc
#   p (Person) -works_for-> cloud           eu -part_of-> world        us -part_of-> world
#                          (cust: Customer; eu, us, world: Regions; dc: DataCentre)
#
# Degrees: si1 5; msp, cloud, eu, us 3 (msp: si1, cust, us); isv1, cust, dc, world 2; the rest 1.
# Regions (for --collapse region): eu holds cust and si1, us holds msp and dc; isv1, isv2,
# dist, cloud and p have none.
VIEWS = Graph("views", {
    "isv1": "ISV", "isv2": "ISV", "si1": "SI", "dist": "Distributor", "msp": "MSP",
    "cust": "Customer", "cloud": "CloudProvider", "dc": "DataCentre", "eu": "Region",
    "us": "Region", "world": "Region", "p": "Person"}, [
    ("isv1", "si1", "partners_with"), ("isv2", "si1", "partners_with"),
    ("isv1", "dist", "resells"), ("si1", "msp", "partners_with"),
    ("msp", "cust", "partners_with"), ("cloud", "si1", "partners_with"),
    ("si1", "eu", "operates_in"), ("msp", "us", "located_in"), ("cust", "eu", "located_in"),
    ("dc", "us", "located_in"), ("cloud", "dc", "operates"), ("eu", "world", "part_of"),
    ("us", "world", "part_of"), ("p", "cloud", "works_for")])

# SINK: a, b, c, d -> z and e -> a: z collects every route, so it has the highest PageRank.
SINK = Graph("sink", {v: "SI" for v in "abcdez"}, [
    (v, "z", "partners_with") for v in "abcd"] + [("e", "a", "partners_with")])
# STAR: x1 -> h -> x2, x3 -> h -> x4 and x1 -> x2: h lies on most routes between the others
# (highest betweenness); x3 and x4 broker nothing.
STAR = Graph("star", {v: "SI" for v in ["h", "x1", "x2", "x3", "x4"]}, [
    ("x1", "h", "partners_with"), ("h", "x2", "partners_with"), ("x3", "h", "partners_with"),
    ("h", "x4", "partners_with"), ("x1", "x2", "partners_with")])

GRAPHS = [IMPACT, UNDIRECTED, VIEWS, SINK, STAR]
TMP = None
LARGE = None  # generated: 2,100 entities


def path_of(graph):
    return os.path.join(TMP, graph.name + ".gv")


def setUpModule():
    global TMP, LARGE
    TMP = tempfile.mkdtemp(prefix="ecograph-views-")
    for g in GRAPHS:
        with open(path_of(g), "w", encoding="utf-8") as f:
            f.write(g.dot())
    LARGE = os.path.join(TMP, "large.gv")
    with open(LARGE, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, GENERATOR, "--entities", "2100", "--relations", "6000",
                        "--seed", "7"], stdout=f, check=True, timeout=TIMEOUT)


def tearDownModule():
    shutil.rmtree(TMP, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Reading DOT back


def unquote(s):
    return s.replace('\\"', '"')


def parse_data_dot(text):
    """--plain data DOT -> ({id: {attr: value}}, [(source, target, {attr: value})])."""
    attrs = r'((?:[A-Za-z_]+="(?:[^"\\]|\\.)*"(?:, )?)*)'
    nodes, edges = {}, []
    for m in re.finditer(r'^    "((?:[^"\\]|\\.)*)" \[' + attrs + r'\];$', text, re.M):
        nodes[unquote(m.group(1))] = dict(re.findall(r'([A-Za-z_]+)="((?:[^"\\]|\\.)*)"',
                                                     m.group(2)))
    for m in re.finditer(r'^    "((?:[^"\\]|\\.)*)" (?:->|--) "((?:[^"\\]|\\.)*)"(?: \['
                         + attrs + r'\])?;$', text, re.M):
        edges.append((unquote(m.group(1)), unquote(m.group(2)),
                      dict(re.findall(r'([A-Za-z_]+)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))))
    return nodes, edges


def parse_styled_dot(text):
    """Styled DOT -> ({id: attribute text}, [(source, target, attribute text)]), legend
    excluded (it is indented further)."""
    nodes = {m.group(1): m.group(2) for m in
             re.finditer(r'^  "([^"]+)" \[(.*?)\];$', text, re.M | re.S)
             if "->" not in m.group(0).split("[", 1)[0]}
    edges = [(m.group(1), m.group(2), m.group(3)) for m in
             re.finditer(r'^  "([^"]+)" -> "([^"]+)" \[(.*?)\];$', text, re.M)]
    return nodes, edges


def legend_of(text):
    """(entity types, relation types) listed in the styled DOT's legend."""
    m = re.search(r'"ecograph:legend" \[.*?label=<(.*)>\];', text)
    if not m:
        return None
    entity_types, relation_types = set(), set()
    for row in m.group(1).split("<TR>")[1:]:
        cells = re.findall(r"<TD[^>]*>(.*?)</TD>", row)
        if len(cells) < 2 or "COLSPAN" in row:
            continue
        name = re.sub(r"<[^>]+>", "", cells[1])
        if "BGCOLOR" in row:
            entity_types.add(name)
        elif "&#8594;" in row:
            relation_types.add(name)
    return entity_types, relation_types


class CliTestCase(harness.CliTestCase):
    maxDiff = 6000

    def ok_json(self, *args):
        r = cached(*args, "-f", "json")
        self.assertStatus(r, 0)
        return self.json_of(r)


# --------------------------------------------------------------------------------------------
# 1. impact


class ImpactTest(CliTestCase):
    def impact(self, graph, *options):
        file = BUNDLED if graph is BUNDLED_GRAPH else path_of(graph)
        return self.ok_json("impact", file, *options)

    @staticmethod
    def lost(j):
        return [(p["from"], p["to"]) for p in j["lost_routes"]["list"]]

    @staticmethod
    def summary(j, key):
        return {(s["from"], s["to"]): s["pairs"] for s in j["lost_routes"][key]}

    def test_hand_made_graph(self):
        j = self.impact(IMPACT, "--remove", "infy")
        self.assertEqual(list(j), ["removed", "parameters", "lost_routes", "split_components",
                                   "new_articulation_points", "betweenness_movers"])
        self.assertEqual(j["removed"], ["infy"])
        self.assertEqual(j["parameters"],
                         {"via": [], "from_types": [], "to_types": [], "top": 10})
        self.assertEqual(self.lost(j), IMPACT_LOST)  # sorted by source, then target
        self.assertEqual(j["lost_routes"]["pairs"], 6)
        self.assertEqual(self.summary(j, "by_type"),
                         {("Customer", "Region"): 4, ("ISV", "Region"): 2})
        self.assertEqual(self.summary(j, "by_region"),
                         {("(none)", "asia"): 2, ("(none)", "india"): 2, ("eu", "asia"): 1,
                          ("eu", "india"): 1})
        self.assertEqual(j["split_components"],
                         [{"size_before": 7, "parts": [5, 2], "example": "acme"}])
        self.assertEqual(j["new_articulation_points"], ["acme", "eu"])
        self.assertEqual(j["betweenness_movers"],
                         [{"id": "india", "before": 4.0, "after": 0.0, "change": -4.0},
                          {"id": "c1", "before": 4.0, "after": 1.0, "change": -3.0}])

    def test_table_and_csv(self):
        r = cached("impact", path_of(IMPACT), "--remove", "infy")
        self.assertStatus(r, 0)
        self.assertTrue(r.stdout.startswith(
            "If infy leaves: 6 ordered pairs lose every route, by entity type\n"), r.stdout)
        for title in ("Lost routes by region", "Components that split",
                      "New single points of failure", "Biggest betweenness changes (top 2)"):
            self.assertIn(title, r.stdout)
        self.assertRegex(r.stdout, r"\n\s+7  5 \+ 2\s+acme\n")
        r = cached("impact", path_of(IMPACT), "--remove", "infy", "-f", "csv")
        self.assertStatus(r, 0)
        rows = list(csvmod.reader(io.StringIO(r.stdout)))
        self.assertEqual(rows[0], ["from", "from_type", "to", "to_type"])
        self.assertEqual(rows[1:], [[s, IMPACT.entities[s], t, IMPACT.entities[t]]
                                    for s, t in IMPACT_LOST])
        r = cached("impact", path_of(IMPACT), "--remove", "infy", "-f", "markdown")
        self.assertStatus(r, 0)
        self.assertIn("| Customer | Region | 4 |", r.stdout)

    def test_via(self):
        # partners_with and operates_in only: c1 -> infy -> india, c2 -> infy -> india and
        # c2 -> acme -> eu; part_of, resells and located_in are not followed.
        j = self.impact(IMPACT, "--remove", "infy", "--via", "partners_with,operates_in")
        self.assertEqual(j["parameters"]["via"], ["partners_with", "operates_in"])
        self.assertEqual(self.lost(j), [("c1", "india"), ("c2", "india")])
        # {c1, c2, acme, eu, india} (infy not counted) -> {c2, acme, eu}, {c1}, {india}
        self.assertEqual(j["split_components"],
                         [{"size_before": 5, "parts": [3, 1, 1], "example": "acme"}])
        self.assertEqual(j["new_articulation_points"], [])  # acme already was one
        self.assertEqual(j["betweenness_movers"], [])  # only infy brokered india

    def test_from_and_to_types(self):
        j = self.impact(IMPACT, "--remove", "infy", "--from-types", "Customer")
        self.assertEqual(self.lost(j), [p for p in IMPACT_LOST if p[0] != "isv"])
        self.assertEqual(j["parameters"]["from_types"], ["Customer"])
        j = self.impact(IMPACT, "--remove", "infy", "--to-types", "Region", "--from-types",
                        "Company")  # Company: every kind of company (ISV and Customer here)
        self.assertEqual(self.lost(j), IMPACT_LOST)
        j = self.impact(IMPACT, "--remove", "infy", "--to-types", "Company")
        self.assertEqual(self.lost(j), [])
        # the type filters apply to lost routes only
        self.assertEqual(j["split_components"],
                         [{"size_before": 7, "parts": [5, 2], "example": "acme"}])
        self.assertEqual(j["new_articulation_points"], ["acme", "eu"])
        j = self.impact(IMPACT, "--remove", "infy", "--top", "1")
        self.assertEqual([m["id"] for m in j["betweenness_movers"]], ["india"])
        self.assertEqual(j["parameters"]["top"], 1)

    def test_several_removed(self):
        # infy and acme leave: c2 also loses eu; {asia, c1, c2, eu, india, isv} splits into
        # {c1, eu, isv}, {asia, india}, {c2}; c1 was an articulation point already.
        expected = sorted(IMPACT_LOST + [("c2", "eu")])
        j = self.impact(IMPACT, "--remove", "infy,acme")
        self.assertEqual(j["removed"], ["infy", "acme"])
        self.assertEqual(self.lost(j), expected)
        self.assertEqual(j["split_components"],
                         [{"size_before": 6, "parts": [3, 2, 1], "example": "asia"}])
        self.assertEqual(j["new_articulation_points"], [])
        again = self.impact(IMPACT, "--remove", "infy", "--remove", "acme", "--remove", "infy")
        for key in ("lost_routes", "split_components", "new_articulation_points",
                    "betweenness_movers"):
            self.assertEqual(again[key], j[key], key)
        r = cached("impact", path_of(IMPACT), "--remove", "infy,acme")
        self.assertStatus(r, 0)
        self.assertTrue(r.stdout.startswith("If infy, acme leave: 7 ordered pairs"), r.stdout)
        # acme alone: only c2 -> eu is lost (c2 still reaches infy, india, asia)
        j = self.impact(IMPACT, "--remove", "acme")
        self.assertEqual(self.lost(j), [("c2", "eu")])
        self.assertEqual(j["split_components"], [])

    def test_undirected_graph(self):
        j = self.impact(UNDIRECTED, "--remove", "b")
        self.assertEqual(self.lost(j), [("a", "c"), ("c", "a")])
        self.assertEqual(j["split_components"],
                         [{"size_before": 2, "parts": [1, 1], "example": "a"}])
        self.assertEqual(self.summary(j, "by_type"), {("", ""): 2})
        self.assertEqual(self.summary(j, "by_region"), {("(none)", "(none)"): 2})

    def oracle(self, graph, removed):
        """Lost pairs, splits, new articulation points and betweenness changes."""
        after = graph.subgraph(set(graph.entities) - set(removed))
        after.entities.update({v: graph.entities[v] for v in removed})  # isolated
        adj_b, adj_a = graph.out_adj(), after.out_adj()
        alive = sorted(set(graph.entities) - set(removed))
        lost = []
        for s in alive:
            rb, ra = bfs(adj_b, s), bfs(adj_a, s)
            lost += [(s, t) for t in rb if t != s and t not in removed and t not in ra]
        ub, ua = graph.undirected_adj(), after.undirected_adj()
        splits = []
        for comp in components(ub, set(graph.entities)):
            rest = comp - set(removed)
            parts = components(ua, rest)
            if len(parts) > 1:
                splits.append({"size_before": len(rest),
                               "parts": sorted((len(p) for p in parts), reverse=True),
                               "example": min(rest)})
        splits.sort(key=lambda s: (-s["size_before"], s["example"]))
        new_aps = sorted(articulation_points(ua, set(alive))
                         - articulation_points(ub, set(graph.entities)))
        bb, ba = brandes(adj_b), brandes(adj_a)
        movers = sorted(((v, bb[v], ba[v]) for v in alive if bb[v] != ba[v]),
                        key=lambda m: (-abs(m[2] - m[1]), m[0]))
        return sorted(lost), splits, new_aps, movers

    def check_against_oracle(self, graph, removed):
        j = self.impact(graph, "--remove", ",".join(removed), "--top", "1000")
        lost, splits, new_aps, movers = self.oracle(graph, removed)
        self.assertEqual(self.lost(j), lost)
        self.assertEqual(j["lost_routes"]["pairs"], len(lost))
        by_type = {}
        for s, t in lost:
            key = (graph.entities[s] or "", graph.entities[t] or "")
            by_type[key] = by_type.get(key, 0) + 1
        self.assertEqual(self.summary(j, "by_type"), by_type)
        self.assertEqual(sum(self.summary(j, "by_region").values()), len(lost))
        self.assertEqual(j["split_components"], splits)
        self.assertEqual(j["new_articulation_points"], new_aps)
        got = [(m["id"], m["before"], m["after"]) for m in j["betweenness_movers"]]
        self.assertEqual([m[0] for m in got], [m[0] for m in movers])
        for (v, b, a), (_, ob, oa) in zip(got, movers):
            self.assertAlmostEqual(b, ob, places=9, msg=v)
            self.assertAlmostEqual(a, oa, places=9, msg=v)

    def test_against_oracles(self):
        for graph, removed in [(IMPACT, ["infy"]), (IMPACT, ["c1"]), (IMPACT, ["india", "eu"]),
                               (BUNDLED_GRAPH, ["alibaba-cloud"]),
                               (BUNDLED_GRAPH, ["infosys"]), (BUNDLED_GRAPH, ["india"]),
                               (BUNDLED_GRAPH, ["alibaba-cloud-partner-investment",
                                                "hangzhou"])]:
            with self.subTest(graph=graph.name, removed=removed):
                self.check_against_oracle(graph, removed)

    def test_bundled_examples(self):
        # the examples of docs/reachability.md
        j = self.impact(BUNDLED_GRAPH, "--remove", "alibaba-cloud", "--to-types", "Region")
        self.assertEqual(self.lost(j), [("alex-li", r) for r in
                                        ["china", "hangzhou", "india", "rest-of-world",
                                         "world"]])
        self.assertEqual([(s["size_before"], s["parts"]) for s in j["split_components"]],
                         [(25, [10, 5, 3, 2, 1, 1, 1, 1, 1])])
        self.assertEqual(j["new_articulation_points"],
                         ["alibaba-group", "china", "india", "infosys", "south-asia", "world"])
        j = self.impact(BUNDLED_GRAPH, "--remove", "infosys")
        self.assertEqual(j["lost_routes"]["pairs"], 0)
        self.assertEqual([(m["id"], m["before"], m["after"]) for m in j["betweenness_movers"]],
                         [("alibaba-cloud", 23.0, 22.0), ("india", 3.0, 2.0)])

    def test_removed_never_in_results(self):
        cases = [(IMPACT, v) for v in sorted(IMPACT.entities)] + [
            (BUNDLED_GRAPH, "alibaba-cloud"), (BUNDLED_GRAPH, "infosys"),
            (BUNDLED_GRAPH, "india")]
        for graph, v in cases:
            with self.subTest(graph=graph.name, removed=v):
                j = self.impact(graph, "--remove", v, "--top", "1000")
                ids = {x for p in self.lost(j) for x in p}
                ids |= {s["example"] for s in j["split_components"]}
                ids |= set(j["new_articulation_points"])
                ids |= {m["id"] for m in j["betweenness_movers"]}
                self.assertNotIn(v, ids)
                file = BUNDLED if graph is BUNDLED_GRAPH else path_of(graph)
                r = cached("impact", file, "--remove", v, "-f", "csv")
                self.assertStatus(r, 0)
                for row in list(csvmod.reader(io.StringIO(r.stdout)))[1:]:
                    self.assertNotIn(v, (row[0], row[2]))

    def test_unknown_remove(self):
        r = run(["impact", path_of(IMPACT), "--remove", "infi"])
        self.assertStatus(r, 1)
        self.assertEqual(r.out, b"")
        self.assertIn("--remove: no entity 'infi'", r.stderr)
        self.assertIn("did you mean 'infy'", r.stderr)
        r = run(["impact", BUNDLED, "--remove", "infosys,alibaba-clod"])
        self.assertStatus(r, 1)
        self.assertIn("did you mean 'alibaba-cloud'", r.stderr)

    def test_bad_options_exit_2(self):
        f = path_of(IMPACT)
        bad = [
            (("impact", f), "--remove"),
            (("impact", f, "--remove", "infy", "--via", "partner_with"), "--via"),
            (("impact", f, "--remove", "infy", "--top", "-1"), "--top"),
            (("impact", f, "--remove", "infy", "-f", "xml"), "--format"),
            (("impact", f, "--remove", "infy", "--bogus"), "--bogus"),
            (("impact", "--remove", "infy"), "files"),
        ]
        for args, _ in bad:
            with self.subTest(command=" ".join(args)):
                r = run(list(args))
                self.assertStatus(r, 2)
                self.assertEqual(r.out, b"")
                self.assertTrue(r.stderr.strip(), "no message")
        r = run(["impact", f, "--remove", "infy", "--via", "partner_with"])
        self.assertIn("did you mean 'partners_with'", r.stderr)

    def test_unknown_type_names_its_option(self):
        # An unknown type is a usage error with a suggestion, and the message names the
        # option that was given (not "--types", which impact does not have).
        for option in ("--from-types", "--to-types"):
            with self.subTest(option=option):
                r = run(["impact", path_of(IMPACT), "--remove", "infy", option, "Custmer"])
                self.assertStatus(r, 2)
                self.assertIn("did you mean 'Customer'", r.stderr)
                self.assertIn(option + ":", r.stderr)

    def test_byte_identical_across_runs(self):
        for fmt in TABLE_FORMATS:
            for file, options in [(path_of(IMPACT), ["--remove", "infy"]),
                                  (BUNDLED, ["--remove", "alibaba-cloud"]),
                                  (BUNDLED, ["--remove", "infosys,india", "--via",
                                             "operates_in,partners_with,part_of"])]:
                args = ["impact", file] + options + ["-f", fmt]
                with self.subTest(command=" ".join(args)):
                    first = cached(*args)
                    self.assertStatus(first, 0)
                    second = run(args)
                    self.assertStatus(second, 0)
                    self.assertEqual(first.out, second.out, "two runs differ")


# --------------------------------------------------------------------------------------------
# 2. export views: which entities and relations a view keeps


class ViewTest(CliTestCase):
    def view(self, graph, *options):
        """The view's entities {id: attrs} and relations [(s, t, attrs)] from --plain."""
        file = BUNDLED if graph is BUNDLED_GRAPH else path_of(graph)
        r = cached("export", file, *options, "--plain")
        self.assertStatus(r, 0)
        return parse_data_dot(r.stdout)

    def relations_of(self, edges):
        return sorted((s, t, a.get("type")) for s, t, a in edges)

    def expected_focus(self, graph, centre, hops, via=None, types=None):
        keep = {v for v, t in graph.entities.items()
                if not types or t in types}
        sub = graph.subgraph(keep, via)
        reached = set(bfs(sub.undirected_adj(), centre, hops)) if centre in keep else set()
        return reached | {centre}

    def test_focus_hops(self):
        for graph, centre in [(VIEWS, "si1"), (VIEWS, "cust"), (VIEWS, "p"),
                              (BUNDLED_GRAPH, "infosys"), (BUNDLED_GRAPH, "india")]:
            for hops in (0, 1, 2):
                with self.subTest(graph=graph.name, focus=centre, hops=hops):
                    nodes, edges = self.view(graph, "--focus", centre, "--hops", hops)
                    keep = self.expected_focus(graph, centre, hops)
                    self.assertEqual(set(nodes), keep)
                    # every relation among the kept entities, and no other
                    self.assertEqual(self.relations_of(edges),
                                     sorted(graph.subgraph(keep).relations))
        # by hand: si1's neighbours either way; --hops defaults to 1
        nodes, _ = self.view(VIEWS, "--focus", "si1")
        self.assertEqual(set(nodes), {"si1", "isv1", "isv2", "cloud", "msp", "eu"})

    def test_view_reads_back(self):
        # the data DOT of a view is a valid graph: validate finds its entities and relations
        for options in (["--focus", "si1", "--hops", "2"], ["--types", "Company"],
                        ["--via", "partners_with", "--top", "4"]):
            with self.subTest(options=options):
                nodes, edges = self.view(VIEWS, *options)
                r = cached("export", path_of(VIEWS), *options, "--plain")
                file = os.path.join(TMP, "view-" + "-".join(options).replace(",", "_") + ".gv")
                with open(file, "wb") as f:
                    f.write(r.out)
                v = run(["validate", file, "-f", "json"])
                self.assertStatus(v, 0)
                j = self.json_of(v)
                self.assertEqual((j["entities"], j["relations"], j["errors"]),
                                 (len(nodes), len(edges), 0))

    def test_types_keep_subtypes(self):
        nodes, edges = self.view(VIEWS, "--types", "Company")
        companies = {v for v, t in VIEWS.entities.items() if t in COMPANY}
        self.assertEqual(set(nodes), companies)
        self.assertEqual(self.relations_of(edges),
                         sorted(VIEWS.subgraph(companies).relations))
        for v, attrs in nodes.items():
            self.assertEqual(attrs.get("type"), VIEWS.entities[v])
        nodes, _ = self.view(VIEWS, "--types", "ISV,Region")
        self.assertEqual(set(nodes), {"isv1", "isv2", "eu", "us", "world"})
        nodes, _ = self.view(BUNDLED_GRAPH, "--types", "Company")
        self.assertEqual({BUNDLED_GRAPH.entities[v] for v in nodes},
                         {t for t in BUNDLED_GRAPH.entities.values() if t in COMPANY})

    def test_via_drops_other_relations(self):
        nodes, edges = self.view(VIEWS, "--via", "partners_with")
        self.assertEqual(set(nodes), set(VIEWS.entities))  # every entity stays
        self.assertEqual(self.relations_of(edges),
                         sorted(r for r in VIEWS.relations if r[2] == "partners_with"))
        nodes, edges = self.view(VIEWS, "--via", "located_in,part_of")
        self.assertEqual({a["type"] for _, _, a in edges}, {"located_in", "part_of"})

    def test_composition_order(self):
        # --via first: focus walks partnerships only (eu is not reached through operates_in)
        nodes, _ = self.view(VIEWS, "--via", "partners_with", "--focus", "si1")
        self.assertEqual(set(nodes), {"si1", "isv1", "isv2", "cloud", "msp"})
        # --types before --focus: cust reaches only companies, and only through companies
        nodes, _ = self.view(VIEWS, "--types", "Company", "--focus", "cust", "--hops", "2")
        self.assertEqual(set(nodes), {"cust", "msp", "si1"})
        self.assertEqual(set(nodes), self.expected_focus(VIEWS, "cust", 2, types=COMPANY))
        nodes, _ = self.view(VIEWS, "--focus", "cust", "--hops", "2")
        self.assertEqual(set(nodes), {"cust", "msp", "eu", "si1", "us", "world"})
        # --focus before --top: the 2 highest by degree within cust's 2-hop neighbourhood
        nodes, _ = self.view(VIEWS, "--focus", "cust", "--hops", "2", "--top", "2")
        self.assertEqual(set(nodes), {"msp", "eu"})  # degree 3 and 3 in the view (si1: 2)
        # the order on the command line does not matter
        a = cached("export", path_of(VIEWS), "--top", "3", "--focus", "si1", "--via",
                   "partners_with,operates_in", "--types", "Company,Region")
        b = cached("export", path_of(VIEWS), "--types", "Company,Region", "--via",
                   "partners_with,operates_in", "--focus", "si1", "--top", "3")
        self.assertStatus(a, 0)
        self.assertStatus(b, 0)
        self.assertEqual(a.out, b.out)

    def test_focus_walks_only_kept_types(self):
        # --types applies before --focus: the ego network is walked through the entities and
        # relations --types leaves. dc is two relations from msp through the region us
        # (msp -located_in-> us <-located_in- dc), but us is not kept; through companies and
        # data centres dc is three away (msp - si1 - cloud - dc), so --hops 2 leaves it out.
        nodes, _ = self.view(VIEWS, "--types", "Company,DataCentre", "--focus", "msp",
                             "--hops", "2")
        self.assertEqual(set(nodes), {"msp", "si1", "cust", "isv1", "isv2", "cloud"})
        self.assertEqual(set(nodes), self.expected_focus(
            VIEWS, "msp", 2, types=COMPANY | {"DataCentre"}))
        nodes, _ = self.view(VIEWS, "--types", "Company,DataCentre", "--focus", "msp",
                             "--hops", "3")
        self.assertIn("dc", nodes)

    def test_top(self):
        deg = VIEWS.degree()
        for n in (1, 3, 5, 12, 100):
            with self.subTest(top=n):
                nodes, edges = self.view(VIEWS, "--top", n)
                best = sorted(VIEWS.entities, key=lambda v: (-deg[v], v))[:n]
                self.assertEqual(set(nodes), set(best))
                self.assertEqual(self.relations_of(edges),
                                 sorted(VIEWS.subgraph(set(best)).relations))
        self.assertEqual(set(self.view(VIEWS, "--top", 1)[0]), {"si1"})  # degree 5
        # --top 0 keeps everything
        self.assertEqual(set(self.view(VIEWS, "--top", 0)[0]), set(VIEWS.entities))
        # z collects every partnership: the highest PageRank; h brokers the star
        self.assertEqual(set(self.view(SINK, "--top", 1, "--top-by", "pagerank")[0]), {"z"})
        self.assertEqual(set(self.view(STAR, "--top", 1, "--top-by", "betweenness")[0]),
                         {"h"})
        for by in ("degree", "pagerank", "betweenness"):
            with self.subTest(top_by=by):
                nodes, _ = self.view(BUNDLED_GRAPH, "--top", 7, "--top-by", by)
                self.assertEqual(len(nodes), 7)

    def collapse_oracle(self, graph, key):
        if key == "type":
            group = {v: t or "(none)" for v, t in graph.entities.items()}
        else:
            group = {}
            for v, t in graph.entities.items():
                if t == "Region":
                    group[v] = v
                    continue
                located = sorted(b for a, b, r in graph.relations
                                 if a == v and r == "located_in"
                                 and graph.entities[b] == "Region")
                other = sorted(b for a, b, r in graph.relations
                               if a == v and r in ("operates_in", "serves")
                               and graph.entities[b] == "Region")
                group[v] = (located or other or ["(none)"])[0]
        sizes = {}
        for g in group.values():
            sizes[g] = sizes.get(g, 0) + 1
        merged = {}
        for s, t, r in graph.relations:
            if group[s] != group[t]:
                merged[(group[s], group[t], r)] = merged.get((group[s], group[t], r), 0) + 1
        return sizes, merged

    def check_collapse(self, graph, key):
        nodes, edges = self.view(graph, "--collapse", key)
        sizes, merged = self.collapse_oracle(graph, key)
        self.assertEqual({v: int(a["count"]) for v, a in nodes.items()}, sizes)
        for v, a in nodes.items():
            self.assertTrue(a["label"].endswith(f" ({sizes[v]})"), a)
        self.assertEqual({(s, t, a["type"]): int(a["count"]) for s, t, a in edges}, merged)
        self.assertEqual(len(edges), len(merged))  # one relation per (group, group, type)
        # the styled DOT labels merged relations with their count
        styled = cached("export", BUNDLED if graph is BUNDLED_GRAPH else path_of(graph),
                        "--collapse", key)
        self.assertStatus(styled, 0)
        _, styled_edges = parse_styled_dot(styled.stdout)
        labels = sorted(re.search(r'label="([^"]*)"', a).group(1) for _, _, a in styled_edges)
        self.assertEqual(labels, sorted(f"{r} ({c})" for (_, _, r), c in merged.items()))

    def test_collapse_type(self):
        self.check_collapse(VIEWS, "type")
        nodes, edges = self.view(VIEWS, "--collapse", "type")
        # by hand: two ISVs partner with the SI; the three regions hold their part_of
        self.assertEqual(nodes["ISV"]["label"], "ISV (2)")
        self.assertEqual(nodes["ISV"]["type"], "ISV")  # keeps its type (shape, colour)
        self.assertEqual(nodes["Region"]["count"], "3")
        self.assertIn(("ISV", "SI", {"type": "partners_with", "count": "2"}), edges)
        self.assertNotIn("part_of", {a["type"] for _, _, a in edges})
        self.check_collapse(BUNDLED_GRAPH, "type")

    def test_collapse_region(self):
        self.check_collapse(VIEWS, "region")
        nodes, _ = self.view(VIEWS, "--collapse", "region")
        # eu: itself, cust (located), si1 (operates in); us: itself, msp, dc; (none): the rest
        self.assertEqual({v: a["count"] for v, a in nodes.items()},
                         {"eu": "3", "us": "3", "world": "1", "(none)": "5"})
        self.assertEqual(nodes["eu"]["label"], "EU (3)")  # the region's name
        self.check_collapse(BUNDLED_GRAPH, "region")

    def test_collapse_after_filters(self):
        nodes, edges = self.view(VIEWS, "--types", "Company", "--via", "partners_with",
                                 "--collapse", "type")
        self.assertEqual(set(nodes), {"ISV", "SI", "MSP", "Customer", "CloudProvider",
                                      "Distributor"})
        self.assertEqual(sum(int(a["count"]) for a in nodes.values()),
                         sum(1 for t in VIEWS.entities.values() if t in COMPANY))
        self.assertEqual({a["type"] for _, _, a in edges}, {"partners_with"})

    def test_errors(self):
        f = path_of(VIEWS)
        r = run(["export", f, "--focus", "si2"])
        self.assertStatus(r, 1)
        self.assertIn("did you mean 'si1'", r.stderr)
        self.assertEqual(r.out, b"")
        for args, hint in [(["--types", "Compny"], "did you mean 'Company'"),
                           (["--via", "partner_with"], "did you mean 'partners_with'"),
                           (["--top-by", "closeness", "--top", "2"], ""),
                           (["--collapse", "country"], ""), (["--hops", "-1"], ""),
                           (["--top", "many"], ""), (["--size-by", "age"], ""),
                           (["--highlight-path", "isv1"], ""),
                           (["--cluster-by", "region", "--layout", "fdp"], "at random"),
                           (["--cluster-by", "type", "--layout", "neato", "-f", "svg"],
                            "--cluster-by needs --layout dot")]:
            with self.subTest(args=args):
                r = run(["export", f] + args)
                self.assertStatus(r, 2)
                self.assertEqual(r.out, b"")
                self.assertIn(hint, r.stderr)


# --------------------------------------------------------------------------------------------
# 3. How a view is drawn: --highlight-path, --size-by, the legend


class StyleTest(CliTestCase):
    def styled(self, graph, *options):
        file = BUNDLED if graph is BUNDLED_GRAPH else path_of(graph)
        r = cached("export", file, *options)
        self.assertStatus(r, 0)
        return r.stdout

    def highlighted(self, text):
        nodes, edges = parse_styled_dot(text)
        return ({v for v, a in nodes.items() if "penwidth=3" in a},
                {(s, t) for s, t, a in edges if "penwidth=3" in a})

    def test_highlight_path(self):
        # p -works_for-> cloud -operates-> dc: the only shortest route, in either direction
        for a, b in (("p", "dc"), ("dc", "p")):
            with self.subTest(a=a, b=b):
                ents, arcs = self.highlighted(self.styled(VIEWS, "--highlight-path", a, b))
                self.assertEqual(ents, {"p", "cloud", "dc"})
                self.assertEqual(arcs, {("p", "cloud"), ("cloud", "dc")})
        # without the option nothing is bold
        self.assertEqual(self.highlighted(self.styled(VIEWS)), (set(), set()))
        # a path on the bundled graph: consecutive entities joined by the bold relations
        ents, arcs = self.highlighted(self.styled(
            BUNDLED_GRAPH, "--highlight-path", "alex-li", "alibaba-cloud-india-dc-1"))
        self.assertEqual(ents, {"alex-li", "alibaba-cloud", "alibaba-cloud-india-dc-1"})
        self.assertEqual(arcs, {("alex-li", "alibaba-cloud"),
                                ("alibaba-cloud", "alibaba-cloud-india-dc-1")})
        # in a view: the route must stay inside it
        ents, _ = self.highlighted(self.styled(VIEWS, "--via", "partners_with",
                                               "--highlight-path", "isv1", "cust"))
        self.assertEqual(ents, {"isv1", "si1", "msp", "cust"})
        r = run(["export", path_of(VIEWS), "--via", "located_in", "--highlight-path", "p",
                 "dc"])
        self.assertStatus(r, 1)
        self.assertIn("no route", r.stderr)
        r = run(["export", path_of(VIEWS), "--focus", "p", "--highlight-path", "p", "dc"])
        self.assertStatus(r, 1)  # dc is not in the view
        self.assertIn("'dc'", r.stderr)

    def fontsizes(self, text):
        nodes, _ = parse_styled_dot(text)
        out = {}
        for v, a in nodes.items():
            m = re.search(r"fontsize=([0-9.]+)", a)
            out[v] = float(m.group(1)) if m else None
        return out

    def test_size_by(self):
        self.assertEqual(set(self.fontsizes(self.styled(VIEWS)).values()), {None})
        deg = VIEWS.degree()
        fs = self.fontsizes(self.styled(VIEWS, "--size-by", "degree"))
        self.assertEqual(set(fs), set(VIEWS.entities))
        self.assertEqual(fs["si1"], 26.0)  # the highest degree
        for a in VIEWS.entities:
            for b in VIEWS.entities:
                if deg[a] > deg[b]:
                    self.assertGreater(fs[a], fs[b], (a, b))
                elif deg[a] == deg[b]:
                    self.assertEqual(fs[a], fs[b], (a, b))
        for v, f in fs.items():
            self.assertGreaterEqual(f, 10.0)
            self.assertLessEqual(f, 26.0)
        # sizes are measured in the view: in cloud's 1-hop view cloud (degree 3) is the
        # largest, and p and dc (degree 1 there) are equal
        fs = self.fontsizes(self.styled(VIEWS, "--focus", "cloud", "--size-by", "degree"))
        self.assertEqual(set(fs), {"cloud", "p", "dc", "si1"})
        self.assertEqual(fs["cloud"], 26.0)
        self.assertEqual(fs["p"], fs["dc"])
        self.assertLess(fs["p"], 26.0)
        fs = self.fontsizes(self.styled(STAR, "--size-by", "betweenness"))
        self.assertEqual(fs["h"], 26.0)
        self.assertEqual(fs["x3"], 10.0)  # a leaf brokers nothing
        fs = self.fontsizes(self.styled(SINK, "--size-by", "pagerank"))
        self.assertEqual(max(fs, key=fs.get), "z")

    def test_legend_follows_view(self):
        cases = [
            ((), set(VIEWS.entities.values()), {r for _, _, r in VIEWS.relations}),
            (("--types", "Company"), {t for t in VIEWS.entities.values() if t in COMPANY},
             {"partners_with", "resells"}),
            (("--via", "partners_with"), set(VIEWS.entities.values()), {"partners_with"}),
            (("--focus", "dc"), {"DataCentre", "CloudProvider", "Region"},
             {"operates", "located_in"}),
            (("--types", "Company", "--via", "partners_with", "--collapse", "type"),
             {"ISV", "SI", "MSP", "Customer", "CloudProvider", "Distributor"},
             {"partners_with"}),
        ]
        for options, entity_types, relation_types in cases:
            with self.subTest(options=options):
                self.assertEqual(legend_of(self.styled(VIEWS, *options)),
                                 (entity_types, relation_types))
        # a view of the bundled graph: no type from outside the view
        text = self.styled(BUNDLED_GRAPH, "--focus", "infosys", "--via",
                           "partners_with,operates_in")
        self.assertEqual(legend_of(text), ({"CloudProvider", "Region", "SI"},
                                           {"operates_in", "partners_with"}))
        self.assertIsNone(legend_of(self.styled(VIEWS, "--no-legend")))


# --------------------------------------------------------------------------------------------
# 4. A generated graph over the size limit


class LargeGraphTest(CliTestCase):
    VIEWS = [
        ("--focus", "c12", "--hops", "1", "--via", "partners_with"),
        ("--types", "Company", "--via", "partners_with", "--collapse", "type"),
        ("--via", "partners_with", "--top", "40"),
    ]

    def test_full_graph_refused_with_a_hint(self):
        for layout in ("dot", "neato"):
            with self.subTest(layout=layout):
                r = run(["export", LARGE, "-f", "svg", "--layout", layout])
                self.assertStatus(r, 2)
                self.assertEqual(r.out, b"")
                self.assertIn("2100 entities is too many", r.stderr)
                for hint in ("--focus", "--top", "--collapse", "--layout sfdp"):
                    self.assertIn(hint, r.stderr)
        r = run(["export", LARGE, "-f", "png", "-o", os.path.join(TMP, "large.png")])
        self.assertStatus(r, 2)
        self.assertFalse(os.path.exists(os.path.join(TMP, "large.png")))
        # styled DOT is never refused
        r = cached("export", LARGE)
        self.assertStatus(r, 0)
        self.assertEqual(len(parse_styled_dot(r.stdout)[0]), 2100)

    def test_views_render(self):
        for options in self.VIEWS:
            with self.subTest(options=options):
                r = cached("export", LARGE, *options, "-f", "svg")
                self.assertStatus(r, 0)
                root = ET.fromstring(r.out)
                self.assertTrue(root.tag.endswith("svg"))
                self.assertIn(b"Legend", r.out)

    def test_byte_identical_across_runs(self):
        for options in self.VIEWS:
            for fmt in ("dot", "svg"):
                args = ["export", LARGE] + list(options) + ["-f", fmt]
                with self.subTest(command=" ".join(args)):
                    first = cached(*args)
                    self.assertStatus(first, 0)
                    second = run(args)
                    self.assertStatus(second, 0)
                    self.assertEqual(first.out, second.out, "two runs differ")
        for options in (("--highlight-path", "p", "dc", "--size-by", "pagerank"),
                        ("--collapse", "region", "--layout", "neato")):
            for fmt in ("dot", "svg"):
                args = ["export", path_of(VIEWS)] + list(options) + ["-f", fmt]
                with self.subTest(command=" ".join(args)):
                    first = cached(*args)
                    self.assertStatus(first, 0)
                    self.assertEqual(first.out, run(args).out, "two runs differ")


if __name__ == "__main__":
    unittest.main()
