#!/usr/bin/python3
"""Reference centrality values for ecograph's tests, computed with NetworkX and igraph.

Run with Debian's python (it has networkx, igraph and pygraphviz):

    /usr/bin/python3 tools/gen_fixtures.py

No arguments. Writes, relative to the repository root (the parent of this file's folder):

    tests/fixtures/graphs/NAME.gv         the test graphs, as DOT files ecograph reads
    tests/fixtures/centrality/NAME.json   expected values, one file per graph
    tests/fixtures/README.md              conventions, library versions, disagreements

The output is deterministic: fixed seeds, sorted JSON keys, floats written as Python's repr
(values from iterative solvers, i.e. pagerank, eigenvector and katz, are first rounded to 12
decimals so that last-bit noise does not churn the files; their tolerance is 1e-6).

Every case is computed independently by both libraries where both have the measure, from the
same multigraph: NetworkX objects are built with NetworkX, igraph objects with igraph (its own
simplify / as_undirected), so an agreement is a real cross-check. If they agree within the
case's tolerance one case with reference "networkx+igraph" is stored; otherwise two, one per
reference, with "ecograph_follows" true on the one that matches ecograph's conventions.
"""

import json
import math
import random
import sys
import warnings
from collections import Counter
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
GRAPH_DIR = ROOT / "tests" / "fixtures" / "graphs"
CENTRALITY_DIR = ROOT / "tests" / "fixtures" / "centrality"
BROKERAGE_DIR = ROOT / "tests" / "fixtures" / "brokerage"
README = ROOT / "tests" / "fixtures" / "README.md"
BUNDLED = "graphs/alibaba-cloud.gv"

# NetworkX 2.8 warns about its own katz_centrality_numpy internals (adjacency_matrix type).
warnings.filterwarnings("ignore", category=FutureWarning, module="networkx")

TOL_EXACT = 1e-9      # combinatorial measures (degree, betweenness, closeness, harmonic, kcore)
TOL_ITERATIVE = 1e-6  # pagerank, eigenvector, katz
DAMPING = 0.85
KATZ_ALPHAS = (0.1, 0.05)
W = "weight"


# ============================================================================ graphs
# Each loader returns an nx.MultiGraph / nx.MultiDiGraph with string node ids and, for
# weighted graphs, a numeric "weight" on every edge (and no other edge attribute except the
# bundled graph's "type").

def _relabel_str(G):
    M = nx.MultiGraph() if not G.is_directed() else nx.MultiDiGraph()
    M.add_nodes_from(str(n) for n in G.nodes)
    for u, v, d in G.edges(data=True):
        M.add_edge(str(u), str(v), **d)
    return M


def load_karate():
    G = _relabel_str(nx.karate_club_graph())
    for _, _, d in G.edges(data=True):
        d.pop(W, None)  # NetworkX >= 2.6 attaches interaction counts: this fixture is unweighted
    return G


def load_florentine():
    return _relabel_str(nx.florentine_families_graph())


def load_lesmis():
    return _relabel_str(nx.les_miserables_graph())


def load_davis():
    G = _relabel_str(nx.davis_southern_women_graph())
    return G


def load_bundled():
    """ecograph's own example graph, read with pygraphviz (keeps parallel relations)."""
    D = nx.nx_agraph.read_dot(str(ROOT / BUNDLED))
    G = nx.MultiDiGraph()
    G.add_nodes_from(D.nodes)
    for u, v, d in D.edges(data=True):
        G.add_edge(u, v, type=d["type"])
    return G


def load_random_directed():
    """gnm(30, 90, seed=7) + 10 parallel arcs + 4 self-loops, integer weights 1..5."""
    rng = random.Random(7)
    base = nx.gnm_random_graph(30, 90, seed=7, directed=True)
    arcs = [(str(u), str(v)) for u, v in base.edges]
    nodes = [str(n) for n in base.nodes]
    parallel = [rng.choice(arcs) for _ in range(10)]
    loops = [(n, n) for n in rng.sample(nodes, 4)]
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes)
    for u, v in arcs + parallel + loops:
        G.add_edge(u, v, weight=rng.randint(1, 5))
    return G


def load_random_disconnected():
    """Directed; weakly connected components of 12, 8 and 5 entities, 2 isolated ones."""
    rng = random.Random(11)
    G = nx.MultiDiGraph()
    G.add_nodes_from(str(i) for i in range(27))
    start = 0
    arcs = []
    for size, extra in ((12, 10), (8, 6), (5, 3)):
        members = [str(i) for i in range(start, start + size)]
        start += size
        # a random spanning tree, each tree edge oriented at random, then extra arcs
        for i in range(1, size):
            u, v = members[i], rng.choice(members[:i])
            arcs.append((u, v) if rng.random() < 0.5 else (v, u))
        while extra:
            u, v = rng.sample(members, 2)
            if (u, v) not in arcs:
                arcs.append((u, v))
                extra -= 1
    arcs += [rng.choice(arcs) for _ in range(5)]  # parallel arcs
    for u, v in arcs:
        G.add_edge(u, v, weight=rng.randint(1, 3))
    return G  # "25" and "26" stay isolated


def load_random_undirected_multi():
    """Undirected, connected, 25 entities, 60 edges: 52 distinct pairs + 6 parallel + 2 loops."""
    rng = random.Random(13)
    nodes = [str(i) for i in range(25)]
    pairs = []
    for i in range(1, 25):  # random spanning tree
        pairs.append((rng.choice(nodes[:i]), nodes[i]))
    seen = {frozenset(p) for p in pairs}
    while len(pairs) < 52:
        u, v = rng.sample(nodes, 2)
        if frozenset((u, v)) not in seen:
            seen.add(frozenset((u, v)))
            pairs.append((u, v))
    edges = pairs + [rng.choice(pairs) for _ in range(6)] + [(n, n) for n in rng.sample(nodes, 2)]
    G = nx.MultiGraph()
    G.add_nodes_from(nodes)
    for u, v in edges:
        G.add_edge(u, v, weight=rng.randint(1, 4))
    return G


# name, loader, weighted, personalised-pagerank teleport set, relation-type filters, origin
GRAPHS = [
    ("karate", load_karate, False, ["0", "33"], None,
     "nx.karate_club_graph(), 'weight' attribute dropped"),
    ("florentine", load_florentine, False, ["Medici"], None,
     "nx.florentine_families_graph()"),
    ("lesmis", load_lesmis, True, ["Valjean"], None,
     "nx.les_miserables_graph() with its 'weight' attribute"),
    ("davis", load_davis, False, ["E1", "Evelyn Jefferson"], None,
     "nx.davis_southern_women_graph() (bipartite)"),
    ("bundled", load_bundled, False, ["alibaba-cloud"], ["operates_in", "located_in", "part_of"],
     BUNDLED + " read with nx.nx_agraph.read_dot"),
    ("random_directed", load_random_directed, True, ["0", "23"], None,
     "nx.gnm_random_graph(30, 90, seed=7, directed=True) + 10 parallel arcs + 4 self-loops, "
     "weights 1..5, random.Random(7)"),
    ("random_disconnected", load_random_disconnected, True, ["0", "12"], None,
     "directed, components of 12, 8, 5 entities + 2 isolated, 5 parallel arcs, weights 1..3, "
     "random.Random(11)"),
    ("random_undirected_multi", load_random_undirected_multi, True, ["0", "7"], None,
     "undirected, 25 entities, 60 edges (6 parallel, 2 self-loops), weights 1..4, "
     "random.Random(13)"),
]


