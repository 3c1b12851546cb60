#!/usr/bin/python3
"""Time ecograph's centrality measures against igraph and NetworkX on a generated ecosystem.

Every figure is the wall-clock time of a whole job in its own process, loading the graph from
its file included, with the peak resident memory of that process (from /usr/bin/time). The
synthetic ecosystem is generated once by gen_ecosystem.py as DOT, which ecograph reads; igraph
and NetworkX read the same graph from a plain integer edge list plus a file of entity ids
(reading DOT would be unfair to them). All three do the same work: betweenness, closeness and
harmonic on the simple undirected graph (parallel relations collapsed, self-loops ignored),
closeness with the Wasserman-Faust correction, PageRank (damping 0.85) on the undirected
multigraph. The top 10 of ecograph and igraph are compared (same ids, values within 1e-6
relative) so that the comparison is of the same work.

Run it with Debian's python (/usr/bin/python3 has python3-igraph and python3-networkx); the
peers are run with --python (default /usr/bin/python3) whatever runs this script.

Examples:

    /usr/bin/python3 tools/bench/compare.py --entities 10000 --relations 50000 --seed 1
    /usr/bin/python3 tools/bench/compare.py --entities 100000 --relations 500000 \\
        --measures pagerank --skip-networkx --out /tmp/pagerank-100k.md
    /usr/bin/python3 tools/bench/compare.py --entities 2000 --relations 10000 --repeat 3 \\
        --networkx-timeout 60 --keep /tmp/eco-2k
    /usr/bin/python3 tools/bench/compare.py --bundled     # every command on graphs/alibaba-cloud.gv
    /usr/bin/python3 tools/bench/compare.py --load-csv --entities 1000000 --relations 10000000 \\
        --repeat 3 --keep /tmp/eco-csv    # loading a typed CSV: ecograph validate vs edge lists
    /usr/bin/python3 tools/bench/compare.py --load-csv --pagerank --entities 1000000 \\
        --relations 10000000 --keep /tmp/eco-csv    # PageRank from it, against igraph

With --load-csv it times loading instead: the generator's typed CSV (entities and relations
files with type columns) read and validated by `ecograph validate`, against igraph's plain
edge-list reader (Graph.Read_Edgelist) and NetworkX's read_edgelist (a DiGraph) on an integer
edge list derived from the relations file, each in its own process: wall time, peak RSS, and
the ratios to ecograph. Adding --pagerank times PageRank instead (ecograph centrality from the
typed CSV against igraph's Read_Edgelist + pagerank, directed, damping 0.85; NetworkX is not
run) and checks that the top 5 agree.

Exit status: 0, or 1 when a top-10 check fails or an ecograph/igraph run fails.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "tools" / "bench" / "gen_ecosystem.py"
BUNDLED = REPO / "graphs" / "alibaba-cloud.gv"
TIME = "/usr/bin/time"
MEASURES = ("betweenness", "closeness", "harmonic", "pagerank")
TOP = 10
REL_TOL = 1e-6
TARGET_MS = 20.0

# ---------------------------------------------------------------------------------------------
# The peers' jobs. Each is run as `python -c SCRIPT MEASURE EDGES NAMES CHECK_IDS` and prints one
# JSON object: its top 10 (id, value), its values for ecograph's top-10 ids, and the seconds it
# spent loading and computing (measured inside the process, for the breakdown table only).

IGRAPH_SCRIPT = r"""
import heapq, json, math, sys, time
t0 = time.perf_counter()
import igraph as ig
measure, edges, names_file, check = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
t1 = time.perf_counter()
with open(names_file) as f:
    names = f.read().split()
g = ig.Graph.Read_Edgelist(edges, directed=False)
if g.vcount() < len(names):
    g.add_vertices(len(names) - g.vcount())
if measure != "pagerank":
    g.simplify(multiple=True, loops=True)
t2 = time.perf_counter()
n = g.vcount()
if measure == "betweenness":
    values = g.betweenness(directed=False)
elif measure == "closeness":
    values = g.closeness(mode="all")
    # igraph averages over the reachable entities only; the Wasserman-Faust correction scales
    # by (r - 1) / (n - 1), r the size of the entity's component. Isolated entities: 0.
    if not g.is_connected():
        membership = g.connected_components().membership
        sizes = {}
        for c in membership:
            sizes[c] = sizes.get(c, 0) + 1
        values = [0.0 if math.isnan(v) else v * (sizes[c] - 1) / (n - 1)
                  for v, c in zip(values, membership)]
