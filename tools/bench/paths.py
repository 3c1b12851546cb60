#!/usr/bin/env python3
"""Times reach and path queries on a large generated ecosystem: ecograph against igraph and
NetworkX, the query alone (after loading) and the load.

    /usr/bin/python3 tools/bench/paths.py --entities 1000000 --relations 10000000 [--skip-networkx]

ecograph answers each query as its own command, which loads the graph first; with
ECOGRAPH_TIMING set it reports on stderr how long loading took and how long the rest did
(the query and writing its answer): the query time is that, best of --repeat runs. igraph and NetworkX load the relations once (igraph's
Read_Ncol, NetworkX's read_edgelist into a DiGraph) and time the queries in-process:
  path A B         one shortest path along relation directions
  reach A, 2 hops  the entities within two hops
  reach A          everything A reaches
Figures go to docs/performance.md.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GEN = REPO / "tools" / "bench" / "gen_ecosystem.py"

PEER = r'''
import json, sys, time
kind, edges, a, b = sys.argv[1:5]
out = {}
t = time.perf_counter()
if kind == "igraph":
    import igraph
    g = igraph.Graph.Read_Ncol(edges, names=True, directed=True)
    out["load"] = time.perf_counter() - t
    ia, ib = g.vs.find(name=a).index, g.vs.find(name=b).index
    def path(): return len(g.get_shortest_paths(ia, ib, mode="out")[0]) - 1
    def reach2(): return len(g.neighborhood(ia, order=2, mode="out")) - 1
    def reach(): return len(g.subcomponent(ia, mode="out")) - 1
else:
    import networkx as nx
    g = nx.read_edgelist(edges, create_using=nx.DiGraph, data=False)
    out["load"] = time.perf_counter() - t
    def path(): return len(nx.shortest_path(g, a, b)) - 1
    def reach2(): return len(nx.single_source_shortest_path_length(g, a, cutoff=2)) - 1
    def reach(): return len(nx.descendants(g, a))
for name, f in [("path", path), ("reach2", reach2), ("reach", reach)]:
    best = None
    for _ in range(int(sys.argv[5])):
        t = time.perf_counter()
        value = f()
        best = min(best or 1e9, time.perf_counter() - t)
    out[name] = [best, value]
print(json.dumps(out))
'''


def best_times(cmd, repeat):
    """(load seconds, after-load seconds, stdout): the best of `repeat` runs of each phase."""
    load = after = None
    out = ""
    for _ in range(repeat):
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, "ECOGRAPH_TIMING": "1"})
        m = re.search(r"timing: load ([\d.]+) ms, after load ([\d.]+) ms", p.stderr)
        if p.returncode != 0 or not m:
            sys.exit(f"failed: {' '.join(map(str, cmd))}\n{p.stderr}")
        load = min(load or 1e9, float(m.group(1)) / 1000)
        after = min(after or 1e9, float(m.group(2)) / 1000)
        out = p.stdout
    return load, after, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=1000000)
    ap.add_argument("--relations", type=int, default=10000000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--from", dest="source", default="c12")
    ap.add_argument("--to", dest="target", default="c900000")
    ap.add_argument("--skip-networkx", action="store_true")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR (reused when present)")
    ap.add_argument("--ecograph", default=str(REPO / "build" / "ecograph"))
    ap.add_argument("--python", default="/usr/bin/python3")
    args = ap.parse_args()

    work = Path(args.keep or tempfile.mkdtemp(prefix="ecograph-paths-"))
    work.mkdir(parents=True, exist_ok=True)
    prefix = work / f"eco-{args.entities}-{args.relations}-{args.seed}"
    ents, rels = Path(f"{prefix}-entities.csv"), Path(f"{prefix}-relations.csv")
    if not rels.exists():
        subprocess.run([sys.executable, GEN, "--entities", str(args.entities), "--relations",
                        str(args.relations), "--seed", str(args.seed), "--csv", prefix],
                       check=True)
    edges = Path(f"{prefix}.ncol")
    if not edges.exists():
        with open(rels) as src, open(edges, "w") as dst:
            next(src)
            for line in src:
                a, b, _ = line.split(",", 2)
                dst.write(f"{a} {b}\n")

    eco = [args.ecograph]
    files = [ents, rels]
    a, b = args.source, args.target
    load = None
    rows = []
    for name, cmd in [("path", ["path", *files, a, b, "--format", "json"]),
                      ("reach2", ["reach", *files, a, "--max-hops", "2", "--format", "csv"]),
                      ("reach", ["reach", *files, a, "--format", "csv"])]:
        loaded, secs, out = best_times(eco + cmd, args.repeat)
        load = min(load or 1e9, loaded)
        if name == "path":
            value = json.loads(out)["paths"][0]["hops"] if json.loads(out)["paths"] else -1
        else:
            value = max(0, len(out.strip().splitlines()) - 1)  # less the header
        rows.append((name, secs, value))

    peers = {}
    for kind in ["igraph"] + ([] if args.skip_networkx else ["networkx"]):
        p = subprocess.run([args.python, "-c", PEER, kind, edges, a, b, str(args.repeat)],
                           stdout=subprocess.PIPE, text=True, check=True)
        peers[kind] = json.loads(p.stdout)

    labels = {"path": f"path {a} {b}", "reach2": f"reach {a}, 2 hops", "reach": f"reach {a}"}
    print(f"{args.entities:,} entities / {args.relations:,} relations; best of {args.repeat}")
    print(f"load: ecograph {load:.2f} s (validated), " +
          ", ".join(f"{k} {v['load']:.2f} s" for k, v in peers.items()))
    head = "| query | answer | ecograph | " + " | ".join(peers) + " |"
    print(head)
    print("|" + " --- |" * (3 + len(peers)))
    for name, secs, value in rows:
        cells = [labels[name], str(value), f"{secs * 1000:.1f} ms"]
        for k, v in peers.items():
            t, peer_value = v[name]
            note = "" if peer_value == value else f" (answer {peer_value})"
            cells.append(f"{t * 1000:.1f} ms{note}")
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