# ============================================================================ DOT output

def dot_id(s):
    if "\\" in s or "\n" in s:
        raise ValueError(f"id {s!r}: backslash/newline not supported by this writer")
    return '"' + s.replace('"', '\\"') + '"'


def fmt_weight(w):
    if isinstance(w, float) and not w.is_integer():
        return repr(w)
    return str(int(w))


def write_dot(name, G, origin):
    directed = G.is_directed()
    arrow = "->" if directed else "--"
    lines = [f"// Generated by tools/gen_fixtures.py: {origin}. Do not edit.",
             f"{'digraph' if directed else 'graph'} {name} {{"]
    lines += [f"  {dot_id(n)};" for n in G.nodes]
    for u, v, d in G.edges(data=True):
        attr = f' [weight="{fmt_weight(d[W])}"]' if W in d else ""
        lines.append(f"  {dot_id(u)} {arrow} {dot_id(v)}{attr};")
    lines.append("}")
    path = GRAPH_DIR / f"{name}.gv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def edge_multiset(G):
    def key(u, v):
        return (u, v) if G.is_directed() else tuple(sorted((u, v)))
    return Counter((*key(u, v), float(d[W]) if W in d else None) for u, v, d in G.edges(data=True))


def check_roundtrip(path, G):
    """Read the written file back (pygraphviz) and require the same entities and relations."""
    R = nx.nx_agraph.read_dot(str(path))
    assert R.is_directed() == G.is_directed() and R.is_multigraph(), path
    assert set(R.nodes) == set(G.nodes), path
    assert edge_multiset(R) == edge_multiset(G), path


# ============================================================================ graph views

def nx_simple(G, undirected=False):
    """Parallel relations collapsed (weight = min), self-loops dropped."""
    H = nx.Graph() if (undirected or not G.is_directed()) else nx.DiGraph()
    H.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = d.get(W, 1)
        if H.has_edge(u, v):
            H[u][v][W] = min(H[u][v][W], w)
        else:
            H.add_edge(u, v, **{W: w})
    return H


def to_igraph(G):
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    g = ig.Graph(directed=G.is_directed())
    g.add_vertices(nodes)
    edges = list(G.edges(data=True))
    g.add_edges([(index[u], index[v]) for u, v, _ in edges])
    if edges and all(W in d for _, _, d in edges):
        g.es[W] = [d[W] for _, _, d in edges]
    return g


def ig_simple(g, undirected=False):
    combine = {W: "min"} if W in g.es.attributes() else None
    h = g.copy()
    if undirected and h.is_directed():
        h = h.as_undirected(mode="collapse", combine_edges=combine)
    h.simplify(multiple=True, loops=True, combine_edges=combine)
    return h


def ig_values(g, values):
    return {name: values[i] for i, name in enumerate(g.vs["name"])}


def has_self_loops(G):
    return nx.number_of_selfloops(G) > 0


def has_parallel(G):
    return len({(u, v) if G.is_directed() else frozenset((u, v)) for u, v in G.edges()}) \
        != G.number_of_edges()


# ============================================================================ cases

def clean(values, digits=None, nan_to_zero=False):
    out = {}
    for k, v in values.items():
        if isinstance(v, (np.integer,)):
            v = int(v)
        elif isinstance(v, (float, np.floating)):
            v = float(v)
            if math.isnan(v):
                if not nan_to_zero:
                    raise ValueError(f"NaN for {k}")
                v = 0.0
            if digits is not None:
                v = round(v, digits) + 0.0  # + 0.0: no "-0.0"
        out[str(k)] = v
    return out


def max_diff(a, b):
    if set(a) != set(b):
        return math.inf
    return max((abs(a[k] - b[k]) for k in a), default=0.0)


class Recorder:
    """Collects the cases of one graph and the disagreements/skips of all graphs."""

    disagreements = []  # (graph, measure, options, max diff, why)
    skipped = []        # (graph, what, why)

    def __init__(self, graph):
        self.graph = graph
        self.cases = []

    def add(self, measure, options, tol, nx_vals, ig_vals, nx_note, ig_note,
            why=None, follows="networkx"):
        opts = {"normalized": False, "undirected": False, "weight": None, "via": None}
        opts.update(options)
        if ig_vals is None:
            self.cases.append(dict(measure=measure, options=opts, reference="networkx",
                                   tolerance=tol, values=nx_vals, note=nx_note))
            return None
        diff = max_diff(nx_vals, ig_vals)
        if diff <= tol:
            self.cases.append(dict(measure=measure, options=opts, reference="networkx+igraph",
                                   tolerance=tol, values=nx_vals,
                                   note=f"{nx_note} | {ig_note} | max |networkx - igraph| = "
                                        f"{diff:.3g}"))
            return None
        why = why or "unexplained"
        for ref, vals, note in (("networkx", nx_vals, nx_note), ("igraph", ig_vals, ig_note)):
            self.cases.append(dict(measure=measure, options=opts, reference=ref, tolerance=tol,
                                   values=vals, ecograph_follows=(ref == follows),
                                   note=f"{note} | DISAGREE (max diff {diff:.3g}): {why}"))
        Recorder.disagreements.append((self.graph, measure, opts, diff, why, follows))
        return diff


def weights_for(weighted):
    return [None, W] if weighted else [None]


def via_subgraph(G, via):
    if via is None:
        return G
    H = G.__class__()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if d.get("type") in via)
    return H


# ---------------------------------------------------------------------------- 1. degree

def degree_cases(rec, G, weighted):
    g = to_igraph(G)
    modes = ["in", "out", "total"] if G.is_directed() else ["total"]
    nx_fn = {"in": getattr(G, "in_degree", None), "out": getattr(G, "out_degree", None),
             "total": G.degree}
    ig_mode = {"in": "in", "out": "out", "total": "all"}
    for w in weights_for(weighted):
        for mode in modes:
            nxv = clean(dict(nx_fn[mode](weight=w)))
            if w is None:
                igv = clean(ig_values(g, g.degree(mode=ig_mode[mode], loops=True)))
                ig_call = f"g.degree(mode='{ig_mode[mode]}', loops=True)"
            else:
                igv = clean(ig_values(g, g.strength(mode=ig_mode[mode], loops=True, weights=W)))
                ig_call = f"g.strength(mode='{ig_mode[mode]}', loops=True, weights='weight')"
            nx_call = {"in": "in_degree", "out": "out_degree", "total": "degree"}[mode]
            rec.add("degree", {"mode": mode, "weight": w}, TOL_EXACT, nxv, igv,
                    f"networkx: {type(G).__name__}.{nx_call}(weight={w!r}) on the multigraph "
                    f"as loaded (self-loop counts 2 in total)",
                    f"igraph: {ig_call} on the multigraph")


# ---------------------------------------------------------------------------- 2/3. betweenness

def _bt_scale(n, directed_view):
    if n <= 2:
        return 0.0
    return (1.0 if directed_view else 2.0) / ((n - 1) * (n - 2))


def _eb_scale(n, directed_view):
    if n <= 1:
        return 1.0
    return (1.0 if directed_view else 2.0) / (n * (n - 1))


def edge_key(u, v, directed_view):
    if directed_view:
        return f"{u}->{v}"
    a, b = sorted((u, v))
    return f"{a}--{b}"