elif measure == "harmonic":
    values = g.harmonic_centrality(mode="all", normalized=False)
elif measure == "pagerank":
    values = g.pagerank(directed=False, damping=0.85)
else:
    sys.exit("unsupported measure " + measure)
t3 = time.perf_counter()
top = heapq.nlargest(10, range(n), key=values.__getitem__)
index = {name: i for i, name in enumerate(names)}
print(json.dumps({
    "top": [[names[i], values[i]] for i in top],
    "check": {c: values[index[c]] for c in check.split(",") if c in index},
    "import_s": t1 - t0, "load_s": t2 - t1, "compute_s": t3 - t2,
}))
"""

NETWORKX_SCRIPT = r"""
import heapq, json, sys, time
t0 = time.perf_counter()
import networkx as nx
measure, edges, names_file, check = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
t1 = time.perf_counter()
with open(names_file) as f:
    names = f.read().split()
# nx.Graph collapses parallel relations (and we drop self-loops); PageRank uses the multigraph.
kind = nx.MultiGraph if measure == "pagerank" else nx.Graph
G = nx.read_edgelist(edges, nodetype=int, create_using=kind)
G.add_nodes_from(range(len(names)))
if measure != "pagerank":
    G.remove_edges_from(list(nx.selfloop_edges(G)))
t2 = time.perf_counter()
if measure == "betweenness":
    values = nx.betweenness_centrality(G, normalized=False)
elif measure == "closeness":
    values = nx.closeness_centrality(G)          # wf_improved=True by default
elif measure == "harmonic":
    values = nx.harmonic_centrality(G)
elif measure == "pagerank":
    # NetworkX's tol is per entity: tol=1e-10 / n stops where ecograph's --tolerance 1e-10
    # (the L1 change of the whole vector) does; NetworkX's own default, 1e-6 per entity,
    # stops ~80 iterations earlier and misses the 1e-6 relative check.
    values = nx.pagerank(G, alpha=0.85, tol=1e-10 / G.number_of_nodes(), max_iter=1000)
else:
    sys.exit("unsupported measure " + measure)
t3 = time.perf_counter()
top = heapq.nlargest(10, values, key=values.__getitem__)
index = {name: i for i, name in enumerate(names)}
print(json.dumps({
    "top": [[names[i], values[i]] for i in top],
    "check": {c: values[index[c]] for c in check.split(",") if c in index},
    "import_s": t1 - t0, "load_s": t2 - t1, "compute_s": t3 - t2,
}))
"""


# ---------------------------------------------------------------------------------------------
# Running and timing one job.

@dataclass
class Run:
    wall: float | None = None      # seconds, None when it timed out
    rss_kb: int | None = None      # peak resident set size of the job, from /usr/bin/time
    cpu: float | None = None       # user + system seconds of the job, from /usr/bin/time
    stdout: str = ""
    stderr: str = ""
    returncode: int = 0
    timed_out: bool = False

    @property
    def ok(self):
        return not self.timed_out and self.returncode == 0


def run_once(cmd, timeout, env=None):
    """Run cmd under /usr/bin/time in its own process group; kill the group on timeout.
    env: extra environment variables for the job."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [TIME, "-f", "%M %U %S", "-o", tf.name, *map(str, cmd)]
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True, env={**os.environ, **(env or {})})
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)   # the group we created: time and its child
            proc.communicate()
            return Run(timed_out=True, returncode=-9)
        wall = time.perf_counter() - start
        # The last line is ours ("Command exited with non-zero status" may precede it).
        lines = [ln for ln in Path(tf.name).read_text().splitlines() if ln.strip()]
        fields = lines[-1].split() if lines else []
        rss = cpu = None
        if len(fields) == 3:
            rss, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
        return Run(wall=wall, rss_kb=rss, cpu=cpu, stdout=out, stderr=err,
                   returncode=proc.returncode)


def run_best(cmd, timeout, repeat, env=None):
    """Best (lowest) wall time of `repeat` runs (with its CPU time); peak memory is the
    largest seen."""
    best = None
    peak = None
    for _ in range(repeat):
        r = run_once(cmd, timeout, env)
        if not r.ok:
            return r                      # a timeout or failure is not retried
        peak = max(peak or 0, r.rss_kb or 0)
        if best is None or r.wall < best.wall:
            best = r
    best.rss_kb = peak
    return best


# ---------------------------------------------------------------------------------------------
# The graph: DOT for ecograph, integer edge list + id file for the peers.

NODE_RE = re.compile(r'^\s*"([^"]+)"\s*\[')
EDGE_RE = re.compile(r'^\s*"([^"]+)"\s*->\s*"([^"]+)"')


def generate(entities, relations, seed, workdir):
    """Write eco.gv (the generator's DOT), eco.edges ("i j" per relation, entity indices in
    first-seen order) and eco.names (one id per line, line i = entity i)."""
    gv = workdir / "eco.gv"
    with open(gv, "w") as f:
        subprocess.run([sys.executable, str(GENERATOR), "--entities", str(entities),
                        "--relations", str(relations), "--seed", str(seed)],
                       stdout=f, check=True)
    index = {}
    names = []

    def idx(name):
        i = index.get(name)
        if i is None:
            i = index[name] = len(names)
            names.append(name)
        return i

    edges = workdir / "eco.edges"
    m = 0
    with open(gv) as src, open(edges, "w") as out:
        for line in src:
            e = EDGE_RE.match(line)
            if e:
                out.write(f"{idx(e.group(1))} {idx(e.group(2))}\n")
                m += 1
                continue
            v = NODE_RE.match(line)
            if v:
                idx(v.group(1))
    (workdir / "eco.names").write_text("\n".join(names) + "\n")
    return gv, edges, workdir / "eco.names", len(names), m


# ---------------------------------------------------------------------------------------------
# Results and the top-10 check.

def ecograph_top(csv_text):
    """[(id, value)] from `ecograph centrality -f csv` (rank,id,name,type,value)."""
    rows = []
    for line in csv_text.strip().splitlines()[1:]:
        fields = line.split(",")
        rows.append((fields[1], float(fields[-1])))
    return rows


def close(a, b):
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1e-300)


def check_top(eco, peer):
    """Same work? ecograph's top-10 ids must have the same values in the peer (within 1e-6
    relative), and the peer's own top 10 the same values rank by rank; ids may differ only
    between entities whose values tie. Returns (ok, text)."""
    if peer is None:
        return False, "no result"
    for ident, value in eco:
        other = peer["check"].get(ident)
        if other is None or not close(value, other):
            return False, f"MISMATCH {ident}: ecograph {value:.10g}, peer {other}"
    for rank, ((_, a), (_, b)) in enumerate(zip(eco, peer["top"]), 1):
        if not close(a, b):
            return False, f"MISMATCH at rank {rank}: ecograph {a:.10g}, peer {b:.10g}"
    same_ids = [i for i, _ in eco] == [i for i, _ in peer["top"]]
    return True, "ok" if same_ids else "ok (ties ordered differently)"


# ---------------------------------------------------------------------------------------------
# Formatting.