def betweenness_cases(rec, G, weighted, via=None, only_undirected=False, edges=True):
    Gv = via_subgraph(G, via)
    g = to_igraph(Gv)
    views = [False, True] if G.is_directed() else [False]
    if only_undirected:
        views = [True]
    for undirected in views:
        H = nx_simple(Gv, undirected)
        h = ig_simple(g, undirected)
        n = H.number_of_nodes()
        directed_view = H.is_directed()
        build_nx = (f"nx.{type(H).__name__} built from the multigraph"
                    f"{' (both directions merged)' if undirected and G.is_directed() else ''}"
                    f", parallel relations collapsed to the minimum weight, self-loops dropped")
        build_ig = ("g" + (".as_undirected(mode='collapse', combine_edges={'weight':'min'})"
                           if undirected and G.is_directed() else "")
                    + ".simplify(multiple=True, loops=True, combine_edges={'weight':'min'})")
        for w in weights_for(weighted):
            ig_raw = h.betweenness(directed=directed_view, weights=w)
            ig_eraw = h.edge_betweenness(directed=directed_view, weights=w) if edges else None
            for normalized in (False, True):
                opts = {"normalized": normalized, "undirected": undirected, "weight": w,
                        "via": via, "edges": False}
                nxv = clean(nx.betweenness_centrality(H, normalized=normalized, weight=w))
                scale = _bt_scale(n, directed_view) if normalized else 1.0
                igv = clean(ig_values(h, [x * scale for x in ig_raw]))
                norm_txt = (f", normalised by hand x {'1' if directed_view else '2'}"
                            f"/((n-1)(n-2))" if normalized else " (raw)")
                rec.add("betweenness", opts, TOL_EXACT, nxv, igv,
                        f"networkx: nx.betweenness_centrality(H, normalized={normalized}, "
                        f"weight={w!r}), H = {build_nx}",
                        f"igraph: {build_ig}.betweenness(directed={directed_view}, "
                        f"weights={w!r}){norm_txt}")
                if not edges:
                    continue
                opts = dict(opts, edges=True)
                nxe = {edge_key(u, v, directed_view): x for (u, v), x in
                       nx.edge_betweenness_centrality(H, normalized=normalized, weight=w).items()}
                escale = _eb_scale(n, directed_view) if normalized else 1.0
                ige = {edge_key(h.vs[e.source]["name"], h.vs[e.target]["name"], directed_view):
                       ig_eraw[e.index] * escale for e in h.es}
                norm_txt = (f", normalised by hand x {'1' if directed_view else '2'}/(n(n-1))"
                            f" (NetworkX's edge normalisation)" if normalized else " (raw)")
                rec.add("betweenness", opts, TOL_EXACT, clean(nxe), clean(ige),
                        f"networkx: nx.edge_betweenness_centrality(H, normalized={normalized}, "
                        f"weight={w!r}), H as for vertex betweenness; keys "
                        f"{'u->v' if directed_view else 'u--v with u < v (string order)'}",
                        f"igraph: {build_ig}.edge_betweenness(directed={directed_view}, "
                        f"weights={w!r}){norm_txt}")


# ---------------------------------------------------------------------------- 4/5. closeness, harmonic

def _reach_counts(h):
    n = h.vcount()
    return [len(h.neighborhood(v, order=n, mode="out")) - 1 for v in range(n)]


def closeness_cases(rec, G, weighted, via=None):
    Gv = via_subgraph(G, via)
    H = nx_simple(Gv)
    R = H.reverse() if H.is_directed() else H
    h = ig_simple(to_igraph(Gv))
    n = H.number_of_nodes()
    reach = _reach_counts(h)
    rev = "H.reverse()" if H.is_directed() else "H"
    for w in weights_for(weighted):
        base = h.closeness(mode="out", weights=w, normalized=True)
        for wf in (True, False):
            nxv = clean(nx.closeness_centrality(R, distance=w, wf_improved=wf))
            vals = [(0.0 if math.isnan(x) else x) * ((r / (n - 1)) if wf and n > 1 else 1.0)
                    for x, r in zip(base, reach)]
            igv = clean(ig_values(h, vals), nan_to_zero=True)
            rec.add("closeness", {"normalized": True, "weight": w, "via": via, "wf_improved": wf},
                    TOL_EXACT, nxv, igv,
                    f"networkx: nx.closeness_centrality({rev}, distance={w!r}, wf_improved={wf}) "
                    f"on the simple graph (min weights): outgoing distances",
                    f"igraph: simplified g.closeness(mode='out', weights={w!r}, normalized=True)"
                    f" = r/sum(d), NaN (reaches nobody) -> 0"
                    + (", times r/(n-1) by hand (r = entities reached)" if wf else ""))


def harmonic_cases(rec, G, weighted):
    H = nx_simple(G)
    R = H.reverse() if H.is_directed() else H
    h = ig_simple(to_igraph(G))
    n = H.number_of_nodes()
    rev = "H.reverse()" if H.is_directed() else "H"
    for w in weights_for(weighted):
        raw = nx.harmonic_centrality(R, distance=w)
        for normalized in (False, True):
            nxv = clean({k: (v / (n - 1) if normalized else v) for k, v in raw.items()})
            igv = clean(ig_values(h, h.harmonic_centrality(mode="out", weights=w,
                                                           normalized=normalized)))
            rec.add("harmonic", {"normalized": normalized, "weight": w}, TOL_EXACT, nxv, igv,
                    f"networkx: nx.harmonic_centrality({rev}, distance={w!r}) on the simple graph"
                    + (", divided by n-1" if normalized else ""),
                    f"igraph: simplified g.harmonic_centrality(mode='out', weights={w!r}, "
                    f"normalized={normalized})")


# ---------------------------------------------------------------------------- 6. pagerank

def pagerank_cases(rec, G, weighted, personalize):
    g = to_igraph(G)
    index = {name: i for i, name in enumerate(g.vs["name"])}
    recorded = Recorder(rec.graph)
    dropped = None
    for w in weights_for(weighted):
        for pers in (None, sorted(personalize)):
            kw = dict(alpha=DAMPING, weight=w, tol=1e-12, max_iter=10000)
            if pers is None:
                nxv = nx.pagerank(G, **kw)
                igv = g.pagerank(damping=DAMPING, weights=w, directed=True)
                nx_call = f"nx.pagerank(G, alpha=0.85, weight={w!r}, tol=1e-12, max_iter=10000)"
                ig_call = f"g.pagerank(damping=0.85, weights={w!r})"
                why = None
            else:
                p = {n: (1 if n in pers else 0) for n in G.nodes}
                # NetworkX's default: dangling entities hand their rank to the personalisation
                # set, as igraph does; ecograph follows both.
                nxv = nx.pagerank(G, personalization=p, **kw)
                igv = g.personalized_pagerank(damping=DAMPING, weights=w, directed=True,
                                              reset_vertices=[index[x] for x in pers])
                nx_call = (f"nx.pagerank(G, alpha=0.85, personalization={{{', '.join(pers)}: 1, "
                           f"others 0}}, weight={w!r}, tol=1e-12, max_iter=10000)")
                ig_call = (f"g.personalized_pagerank(damping=0.85, reset_vertices={pers}, "
                           f"weights={w!r})")
                why = None
            nxv = clean(nxv, 12)
            igv = clean(ig_values(g, igv), 12)
            diff = recorded.add("pagerank", {"damping": DAMPING, "weight": w,
                                             "personalize": pers},
                                TOL_ITERATIVE, nxv, igv,
                                f"networkx: {nx_call} on the multigraph "
                                f"({type(G).__name__}: parallel relations add up)",
                                f"igraph: {ig_call} on the multigraph", why=why)
            if diff is not None and pers is None and has_self_loops(G):
                dropped = diff
    if dropped is not None:
        # The libraries treat self-loops differently here: drop this graph's pagerank cases.
        Recorder.disagreements[:] = [d for d in Recorder.disagreements
                                     if not (d[0] == rec.graph and d[1] == "pagerank")]
        Recorder.skipped.append((rec.graph, "pagerank (all variants)",
                                 f"NetworkX and igraph disagree (max diff {dropped:.3g}) on "
                                 f"this graph with self-loops: in an undirected graph NetworkX "
                                 f"counts a self-loop once in the adjacency matrix, igraph "
                                 f"twice (as in the degree)"))
        return
    rec.cases += recorded.cases


# ---------------------------------------------------------------------------- 7. eigenvector

def eigenvector_cases(rec, G, weighted):
    H = nx_simple(G)
    connected = nx.is_strongly_connected(H) if H.is_directed() else nx.is_connected(H)
    if not connected:
        Recorder.skipped.append((rec.graph, "eigenvector",
                                 "not strongly connected" if H.is_directed()
                                 else "not connected"))
        return
    h = ig_simple(to_igraph(G))
    ws = [None]
    if weighted and not has_parallel(G):
        ws.append(W)  # with parallel relations the weight of a collapsed arc is ill-defined
    elif weighted:
        Recorder.skipped.append((rec.graph, "eigenvector weighted",
                                 "parallel relations: no convention for the weight of the "
                                 "collapsed arc (min is for lengths)"))
    for w in ws:
        x = nx.eigenvector_centrality_numpy(H, weight=w)
        m = max(x.values())
        nxv = clean({k: v / m for k, v in x.items()}, 12)
        igv = clean(ig_values(h, h.eigenvector_centrality(directed=True, scale=True,
                                                          weights=w)), 12)
        rec.add("eigenvector", {"weight": w}, TOL_ITERATIVE, nxv, igv,
                f"networkx: nx.eigenvector_centrality_numpy(H, weight={w!r}) on the simple "
                f"graph, divided by its maximum"
                + (" (in-edges: x_v = sum over u->v of x_u)" if H.is_directed() else ""),
                f"igraph: simplified g.eigenvector_centrality(directed=True, scale=True, "
                f"weights={w!r})")


# ---------------------------------------------------------------------------- 8. katz

def katz_cases(rec, G):
    H = nx_simple(G)
    A = nx.to_numpy_array(H, weight=None)
    rho = max(abs(np.linalg.eigvals(A))) if len(A) else 0.0
    for alpha in KATZ_ALPHAS:
        if rho > 0 and alpha >= 1.0 / rho:
            Recorder.skipped.append((rec.graph, f"katz alpha={alpha}",
                                     f"alpha >= 1/spectral radius = {1.0 / rho:.4g}: "
                                     f"the Katz series diverges"))
            continue
        nxv = clean(nx.katz_centrality_numpy(H, alpha=alpha, beta=1.0, normalized=True), 12)
        rec.add("katz", {"normalized": True, "alpha": alpha}, TOL_ITERATIVE, nxv, None,
                f"networkx only (igraph has no Katz): nx.katz_centrality_numpy(H, alpha={alpha}, "
                f"beta=1.0, normalized=True) on the simple graph (unweighted"
                + (", in-edges: x_v = alpha sum over u->v of x_u + beta" if H.is_directed()
                   else "")
                + "), i.e. scaled to unit Euclidean norm; spectral radius "
                  f"{rho:.6g}", None)


# ---------------------------------------------------------------------------- 9. kcore

def kcore_cases(rec, G):
    K = nx.Graph(G.to_undirected())
    K.remove_edges_from(list(nx.selfloop_edges(K)))
    nxv = clean(nx.core_number(K))
    k = to_igraph(G)
    if k.is_directed():
        k = k.as_undirected(mode="collapse")
    k.simplify(multiple=True, loops=True)
    igv = clean(ig_values(k, k.coreness(mode="all")))
    rec.add("kcore", {}, TOL_EXACT, nxv, igv,
            "networkx: nx.core_number(nx.Graph(G.to_undirected()) minus self-loops)",
            "igraph: g.as_undirected(mode='collapse').simplify() then coreness(mode='all')")


# ============================================================================ driver

def build_cases(name, G, weighted, personalize, via):
    rec = Recorder(name)
    degree_cases(rec, G, weighted)
    betweenness_cases(rec, G, weighted)
    closeness_cases(rec, G, weighted)
    harmonic_cases(rec, G, weighted)
    pagerank_cases(rec, G, weighted, personalize)
    eigenvector_cases(rec, G, weighted)
    katz_cases(rec, G)
    kcore_cases(rec, G)
    if via is not None:
        betweenness_cases(rec, G, False, via=via, only_undirected=True, edges=False)
        closeness_cases(rec, G, False, via=via)
    return rec.cases


def check_ids(G):
    for n in G.nodes:
        assert "->" not in n and "--" not in n, f"id {n!r} would make edge keys ambiguous"


# ---------------------------------------------------------------- brokerage (R's sna)

# sna's role columns -> ecograph's role names (checked on a -> b -> c: groups 1,2,2 count in
# b_OI, the gatekeeper; groups 1,1,2 in b_IO, the representative).
SNA_ROLES = {"w_I": "coordinator", "w_O": "itinerant", "b_IO": "representative",
             "b_OI": "gatekeeper", "b_O": "liaison", "t": "total"}

R_BROKERAGE = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1])
arcs <- read.table(args[2], header = FALSE)
cl <- readLines(args[3])
g <- matrix(0, n, n)
if (nrow(arcs) > 0) for (k in seq_len(nrow(arcs))) g[arcs[k, 1], arcs[k, 2]] <- 1
b <- brokerage(g, cl)
out <- args[4]
for (part in c("raw.nli", "exp.nli", "sd.nli", "z.nli"))
  write.table(format(b[[part]], digits = 17), file.path(out, paste0(part, ".tsv")),
              sep = "\t", quote = FALSE, row.names = FALSE, col.names = FALSE)
for (part in c("raw.gli", "exp.gli", "sd.gli", "z.gli"))
  writeLines(format(b[[part]], digits = 17), file.path(out, paste0(part, ".txt")))
writeLines(colnames(b$raw.nli), file.path(out, "columns.txt"))
writeLines(format(b$N, digits = 17), file.path(out, "N.txt"))
"""


def sna_brokerage(nodes, arcs, groups):
    """Runs sna::brokerage on the simple digraph (nodes in order, arcs as index pairs)."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "arcs.txt").write_text("".join(f"{u + 1} {v + 1}\n" for u, v in arcs))
        (tmp / "classes.txt").write_text("".join(f"{groups[n]}\n" for n in nodes))
        (tmp / "script.R").write_text(R_BROKERAGE)
        subprocess.run(["Rscript", str(tmp / "script.R"), str(len(nodes)), str(tmp / "arcs.txt"),
                        str(tmp / "classes.txt"), str(tmp)], check=True, capture_output=True)
        columns = (tmp / "columns.txt").read_text().split()

        def number(text):
            text = text.strip()
            return None if text in ("NaN", "NA", "Inf", "-Inf") else float(text)

        out = {}
        for part in ("raw", "exp", "sd", "z"):
            rows = (tmp / f"{part}.nli.tsv").read_text().splitlines()
            out[part] = {n: {SNA_ROLES[c]: number(x) for c, x in zip(columns, row.split("\t"))}
                         for n, row in zip(nodes, rows)}
            values = (tmp / f"{part}.gli.txt").read_text().split()
            out["global_" + part] = {SNA_ROLES[c]: number(x) for c, x in zip(columns, values)}
        return out