def human(n):
    for div, suffix in ((1_000_000, "M"), (1_000, "k")):
        if n >= div and n % (div // 10) == 0:
            return f"{n / div:g}{suffix}"
    return str(n)


def fmt_time(run, timeout=None):
    if run is None:
        return "-"
    if run.timed_out:
        return f"> {timeout:g} s (timeout)"
    if run.returncode != 0:
        return f"failed ({run.returncode})"
    return f"{run.wall:.3f} s"


def fmt_ratio(peer, eco, timeout=None):
    if peer is None or eco is None or not eco.ok:
        return "-"
    if peer.timed_out:
        return f"> {timeout / eco.wall:.1f}x"
    if peer.returncode != 0:
        return "-"
    return f"{peer.wall / eco.wall:.2f}x"


def fmt_cpu(run):
    if run is None or run.cpu is None or not run.ok:
        return "-"
    return f"{run.cpu:.2f} s"


def fmt_mb(run):
    if run is None or run.rss_kb is None or not run.ok:
        return "-"
    return f"{run.rss_kb / 1024:.0f} MB"


def markdown(header, rows):
    out = ["| " + " | ".join(header) + " |",
           "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Mode 1: ecograph against igraph and NetworkX on a generated ecosystem.

def compare(args):
    threads = args.threads or os.cpu_count() or 1
    measures = [m.strip() for m in args.measures.split(",") if m.strip()]
    for m in measures:
        if m not in MEASURES:
            sys.exit(f"compare.py: unknown measure {m!r} (choose from {', '.join(MEASURES)})")
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ecograph-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        log(f"load average {loadavg()}")
        gv, edges, names, n, m = generate(args.entities, args.relations, args.seed, workdir)
        size = f"{human(n)}/{human(m)}"
        log(f"generated {n} entities, {m} relations (seed {args.seed}) in "
            f"{time.perf_counter() - t:.1f} s: {gv} ({gv.stat().st_size / 1e6:.1f} MB)")

        # The typed CSV (Neo4j style) is ecograph's cheapest input, as the edge list is the
        # peers'; --input dot measures the DOT reader instead. Both loads are reported.
        subprocess.run([args.ecograph, "convert", gv, "-o", workdir / "eco.csv"], check=True,
                       stdout=subprocess.DEVNULL)
        csv_files = [workdir / "eco.entities.csv", workdir / "eco.relations.csv"]
        graph = [gv] if args.input == "dot" else csv_files
        stats = run_best([args.ecograph, "stats", gv], args.timeout, args.repeat)
        log(f"ecograph stats (load DOT + summary): {fmt_time(stats)}, {fmt_mb(stats)}")
        stats_csv = run_best([args.ecograph, "stats", *csv_files], args.timeout, args.repeat)
        log(f"ecograph stats (load CSV + summary): {fmt_time(stats_csv)}, {fmt_mb(stats_csv)}")

        rows, breakdown, cpu_rows, failed = [], [], [], False
        for measure in measures:
            row, extra, cpu_row, bad = compare_measure(args, measure, size, graph, edges,
                                                       names, threads)
            rows.append(row)
            breakdown += extra
            cpu_rows.append(cpu_row)
            failed |= bad

        header = ["measure", "size", f"ecograph ({threads} threads)", "ecograph (1 thread)",
                  "igraph", "NetworkX", "igraph / ecograph", "NetworkX / ecograph",
                  "peak RSS ecograph", "peak RSS igraph", "peak RSS NetworkX",
                  "top 10 ecograph vs igraph"]
        table = markdown(header, rows)
        detail = markdown(["measure", "peer", "python start + import", "load", "compute",
                           "top 10 vs ecograph"], breakdown)
        cpu = markdown(["measure", f"ecograph ({threads} threads)", "ecograph (1 thread)",
                        "igraph", "NetworkX", "igraph / ecograph 1 thread"], cpu_rows)
        load = markdown(["command", "size", "wall", "CPU", "peak RSS"],
                        [["ecograph stats (load DOT, summarise)", size, fmt_time(stats),
                          fmt_cpu(stats), fmt_mb(stats)],
                         ["ecograph stats (load typed CSV, summarise)", size,
                          fmt_time(stats_csv), fmt_cpu(stats_csv), fmt_mb(stats_csv)]])
        omp = f"OMP_NUM_THREADS={args.igraph_threads}" if args.igraph_threads else "default threads"
        text = (f"{table}\n\nWall clock of the whole job (best of {args.repeat}), loading "
                f"included (ecograph reads the {'DOT' if args.input == 'dot' else 'typed CSV'}, "
                f"the peers an integer edge list); ratios against ecograph with {threads} threads; igraph with {omp}. "
                f"Load average at the end: {loadavg()}.\n\n"
                f"CPU time (user + system) of the same jobs, less sensitive to other load on the "
                f"machine than wall time:\n\n{cpu}\n\n"
                f"Inside the peers' processes:\n\n{detail}\n\nLoading alone:\n\n{load}\n")
        print(text)
        if args.out:
            Path(args.out).write_text(text)
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def compare_measure(args, measure, size, graph, edges, names, threads):
    def eco_cmd(t):
        return [args.ecograph, "centrality", *graph, "--measure", measure, "--undirected",
                "--top", TOP, "-f", "csv", "--threads", t]

    failed = False
    log(f"{measure}: ecograph, {threads} threads")
    eco = run_best(eco_cmd(threads), args.timeout, args.repeat)
    top = ecograph_top(eco.stdout) if eco.ok else []
    if not eco.ok:
        log(f"  ecograph failed: {eco.stderr.strip() or 'timeout'}")
        failed = True
    eco1 = None
    if threads != 1:
        log(f"{measure}: ecograph, 1 thread")
        eco1 = run_best(eco_cmd(1), args.timeout, args.repeat)
        if eco1.ok and ecograph_top(eco1.stdout) != top:
            log("  note: the 1-thread top 10 differs from the multi-threaded one")

    check_ids = ",".join(i for i, _ in top) or "-"

    def peer(name, script, timeout, env=None):
        log(f"{measure}: {name}")
        r = run_best([args.python, "-c", script, measure, edges, names, check_ids], timeout,
                     args.repeat, env)
        result = json.loads(r.stdout) if r.ok else None
        if not r.ok and not r.timed_out:
            log(f"  {name} failed: {r.stderr.strip()[-500:]}")
        return r, result

    ig_env = {"OMP_NUM_THREADS": str(args.igraph_threads)} if args.igraph_threads else None
    ig_run, ig_res = peer("igraph", IGRAPH_SCRIPT, args.timeout, ig_env)
    ok, verdict = check_top(top, ig_res) if eco.ok else (False, "ecograph failed")
    failed |= not ok
    log(f"  top 10 ecograph vs igraph: {verdict}")

    nx_run = nx_res = None
    nx_verdict = "skipped"
    if not args.skip_networkx:
        nx_run, nx_res = peer("NetworkX", NETWORKX_SCRIPT, args.networkx_timeout)
        if nx_res is not None:
            _, nx_verdict = check_top(top, nx_res)
        else:
            nx_verdict = "timeout" if nx_run.timed_out else "failed"

    row = [measure, size, fmt_time(eco), fmt_time(eco1), fmt_time(ig_run),
           "skipped" if args.skip_networkx else fmt_time(nx_run, args.networkx_timeout),
           fmt_ratio(ig_run, eco), fmt_ratio(nx_run, eco, args.networkx_timeout),
           fmt_mb(eco), fmt_mb(ig_run), fmt_mb(nx_run), verdict]
    extra = []
    for name, res, v in (("igraph", ig_res, verdict), ("NetworkX", nx_res, nx_verdict)):
        if res is not None:
            extra.append([measure, name, f"{res['import_s']:.3f} s", f"{res['load_s']:.3f} s",
                          f"{res['compute_s']:.3f} s", v])
        elif name == "NetworkX" and not args.skip_networkx:
            extra.append([measure, name, "-", "-", "-", v])
    cpu_row = [measure, fmt_cpu(eco), fmt_cpu(eco1), fmt_cpu(ig_run),
               "skipped" if args.skip_networkx else fmt_cpu(nx_run),
               f"{ig_run.cpu / eco1.cpu:.2f}x" if ig_run.ok and eco1 and eco1.ok else "-"]
    return row, extra, cpu_row, failed


# ---------------------------------------------------------------------------------------------
# Mode 2: every command on the bundled graph, against the 20 ms target.

# report rewrites nothing when the bundle is current: the warm-up runs write it once.
REPORT_DIR = os.path.join(tempfile.gettempdir(), "ecograph-bench-report")


def bundled_commands(ecograph):
    g = str(BUNDLED)
    cmds = [("validate", [ecograph, "validate", g]),
            ("stats", [ecograph, "stats", g]),
            ("show alibaba-cloud", [ecograph, "show", g, "alibaba-cloud"])]
    for m in ("degree", "betweenness", "closeness", "harmonic", "pagerank", "katz", "kcore"):
        cmds.append((f"centrality {m}", [ecograph, "centrality", g, "--measure", m]))
    # The bundled graph is acyclic, where eigenvector centrality is undefined: undirected.
    cmds.append(("centrality eigenvector --undirected",
                 [ecograph, "centrality", g, "--measure", "eigenvector", "--undirected"]))
    cmds += [("export dot", [ecograph, "export", g, "-f", "dot"]),
             ("export svg", [ecograph, "export", g, "-f", "svg"]),
             ("export mermaid", [ecograph, "export", g, "-f", "mermaid"]),
             ("schema", [ecograph, "schema"]),
             ("brokerage --group-by region", [ecograph, "brokerage", g, "--group-by", "region"]),
             ("reach alibaba-cloud", [ecograph, "reach", g, "alibaba-cloud"]),
             ("path alex-li india", [ecograph, "path", g, "alex-li", "india"]),
             ("neighborhood infosys", [ecograph, "neighborhood", g, "infosys"]),
             ("resilience", [ecograph, "resilience", g]),
             ("impact --remove alibaba-cloud",
              [ecograph, "impact", g, "--remove", "alibaba-cloud"]),
             ("convert to GraphML", [ecograph, "convert", g, "-o", "/dev/null", "--to", "graphml"]),
             ("report (unchanged bundle)", [ecograph, "report", g, "--out", REPORT_DIR])]
    return cmds


def bundled(args):
    cmds = bundled_commands(args.ecograph)
    hyperfine = shutil.which("hyperfine")
    log(f"load average {loadavg()}; timing {len(cmds)} commands on {BUNDLED.name}, {args.runs} runs each, with "
        f"{'hyperfine' if hyperfine else 'perf_counter (hyperfine not installed)'}")
    rows, over = [], 0
    for label, cmd in cmds:
        probe = run_once(cmd, args.timeout)          # also the peak RSS
        if not probe.ok:
            rows.append([f"`{label}`", f"failed ({probe.returncode})", "-", "-", "-", "-"])
            over += 1
            continue
        times = time_hyperfine(hyperfine, cmd, args.runs) if hyperfine else \
            time_perf_counter(cmd, args.runs)
        med = statistics.median(times) * 1000
        rows.append([f"`{label}`", f"{med:.1f}", f"{min(times) * 1000:.1f}",
                     f"{max(times) * 1000:.1f}", fmt_mb(probe),
                     "yes" if med < TARGET_MS else "**no**"])
        over += med >= TARGET_MS
    header = ["command", "median ms", "min ms", "max ms", "peak RSS", f"< {TARGET_MS:g} ms"]
    tool = "hyperfine (-N, 3 warm-up runs)" if hyperfine else "perf_counter (2 warm-up runs)"
    text = (f"{markdown(header, rows)}\n\n{args.runs} runs of each command with {tool}, output "
            f"discarded; {len(cmds) - over} of {len(cmds)} under {TARGET_MS:g} ms. "
            f"Load average at the end: {loadavg()}.\n")
    print(text)
    if args.out:
        Path(args.out).write_text(text)
    return 0


def time_hyperfine(hyperfine, cmd, runs):
    with tempfile.NamedTemporaryFile(suffix=".json") as js:
        subprocess.run([hyperfine, "-N", "--warmup", "3", "--runs", str(runs), "--style", "none",
                        "--export-json", js.name, " ".join(map(str, cmd))],
                       check=True, stdout=subprocess.DEVNULL)
        return json.load(open(js.name))["results"][0]["times"]


def time_perf_counter(cmd, runs):
    times = []
    for i in range(runs + 2):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if i >= 2:
            times.append(time.perf_counter() - start)
    return times


# ---------------------------------------------------------------------------------------------
# Mode 3: loading a typed CSV (ecograph validate) against the peers' plain edge-list readers.

IGRAPH_LOAD_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
import igraph as ig
t1 = time.perf_counter()
g = ig.Graph.Read_Edgelist(sys.argv[1], directed=True)
t2 = time.perf_counter()
print(json.dumps({"n": g.vcount(), "m": g.ecount(), "import_s": t1 - t0, "load_s": t2 - t1}))
"""

# --load-csv --pagerank: read the edge list, then PageRank (directed, damping 0.85, PRPACK);
# the top 5 by id (vertex i is the i-th id of the entities file) for the agreement check.
IGRAPH_PAGERANK_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
import igraph as ig
t1 = time.perf_counter()
g = ig.Graph.Read_Edgelist(sys.argv[1], directed=True)
t2 = time.perf_counter()
values = g.pagerank(damping=0.85)
t3 = time.perf_counter()
top = sorted(range(len(values)), key=lambda i: -values[i])[:5]
with open(sys.argv[2]) as f:
    next(f)
    ids = [line.split(",", 1)[0] for line in f]
index = {ident: i for i, ident in enumerate(ids)}
check = {c: values[index[c]] for c in sys.argv[3].split(",") if c in index}
print(json.dumps({"n": g.vcount(), "m": g.ecount(), "import_s": t1 - t0, "load_s": t2 - t1,
                  "compute_s": t3 - t2, "top": [[ids[i], values[i]] for i in top],
                  "check": check}))
"""

NETWORKX_LOAD_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
import networkx as nx
t1 = time.perf_counter()
G = nx.read_edgelist(sys.argv[1], nodetype=int, create_using=nx.DiGraph)
t2 = time.perf_counter()
print(json.dumps({"n": G.number_of_nodes(), "m": G.number_of_edges(), "import_s": t1 - t0,
                  "load_s": t2 - t1}))
"""


def generate_csv(entities, relations, seed, workdir):
    """Write eco-entities.csv and eco-relations.csv (the generator's --csv output) and
    eco-csv.edges ("i j" per relation, entity indices in first-seen order: the entities file,
    then new ids of the relations file, target first as ecograph numbers them). Files already
    in workdir (--keep) are reused."""
    prefix = workdir / "eco"
    ents, rels = workdir / "eco-entities.csv", workdir / "eco-relations.csv"
    edges = workdir / "eco-csv.edges"
    if not (ents.exists() and rels.exists()):
        subprocess.run([sys.executable, str(GENERATOR), "--entities", str(entities),
                        "--relations", str(relations), "--seed", str(seed), "--csv",
                        str(prefix)], check=True, stdout=subprocess.DEVNULL)
    if not edges.exists():
        index = {}
        with open(ents) as f:
            next(f)
            for line in f:
                ident = line.split(",", 1)[0]
                if ident and ident not in index:
                    index[ident] = len(index)
        with open(rels) as src, open(str(edges) + ".tmp", "w") as out:
            next(src)
            for line in src:
                cells = line.rstrip("\r\n").split(",")
                if len(cells) < 2:
                    continue
                s, t = cells[0], cells[1]
                if t not in index:
                    index[t] = len(index)
                if s not in index:
                    index[s] = len(index)
                out.write(f"{index[s]} {index[t]}\n")
        os.replace(str(edges) + ".tmp", edges)
    return ents, rels, edges


def load_csv(args):
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ecograph-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        log(f"load average {loadavg()}")
        ents, rels, edges = generate_csv(args.entities, args.relations, args.seed, workdir)
        size = f"{human(args.entities)}/{human(args.relations)}"
        mb = (ents.stat().st_size + rels.stat().st_size) / 1e6
        log(f"inputs ready in {time.perf_counter() - t:.1f} s: {ents}, {rels} ({mb:.0f} MB), "
            f"{edges} ({edges.stat().st_size / 1e6:.0f} MB)")

        if args.pagerank:
            job = ["centrality", ents, rels, "--measure", "pagerank", "--top", "5", "-f", "csv"]
            eco_name = "ecograph centrality --measure pagerank (typed CSV, validated)"
            ig_name = "igraph Read_Edgelist + pagerank (integer edge list)"
        else:
            job = ["validate", ents, rels]
            eco_name = "ecograph validate (typed CSV, validated)"
            ig_name = "igraph Read_Edgelist (integer edge list)"
        log(f"ecograph {job[0]}")
        eco = run_best([args.ecograph, *job], args.timeout, args.repeat)
        if not eco.ok:
            log(f"  ecograph failed: {eco.stderr.strip()[-500:] or 'timeout'}")

        def peer(name, script, timeout, *extra):
            log(name)
            r = run_best([args.python, "-c", script, edges, *extra], timeout, args.repeat)
            res = json.loads(r.stdout) if r.ok else None
            if not r.ok and not r.timed_out:
                log(f"  {name} failed: {r.stderr.strip()[-500:]}")
            return r, res

        verdict = ""
        if args.pagerank:
            top = ecograph_top(eco.stdout) if eco.ok else []
            ig_run, ig_res = peer(ig_name, IGRAPH_PAGERANK_SCRIPT, args.timeout, ents,
                                  ",".join(i for i, _ in top) or "-")
            _, verdict = check_top(top, ig_res)
            verdict = f"\nTop 5 ecograph vs igraph: {verdict}.\n"
        else:
            ig_run, ig_res = peer(ig_name, IGRAPH_LOAD_SCRIPT, args.timeout)
        nx_run = nx_res = None
        if not args.skip_networkx and not args.pagerank:
            nx_run, nx_res = peer("NetworkX read_edgelist", NETWORKX_LOAD_SCRIPT,
                                  args.networkx_timeout)

        def ratio_mb(peer_run):
            if peer_run is None or not peer_run.ok or not eco.ok or not eco.rss_kb:
                return "-"
            return f"{peer_run.rss_kb / eco.rss_kb:.2f}x"

        rows = [[eco_name, size, fmt_time(eco), fmt_cpu(eco), fmt_mb(eco), "1x", "1x"],
                [ig_name, size, fmt_time(ig_run), fmt_cpu(ig_run), fmt_mb(ig_run),
                 fmt_ratio(ig_run, eco), ratio_mb(ig_run)]]
        if args.pagerank:
            pass
        elif args.skip_networkx:
            rows.append(["NetworkX read_edgelist (DiGraph)", size, "skipped", "-", "-", "-", "-"])
        else:
            rows.append(["NetworkX read_edgelist (DiGraph)", size,
                         fmt_time(nx_run, args.networkx_timeout), fmt_cpu(nx_run),
                         fmt_mb(nx_run), fmt_ratio(nx_run, eco, args.networkx_timeout),
                         ratio_mb(nx_run)])
        header = ["job", "size", "wall", "CPU", "peak RSS", "time / ecograph", "RSS / ecograph"]
        inside = [[name, f"{res['import_s']:.3f} s", f"{res['load_s']:.3f} s",
                   f"{res['compute_s']:.3f} s" if "compute_s" in res else "-",
                   f"{res['n']} / {res['m']}"]
                  for name, res in (("igraph", ig_res), ("NetworkX", nx_res)) if res]
        text = (f"{markdown(header, rows)}\n\nWall clock of the whole job (best of "
                f"{args.repeat}, peak RSS the largest seen), Python start and import included "
                f"for the peers. Load average at the end: {loadavg()}.\n{verdict}")
        if inside:
            text += ("\nInside the peers' processes:\n\n" +
                     markdown(["peer", "import", "read", "compute", "vertices / edges"],
                              inside) + "\n")
        print(text)
        if args.out:
            Path(args.out).write_text(text)
        return 0 if eco.ok and ig_run.ok and "failed" not in verdict else 1
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


# ---------------------------------------------------------------------------------------------

def loadavg():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def log(message):
    print(message, file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("Examples:")[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=10000, help="entities (default 10000)")
    ap.add_argument("--relations", type=int, default=50000, help="relations (default 50000)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    ap.add_argument("--measures", default=",".join(MEASURES),
                    help=f"comma list (default {','.join(MEASURES)})")
    ap.add_argument("--repeat", type=int, default=1, help="best of R runs (default 1)")
    ap.add_argument("--threads", type=int, default=0,
                    help="ecograph threads for the main column (default: all cores)")
    ap.add_argument("--igraph-threads", type=int, default=0,
                    help="OMP_NUM_THREADS for igraph, whose PageRank (PRPACK) uses OpenMP "
                         "(default: unset, igraph's default of all cores)")
    ap.add_argument("--timeout", type=float, default=1800,
                    help="seconds before ecograph or igraph is stopped (default 1800)")
    ap.add_argument("--networkx-timeout", type=float, default=600,
                    help="seconds before NetworkX is stopped and reported as a timeout "
                         "(default 600)")
    ap.add_argument("--input", choices=["csv", "dot"], default="csv",
                    help="what ecograph reads: the typed CSV written by `ecograph convert` "
                         "(default; its cheapest input, as the edge list is the peers') or the "
                         "DOT")
    ap.add_argument("--skip-networkx", action="store_true", help="do not run NetworkX")
    ap.add_argument("--out", metavar="FILE", help="also write the table(s) as Markdown to FILE")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep the files")
    ap.add_argument("--ecograph", default=str(REPO / "build" / "ecograph"),
                    help="the binary (default build/ecograph)")
    ap.add_argument("--python", default="/usr/bin/python3",
                    help="python with igraph and networkx for the peers (default /usr/bin/python3)")
    ap.add_argument("--bundled", action="store_true",
                    help="time every ecograph command on graphs/alibaba-cloud.gv instead")
    ap.add_argument("--runs", type=int, default=20, help="--bundled: runs per command (default 20)")
    ap.add_argument("--load-csv", action="store_true",
                    help="time loading the generated typed CSV (ecograph validate) against "
                         "igraph's and NetworkX's edge-list readers instead")
    ap.add_argument("--pagerank", action="store_true",
                    help="with --load-csv: time PageRank from the typed CSV (ecograph "
                         "centrality) against igraph's Read_Edgelist + pagerank, and check "
                         "their top 5")
    args = ap.parse_args()
    if not Path(TIME).exists():
        sys.exit(f"compare.py: {TIME} is missing (apt-get install -y time)")
    if not Path(args.ecograph).exists():
        sys.exit(f"compare.py: {args.ecograph} not found (cmake --build build)")
    if args.repeat < 1 or args.runs < 1:
        sys.exit("compare.py: --repeat and --runs must be at least 1")
    if args.bundled:
        sys.exit(bundled(args))
    sys.exit(load_csv(args) if args.load_csv else compare(args))


if __name__ == "__main__":
    main()