def simple_arcs(G, undirected):
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    arcs = set()
    for u, v in G.edges():
        if u == v:
            continue
        arcs.add((index[u], index[v]))
        if undirected or not G.is_directed():
            arcs.add((index[v], index[u]))
    return nodes, sorted(arcs)


def region_groups(G_typed):
    """ecograph's region rule, written again from its documentation: a Region is its own
    group; others take their located_in region (lowest id), else their operates_in/serves
    region (lowest id); "(none)" otherwise."""
    types = dict(G_typed.nodes(data="type"))
    out = {}
    for n in G_typed.nodes:
        if types[n] == "Region":
            out[n] = n
            continue
        located = sorted(v for _, v, t in G_typed.out_edges(n, data="type")
                         if t == "located_in" and types[v] == "Region")
        other = sorted(v for _, v, t in G_typed.out_edges(n, data="type")
                       if t in ("operates_in", "serves") and types[v] == "Region")
        out[n] = located[0] if located else (other[0] if other else "(none)")
    return out


def load_bundled_typed():
    D = nx.nx_agraph.read_dot(str(ROOT / BUNDLED))
    G = nx.MultiDiGraph()
    for n, d in D.nodes(data=True):
        G.add_node(n, type=d["type"])
    for u, v, d in D.edges(data=True):
        G.add_edge(u, v, type=d["type"])
    return G


def write_grouped_dot(name, G, attr, origin):
    directed = G.is_directed()
    arrow = "->" if directed else "--"
    lines = [f"// Generated by tools/gen_fixtures.py: {origin}. Do not edit.",
             f"{'digraph' if directed else 'graph'} {name} {{"]
    lines += [f"  {dot_id(n)} [{attr}={dot_id(str(d))}];" for n, d in G.nodes(data=attr)]
    lines += [f"  {dot_id(u)} {arrow} {dot_id(v)};" for u, v in G.edges()]
    lines.append("}")
    path = GRAPH_DIR / f"{name}.gv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.relative_to(ROOT).as_posix()


def brokerage_fixtures():
    BROKERAGE_DIR.mkdir(parents=True, exist_ok=True)
    bundled = load_bundled_typed()
    karate = nx.karate_club_graph()
    karate = nx.relabel_nodes(karate, {n: str(n) for n in karate.nodes})
    rng = random.Random(17)
    rand = nx.gnm_random_graph(40, 120, seed=17, directed=True)
    rand = nx.relabel_nodes(rand, {n: str(n) for n in rand.nodes})
    for n in rand.nodes:
        rand.nodes[n]["group"] = rng.choice(["east", "north", "south", "west"])
    cases = [
        ("bundled_type", BUNDLED, bundled, "type", dict(bundled.nodes(data="type")), False),
        ("bundled_region", BUNDLED, bundled, "region", region_groups(bundled), False),
        ("bundled_type_undirected", BUNDLED, bundled, "type", dict(bundled.nodes(data="type")), True),
        ("karate_club", write_grouped_dot("karate_club", karate, "club",
                                          "nx.karate_club_graph() with its 'club' attribute"),
         karate, "club", dict(karate.nodes(data="club")), False),
        ("random_groups", write_grouped_dot("random_groups", rand, "group",
                                            "nx.gnm_random_graph(40, 120, seed=17, directed=True), "
                                            "groups from random.Random(17)"),
         rand, "group", dict(rand.nodes(data="group")), False),
    ]
    for name, graph, G, group_by, groups, undirected in cases:
        nodes, arcs = simple_arcs(G, undirected)
        result = sna_brokerage(nodes, arcs, groups)
        doc = {"graph": graph, "group_by": group_by, "undirected": undirected,
               "reference": "R sna::brokerage (sna " + sna_version() + ")",
               "tolerance": 1e-9, "groups": {n: groups[n] for n in nodes}, **result}
        out = BROKERAGE_DIR / f"{name}.json"
        out.write_text(json.dumps(doc, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(nodes)} entities, {len(arcs)} arcs")


def sna_version():
    import subprocess
    r = subprocess.run(["Rscript", "-e", "cat(as.character(packageVersion('sna')))"],
                       check=True, capture_output=True, text=True)
    return r.stdout.strip()


# ---------------------------------------------------------------- paths and resilience

PATHS_DIR = ROOT / "tests" / "fixtures" / "paths"
K_SHORTEST = 5
MAX_LISTED_PATHS = 50   # all shortest paths are listed only up to this many
PAIRS_REACHABLE = 18    # sampled (from, to) pairs per view and weighting: this many with a route
PAIRS_UNREACHABLE = 4   # ... and this many without one (where there are such pairs)
BUNDLED_VIA = ["partners_with", "operates", "located_in", "operates_in"]


def load_bridges_demo():
    """Two triangles joined by a two-edge path, a pendant entity, a pair joined by two
    parallel edges (not a bridge) hanging off the second triangle by a real bridge, a
    self-loop and an isolated entity:

        a1 (self-loop)          b2 -- p
        |  \\                  /  |
        |   a3 ---- m ---- b1   |
        |  /                \\  |
        a2                      b3 -- y == x         z
    """
    G = nx.MultiGraph()
    G.add_nodes_from(["a1", "a2", "a3", "m", "b1", "b2", "b3", "p", "y", "x", "z"])
    G.add_edges_from([("a1", "a2"), ("a2", "a3"), ("a3", "a1"), ("a1", "a1"),
                      ("a3", "m"), ("m", "b1"),
                      ("b1", "b2"), ("b2", "b3"), ("b3", "b1"),
                      ("b2", "p"), ("b3", "y"), ("y", "x"), ("x", "y")])
    return G


def load_dominators_demo():
    """The flow graph of Lengauer and Tarjan (1979, fig. 1), rooted at R (C -> F, G -> I is a
    diamond), plus a chain J -> M -> N -> O, a parallel arc C -> F, a self-loop G -> G and an
    entity Z that only leads into the graph (unreachable from R)."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(["R", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L",
                      "M", "N", "O", "Z"])
    G.add_edges_from([("R", "A"), ("R", "B"), ("R", "C"), ("A", "D"), ("B", "A"), ("B", "D"),
                      ("B", "E"), ("C", "F"), ("C", "G"), ("D", "L"), ("E", "H"), ("F", "I"),
                      ("G", "I"), ("G", "J"), ("H", "E"), ("H", "K"), ("I", "K"), ("J", "I"),
                      ("K", "I"), ("K", "R"), ("L", "H"),
                      ("J", "M"), ("M", "N"), ("N", "O"), ("C", "F"), ("G", "G"), ("Z", "R")])
    return G


# name, graph file (None: written from the loader), loader, weighted, dominator root, seed, origin
PATH_GRAPHS = [
    ("karate", None, load_karate, False, None, 101, None),
    ("florentine", None, load_florentine, False, None, 102, None),
    ("davis", None, load_davis, False, None, 103, None),
    ("lesmis", None, load_lesmis, True, None, 104, None),
    ("random_directed", None, load_random_directed, True, "0", 105, None),
    ("random_disconnected", None, load_random_disconnected, True, "0", 106, None),
    ("random_undirected_multi", None, load_random_undirected_multi, True, None, 107, None),
    ("bundled", BUNDLED, load_bundled, False, "alibaba-cloud", 108, None),
    ("bridges_demo", "write", load_bridges_demo, False, None, 109,
     "two triangles joined by a two-edge path, a pendant entity, a parallel pair behind a "
     "bridge, a self-loop, an isolated entity"),
    ("dominators_demo", "write", load_dominators_demo, False, "R", 110,
     "Lengauer-Tarjan (1979) example flow graph + a chain, a parallel arc, a self-loop and an "
     "entity unreachable from R"),
]


def _undirected_multigraph(G):
    """The undirected view as a multigraph: direction dropped, every relation kept (so a
    reciprocal pair u -> v, v -> u becomes two parallel edges), self-loops dropped."""
    M = nx.MultiGraph()
    M.add_nodes_from(G.nodes)
    M.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return M


def _ig_undirected_multigraph(G):
    g = to_igraph(G)
    if g.is_directed():
        g = g.as_undirected(mode="each")
    g.simplify(multiple=False, loops=True)
    return g


def _partition(components):
    return sorted(sorted(c) for c in components)


def _pair_key(u, v):
    a, b = sorted((u, v))
    return f"{a}--{b}"


def cut_reference(G):
    U = nx_simple(G, undirected=True)
    u = ig_simple(to_igraph(G), undirected=True)
    aps = {}
    for v in nx.articulation_points(U):
        rest = U.subgraph(nx.node_connected_component(U, v) - {v})
        aps[v] = sorted((len(c) for c in nx.connected_components(rest)), reverse=True)
    ig_aps = {u.vs[i]["name"] for i in u.articulation_points()}
    assert ig_aps == set(aps), ("articulation points", set(aps) ^ ig_aps)

    M = _undirected_multigraph(G)
    bridges = {}
    for a, b in nx.bridges(M):
        cut = U.copy()
        cut.remove_edge(a, b)
        sides = {a: len(nx.node_connected_component(cut, a)),
                 b: len(nx.node_connected_component(cut, b))}
        x, y = sorted((a, b))
        bridges[_pair_key(a, b)] = [sides[x], sides[y]]
    g = _ig_undirected_multigraph(G)
    ig_bridges = {_pair_key(g.vs[g.es[e].source]["name"], g.vs[g.es[e].target]["name"])
                  for e in g.bridges()}
    assert ig_bridges == set(bridges), ("bridges", set(bridges) ^ ig_bridges)
    # Pairs a simple-graph bridge search would report but that are joined by two or more
    # relations (parallel, or reciprocal in a directed graph): never bridges.
    not_bridges = sorted(_pair_key(a, b) for a, b in nx.bridges(U)
                         if _pair_key(a, b) not in bridges)
    return aps, bridges, not_bridges


def components_reference(G):
    g = to_igraph(G)
    if G.is_directed():
        weak = _partition(nx.weakly_connected_components(G))
        strong = _partition(nx.strongly_connected_components(G))
    else:
        weak = strong = _partition(nx.connected_components(G))
    for mode, ref in (("weak", weak), ("strong", strong)):
        ig_part = _partition([g.vs[i]["name"] for i in c]
                             for c in g.connected_components(mode=mode))
        assert ig_part == ref, (mode, "components")
    return weak, strong


def dominators_reference(G, root):
    H = nx_simple(G)
    idom = {v: d for v, d in nx.immediate_dominators(H, root).items() if v != root}
    h = ig_simple(to_igraph(G))
    index = {name: i for i, name in enumerate(h.vs["name"])}
    ig_idom = {}
    for i, d in enumerate(h.dominator(index[root], mode="out")):
        if isinstance(d, float) and math.isnan(d) or d < 0:
            continue  # nan: unreachable, -1: the root
        ig_idom[h.vs[i]["name"]] = h.vs[int(d)]["name"]
    assert ig_idom == idom, ("dominators", root)
    return idom


def _path_length(H, path, w):
    return float(sum(H[a][b][W] if w else 1 for a, b in zip(path, path[1:])))


def _sample_pairs(H, rng):
    nodes = sorted(H.nodes)
    reach = {a: set(nx.descendants(H, a)) if H.is_directed()
             else set(nx.node_connected_component(H, a)) - {a} for a in nodes}
    pairs = [(a, b) for a in nodes for b in nodes if a != b]
    linked = [p for p in pairs if p[1] in reach[p[0]]]
    unlinked = [p for p in pairs if p[1] not in reach[p[0]]]
    return (rng.sample(linked, min(PAIRS_REACHABLE, len(linked)))
            + rng.sample(unlinked, min(PAIRS_UNREACHABLE, len(unlinked))))


def shortest_path_cases(G, weighted, rng):
    cases = []
    views = [False, True] if G.is_directed() else [False]
    for undirected in views:
        H = nx_simple(G, undirected)
        h = ig_simple(to_igraph(G), undirected)
        mode = "out"
        index = {name: i for i, name in enumerate(h.vs["name"])}
        pairs = _sample_pairs(H, rng)
        for w in weights_for(weighted):
            for a, b in pairs:
                case = {"from": a, "to": b, "undirected": undirected, "weight": w}
                ig_d = h.distances(index[a], index[b], weights=w, mode=mode)[0][0]
                if not nx.has_path(H, a, b):
                    assert math.isinf(ig_d)
                    case.update(length=None, count=0, paths=[], k=K_SHORTEST, k_lengths=[],
                                k_paths=[])
                    cases.append(case)
                    continue
                length = float(nx.shortest_path_length(H, a, b, weight=w))
                assert abs(ig_d - length) < 1e-9, (a, b, w, ig_d, length)
                every = sorted(nx.all_shortest_paths(H, a, b, weight=w))
                ig_every = sorted([h.vs[i]["name"] for i in p] for p in
                                  h.get_all_shortest_paths(index[a], to=index[b], weights=w,
                                                           mode=mode))
                assert ig_every == every, (a, b, w, "all shortest")
                # k shortest loopless paths; one more to tell whether the k-th ties the next.
                gen = nx.shortest_simple_paths(H, a, b, weight=w)
                simple = [p for _, p in zip(range(K_SHORTEST + 1), gen)]
                lengths = [_path_length(H, p, w) for p in simple]
                assert lengths == sorted(lengths)
                ig_k = h.get_k_shortest_paths(index[a], to=index[b], k=K_SHORTEST, weights=w,
                                              mode=mode)
                ig_lengths = [_path_length(H, [h.vs[i]["name"] for i in p], w) for p in ig_k]
                assert ig_lengths == lengths[:K_SHORTEST], (a, b, w, ig_lengths, lengths)
                k_paths = []
                for i, p in enumerate(simple[:K_SHORTEST]):
                    tied = (i > 0 and lengths[i - 1] == lengths[i]) or \
                           (i + 1 < len(lengths) and lengths[i + 1] == lengths[i])
                    k_paths.append(None if tied else p)
                case.update(length=length, count=len(every),
                            paths=every if len(every) <= MAX_LISTED_PATHS else None,
                            k=K_SHORTEST, k_lengths=lengths[:K_SHORTEST], k_paths=k_paths)
                cases.append(case)
    return cases


def reach_reference(G, start, via, reverse, undirected):
    Gv = via_subgraph(G, via)
    H = nx_simple(Gv, undirected)
    if H.is_directed() and reverse:
        H = H.reverse()
    dist = nx.single_source_shortest_path_length(H, start)
    g = to_igraph(Gv)
    index = {name: i for i, name in enumerate(g.vs["name"])}
    mode = "all" if undirected or not G.is_directed() else ("in" if reverse else "out")
    case = {"from": start, "via": via, "reverse": reverse, "undirected": undirected,
            "distance": {v: d for v, d in sorted(dist.items())}}
    for hops in (1, 2):
        within = sorted(v for v, d in dist.items() if d <= hops)
        ig_within = sorted(g.vs[i]["name"] for i in g.neighborhood(index[start], order=hops,
                                                                   mode=mode))
        assert ig_within == within, (start, via, reverse, undirected, hops)
        case[f"within_{hops}"] = within
    ig_all = sorted(g.vs[i]["name"] for i in g.subcomponent(index[start], mode=mode))
    assert ig_all == sorted(dist), (start, via, reverse, undirected)
    return case


def reach_cases(name, G, rng):
    if name == "bundled":
        starts = ["alibaba-cloud", "infosys", "india"]
    else:
        starts = [sorted(G.nodes)[0]] + rng.sample(sorted(G.nodes)[1:], 2)
    cases = []
    for s in starts:
        for reverse, undirected in ((False, False), (True, False), (False, True)):
            cases.append(reach_reference(G, s, None, reverse, undirected))
    if name == "bundled":
        cases.append(reach_reference(G, "infosys", BUNDLED_VIA, False, False))
        cases.append(reach_reference(G, "india", BUNDLED_VIA, True, False))
        cases.append(reach_reference(G, "infosys", BUNDLED_VIA, False, True))
    return cases


def paths_fixtures():
    PATHS_DIR.mkdir(parents=True, exist_ok=True)
    summary = []
    for name, graph, loader, weighted, root, seed, origin in PATH_GRAPHS:
        G = loader()
        check_ids(G)
        if graph == "write":
            path = write_dot(name, G, origin)
            check_roundtrip(path, G)
            graph = path.relative_to(ROOT).as_posix()
        elif graph is None:
            graph = (GRAPH_DIR / f"{name}.gv").relative_to(ROOT).as_posix()
        rng = random.Random(seed)
        aps, bridges, not_bridges = cut_reference(G)
        weak, strong = components_reference(G)
        doc = {"graph": graph, "directed": G.is_directed(), "entities": G.number_of_nodes(),
               "relations": G.number_of_edges(), "weighted": weighted,
               "reference": "networkx+igraph",
               "articulation_points": aps, "bridges": bridges,
               "parallel_pairs_not_bridges": not_bridges,
               "weak_components": weak, "strong_components": strong,
               "dominators": ({"root": root, "idom": dominators_reference(G, root)}
                              if root is not None else None),
               "shortest_paths": shortest_path_cases(G, weighted, rng),
               "reach": reach_cases(name, G, rng)}
        out = PATHS_DIR / f"{name}.json"
        out.write_text(json.dumps(doc, sort_keys=True, indent=1, allow_nan=False) + "\n",
                       encoding="utf-8")
        summary.append((name, graph, doc))
        print(f"{out.relative_to(ROOT)}: {len(aps)} articulation points, {len(bridges)} bridges, "
              f"{len(doc['shortest_paths'])} path cases, {len(doc['reach'])} reach cases")
    return summary


def paths_readme_section(summary):
    L = ["", "## Path and resilience fixtures (`paths/`)", "",
         "`paths/NAME.json`, written by `paths_fixtures()` in the same script, one per graph. "
         "Every value is computed with NetworkX and checked against igraph (the script stops "
         "if they disagree), hence `reference` = `networkx+igraph`. Conventions: the *simple "
         "graph* collapses parallel relations (length = minimum weight) and drops self-loops; "
         "the *undirected view* also ignores direction.", "",
         "| fixture | graph file | directed | articulation points | bridges | path cases | "
         "reach cases |", "|---|---|---|---|---|---|---|"]
    for name, graph, doc in summary:
        L.append(f"| `paths/{name}.json` | `{graph}` | {doc['directed']} | "
                 f"{len(doc['articulation_points'])} | {len(doc['bridges'])} | "
                 f"{len(doc['shortest_paths'])} | {len(doc['reach'])} |")
    L += ["", "Keys (ids are entity ids):", "",
          "- `graph`, `directed`, `entities`, `relations`, `weighted` (whether path cases "
          "include `weight`-weighted lengths).",
          "- `articulation_points`: id -> sizes of the parts its component falls into when it "
          "is removed, largest first (undirected simple graph; `nx.articulation_points`, "
          "parts by removing the entity; igraph `articulation_points`).",
          "- `bridges`: `u--v` (u < v in string order) -> [entities on u's side, on v's side]. "
          "A pair joined by two or more relations (parallel, or u -> v and v -> u) is never a "
          "bridge: `nx.bridges` on the undirected view as a `MultiGraph` (self-loops dropped), "
          "igraph `bridges` on `as_undirected(mode='each')`. "
          "`parallel_pairs_not_bridges` lists the pairs a simple-graph search would wrongly "
          "report.",
          "- `weak_components`, `strong_components`: partitions (sorted lists of sorted ids); "
          "compare partitions, not labels. On undirected graphs both are the connected "
          "components.",
          "- `dominators`: null, or `root` and `idom` (id -> immediate dominator, for every "
          "entity reachable from the root except the root; `nx.immediate_dominators`, igraph "
          "`dominator`). Entities not listed have no dominator.",
          f"- `shortest_paths`: sampled pairs (up to {PAIRS_REACHABLE} with a route and "
          f"{PAIRS_UNREACHABLE} without per view, seeded), each with `from`, `to`, "
          "`undirected`, `weight` (null or \"weight\"), `length` (null: no route), `count` "
          "(number of shortest paths), `paths` (all shortest paths, sorted; null when there "
          f"are more than {MAX_LISTED_PATHS}), `k` ({K_SHORTEST}), `k_lengths` (lengths of the "
          "k shortest loopless paths, `nx.shortest_simple_paths` and igraph "
          "`get_k_shortest_paths`) and `k_paths` (the path, or null where its length ties "
          "another path's, so that the order among equals is free).",
          "- `reach`: `from`, `via` (null or relation types), `reverse`, `undirected`, "
          "`within_1`, `within_2` (sorted ids reached within 1 and 2 hops, the start "
          "included) and `distance` (id -> hops, unlimited). On an undirected graph every "
          "direction gives the same answer."]
    return L


def main():
    GRAPH_DIR.mkdir(parents=True, exist_ok=True)
    CENTRALITY_DIR.mkdir(parents=True, exist_ok=True)
    summary = []
    for name, loader, weighted, personalize, via, origin in GRAPHS:
        G = loader()
        check_ids(G)
        if name == "bundled":
            graph_path = BUNDLED
        else:
            path = write_dot(name, G, origin)
            check_roundtrip(path, G)
            graph_path = path.relative_to(ROOT).as_posix()
        cases = build_cases(name, G, weighted, personalize, via)
        doc = {"graph": graph_path, "directed": G.is_directed(),
               "entities": G.number_of_nodes(), "relations": G.number_of_edges(),
               "cases": cases}
        out = CENTRALITY_DIR / f"{name}.json"
        out.write_text(json.dumps(doc, sort_keys=True, indent=1, allow_nan=False) + "\n",
                       encoding="utf-8")
        summary.append((name, graph_path, origin, G, weighted, cases))
        print(f"{out.relative_to(ROOT)}: {len(cases)} cases "
              f"({dict(Counter(c['measure'] for c in cases))})")
    brokerage_fixtures()
    paths_summary = paths_fixtures()
    write_readme(summary, paths_summary)
    for d in Recorder.disagreements:
        print("DISAGREE", d[0], d[1], json.dumps(d[2], sort_keys=True), f"{d[3]:.3g}", d[4])
    for s in Recorder.skipped:
        print("SKIP", *s)


def _opts_text(opts):
    keep = {k: v for k, v in opts.items() if v not in (None, False) or k == "normalized"}
    return ", ".join(f"{k}={json.dumps(v)}" for k, v in sorted(keep.items()))


def write_readme(summary, paths_summary=()):
    L = []
    L += ["# Centrality reference fixtures", "",
          "Generated by `tools/gen_fixtures.py`; do not edit by hand. Regenerate from the "
          "repository root with Debian's python (it has NetworkX, igraph and pygraphviz; "
          "`apt-get install -y python3-networkx python3-igraph python3-pygraphviz`):", "",
          "    /usr/bin/python3 tools/gen_fixtures.py", "",
          "The script takes no arguments, is deterministic (same bytes on every run on one "
          "machine) and rewrites `graphs/*.gv`, `centrality/*.json` and this file. CI does not "
          "run it; the fixtures are committed.", "",
          "## Library versions", "",
          f"- Python {sys.version.split()[0]}",
          f"- NetworkX {nx.__version__}",
          f"- python-igraph {ig.__version__} (C core {ig._igraph.__igraph_version__ if hasattr(ig._igraph, '__igraph_version__') else 'n/a'})",
          f"- NumPy {np.__version__}", "",
          "## Graphs", "",
          "| fixture | graph file | directed | entities | relations | weighted | origin | cases |",
          "|---|---|---|---|---|---|---|---|"]
    for name, path, origin, G, weighted, cases in summary:
        L.append(f"| `centrality/{name}.json` | `{path}` | {G.is_directed()} | "
                 f"{G.number_of_nodes()} | {G.number_of_edges()} | {weighted} | {origin} | "
                 f"{len(cases)} |")
    L += ["", "## Format", "",
          "Each `centrality/NAME.json` holds `graph` (path from the repository root), "
          "`directed`, `entities`, `relations` and `cases`. A case has `measure`, `options` "
          "(always `normalized`, `undirected`, `weight` (null or \"weight\"), `via` (null or a "
          "list of relation types), plus `mode` (degree), `edges` (betweenness), "
          "`wf_improved` (closeness), `damping`/`personalize` (pagerank), `alpha` (katz)), "
          "`reference` (`networkx`, `igraph` or `networkx+igraph` when both agree within "
          "`tolerance`), `tolerance` (absolute), `values` (entity id -> value; edge "
          "betweenness: `u->v`, or `u--v` with u < v in string order for undirected views) "
          "and `note` (how the references were called). When the libraries disagree there "
          "are two cases with the same options, and `ecograph_follows` is true on the one "
          "that matches ecograph's conventions.", "",
          "## Conventions (what ecograph computes)", "",
          "1. **degree**: on the multigraph as loaded; `mode` in/out/total (undirected graphs: "
          "total only; a self-loop counts 2); weighted = sum of `weight` (strength).",
          "2. **betweenness**: on the simple graph (parallel relations collapsed, self-loops "
          "dropped; a collapsed arc's length is the minimum weight). Directed by default; "
          "`undirected=true` merges both directions (weight = min over all). Raw = ordered "
          "pairs (directed) / unordered pairs (undirected); normalized = NetworkX's "
          "1/((n-1)(n-2)) directed, 2/((n-1)(n-2)) undirected, 0 when n <= 2.",
          "3. **edge betweenness** (`edges=true`): same simple graph, one value per arc/pair; "
          "normalized = NetworkX's 1/(n(n-1)) directed, 2/(n(n-1)) undirected.",
          "4. **closeness**: outgoing distances on the simple graph; `wf_improved=true`: "
          "(r/(n-1)) * r/sum(d) (Wasserman-Faust, NetworkX default); `wf_improved=false`: "
          "r/sum(d) over the r entities reached; 0 for an entity that reaches nobody. Weighted: "
          "weight as distance. `normalized` is always true (there is no raw variant).",
          "5. **harmonic**: outgoing distances, raw = sum of 1/d; normalized = raw/(n-1).",
          "6. **pagerank**: damping 0.85 on the multigraph (parallel relations add up, weights "
          "add up), undirected edges both ways, dangling entities hand their rank to the "
          "teleport set (uniform, or the `personalize` set in the personalised variant, as both "
          "libraries do by default). Values sum to 1.",
          "7. **eigenvector**: simple graph, in-edges for directed graphs, scaled so the "
          "maximum is 1; only for connected undirected / strongly connected directed graphs. "
          "Weighted only where there are no parallel relations.",
          "8. **katz**: NetworkX `katz_centrality_numpy` on the simple unweighted graph, "
          "beta 1, in-edges for directed graphs, scaled to unit Euclidean norm "
          "(`normalized=true`); only when alpha < 1/spectral radius. NetworkX only.",
          "9. **kcore**: core number on the undirected simple view (direction and parallel "
          "relations collapsed, self-loops dropped).",
          "",
          "On undirected graphs only `undirected=false` is generated (the option is a no-op "
          "there) and degree only has `mode=total`. Each written graph file is read back with "
          "pygraphviz and compared with the generated graph (entities, relations, weights).",
          "Bundled-graph cases with `via` keep all entities but only the listed relation types.",
          "Values of pagerank, eigenvector and katz are rounded to 12 decimals (tolerance 1e-6); "
          "the others are exact up to float rounding (tolerance 1e-9).", "",
          "## Where NetworkX and igraph disagree", ""]
    if Recorder.disagreements:
        L += ["| graph | measure | options | max diff | ecograph follows | why |",
              "|---|---|---|---|---|---|"]
        for g, m, o, d, why, follows in Recorder.disagreements:
            L.append(f"| {g} | {m} | {_opts_text(o)} | {d:.3g} | {follows} | {why} |")
    else:
        L.append("None in the stored cases.")
    L += ["", "Known library differences that the fixtures avoid by transforming the input "
          "(see `/work/shared/reference/conventions.md`): NetworkX's closeness and harmonic "
          "use incoming distances (so the reversed graph is passed), igraph's closeness "
          "defaults to mode='all' and gives NaN for an entity that reaches nobody, "
          "igraph's betweenness counts parallel edges as separate shortest paths (so the "
          "simple graph is passed), NetworkX's `core_number` rejects multigraphs and "
          "self-loops, `nx.pagerank` uses the `weight` attribute by default "
          "(so `weight=None` is passed explicitly), and NetworkX's "
          "`MultiDiGraph.to_undirected()` keys u->v and v->u alike, so reciprocal arcs keep "
          "only one arc's data (the undirected views are built by hand instead).", "",
          "## Cases not generated", "",
          "| graph | measure | why |", "|---|---|---|"]
    for g, what, why in Recorder.skipped:
        L.append(f"| {g} | {what} | {why} |")
    if paths_summary:
        L += paths_readme_section(paths_summary)
    README.write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
