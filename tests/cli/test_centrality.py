#!/usr/bin/env python3
"""End-to-end tests of `ecograph centrality` (docs/centrality.md).

Usage (from the repository root; standard library only):

    python3 tests/cli/test_centrality.py /path/to/ecograph [unittest options]

What is covered:
  FixtureValuesTest  values through the CLI against the NetworkX/igraph fixtures in
                     tests/fixtures/centrality: betweenness (karate), PageRank (random_directed),
                     closeness (random_disconnected), k-core (davis), edge betweenness
                     (florentine, keys "u--v"), and a --via case of the bundled graph.
  RankingTest        value descending, ties by id ascending; --top N; --types (subtypes
                     included); did-you-mean for unknown --types and --via (exit 2); --via keeps
                     every entity.
  FormatTest         ECOGRAPH_TIMING's phase lines; table, csv, markdown and json shapes; the formats agree; identical bytes on
                     two runs and on --threads 1 / 2; no progress when stderr is not a terminal,
                     a cleared progress line when it is.
  ErrorTest          --edges without betweenness, unknown --personalize id, unknown --measure,
                     non-numeric / non-positive --weight, Katz alpha too large; nothing written
                     to -o FILE on failure.
  InterruptTest      SIGINT during a long betweenness run (exit 130, "interrupted", no output
                     file, no temporary file) and during loading.
"""

import csv as csvmod
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import harness
from harness import BUNDLED, GENERATOR, REPO_ROOT, TIMEOUT, ClassTempDir, Result, cached, run

harness.binary_from_argv("test_centrality.py")

FIXTURES = os.path.join(REPO_ROOT, "tests", "fixtures", "centrality")
GRAPHS = "tests/fixtures/graphs"
MEASURES = ["degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "katz",
            "kcore"]
FORMATS = ["table", "csv", "markdown", "json"]


def load_fixture(name):
    with open(os.path.join(FIXTURES, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def find_case(fixture, measure, **options):
    """The one case of `measure` whose options include `options` (ecograph's convention)."""
    found = [c for c in fixture["cases"]
             if c["measure"] == measure and c.get("ecograph_follows", True) is not False and
             all(c["options"].get(k) == v for k, v in options.items())]
    if len(found) != 1:
        raise AssertionError(f"{len(found)} fixture cases match {measure} {options}")
    return found[0]


def case_args(fixture, case):
    """The command line that computes a fixture case."""
    m, o = case["measure"], case["options"]
    args = ["centrality", fixture["graph"], "--measure", m, "-f", "json"]
    if o.get("normalized") and m in ("degree", "betweenness", "harmonic"):
        args.append("--normalized")
    if o.get("undirected"):
        args.append("--undirected")
    if o.get("weight"):
        args += ["--weight", o["weight"]]
    if o.get("via"):
        args += ["--via", ",".join(o["via"])]
    if m == "degree":
        args += ["--mode", o["mode"]]
    if o.get("edges"):
        args.append("--edges")
    if m == "closeness" and not o["wf_improved"]:
        args.append("--no-wf-improved")
    if m == "pagerank":
        args += ["--damping", repr(o["damping"])]
        if o.get("personalize"):
            args += ["--personalize", ",".join(o["personalize"])]
    if m == "katz":
        args += ["--alpha", repr(o["alpha"])]
    return args


def sort_key(row):
    return (-row["value"], row["id"])


def company_types():
    """Company and every type that descends from it, from `ecograph schema -f json`."""
    r = cached("schema", "-f", "json")
    assert r.status == 0, r.describe()
    parent = {t["name"]: t.get("parent") for t in json.loads(r.out)["entity_types"]}

    def is_company(t):
        while t:
            if t == "Company":
                return True
            t = parent.get(t)
        return False

    return {t for t in parent if is_company(t)}


def generate_ecosystem(path, entities, relations, seed):
    """Writes a synthetic ecosystem with tools/bench/gen_ecosystem.py; False if that fails."""
    try:
        with open(path, "wb") as f:
            p = subprocess.run([sys.executable, GENERATOR, "--entities", str(entities),
                                "--relations", str(relations), "--seed", str(seed)],
                               stdout=f, stderr=subprocess.PIPE, timeout=60)
        return p.returncode == 0 and os.path.getsize(path) > 0
    except (OSError, subprocess.SubprocessError):
        return False


class CliTestCase(harness.CliTestCase):
    def ok_json(self, *args):
        r = cached(*[str(a) for a in args])
        self.assertStatus(r, 0)
        return self.json_of(r)

    def assertValuesMatch(self, got, case, what):
        expected = case["values"]
        self.assertEqual(sorted(got), sorted(expected), f"{what}: not the same keys")
        worst = max((abs(got[k] - expected[k]), k) for k in expected)
        self.assertLessEqual(
            worst[0], case["tolerance"],
            f"{what}: {worst[1]} is {got[worst[1]]}, reference {expected[worst[1]]} "
            f"({case['reference']}; {case['note']})")

    def assertRanked(self, results, what):
        """Ranks 1..N, values descending, ties by id ascending."""
        self.assertEqual([r["rank"] for r in results], list(range(1, len(results) + 1)), what)
        self.assertEqual([r["id"] for r in results],
                         [r["id"] for r in sorted(results, key=sort_key)],
                         f"{what}: not sorted by value descending, then id ascending")


# --------------------------------------------------------------------------------------------
# 1. Values against the NetworkX / igraph fixtures


class FixtureValuesTest(CliTestCase):
    def check_entity_case(self, name, measure, **options):
        fixture = load_fixture(name)
        case = find_case(fixture, measure, **options)
        args = case_args(fixture, case)
        j = self.ok_json(*args)
        self.assertEqual(j["measure"], measure)
        self.assertEqual(j["graph"]["entities"], fixture["entities"])
        self.assertEqual(j["graph"]["relations"], fixture["relations"])
        got = {r["id"]: r["value"] for r in j["results"]}
        self.assertEqual(len(got), len(j["results"]), "an entity appears twice")
        self.assertValuesMatch(got, case, " ".join(args))
        self.assertRanked(j["results"], " ".join(args))

    def test_karate_betweenness_normalized(self):
        self.check_entity_case("karate", "betweenness", normalized=True, edges=False,
                               weight=None, undirected=False)

    def test_random_directed_pagerank(self):
        for weight in (None, "weight"):
            for personalize in (None, ["0", "23"]):
                with self.subTest(weight=weight, personalize=personalize):
                    self.check_entity_case("random_directed", "pagerank", weight=weight,
                                           personalize=personalize, damping=0.85)

    def test_random_disconnected_closeness(self):
        for weight in (None, "weight"):
            for wf in (True, False):
                with self.subTest(weight=weight, wf_improved=wf):
                    self.check_entity_case("random_disconnected", "closeness", weight=weight,
                                           wf_improved=wf, undirected=False)

    def test_davis_kcore(self):
        self.check_entity_case("davis", "kcore")

    def test_bundled_via_betweenness(self):
        via = ["operates_in", "located_in", "part_of"]
        self.check_entity_case("bundled", "betweenness", via=via, undirected=True,
                               normalized=True, edges=False)

    def test_florentine_edge_betweenness(self):
        fixture = load_fixture("florentine")
        for normalized in (False, True):
            with self.subTest(normalized=normalized):
                case = find_case(fixture, "betweenness", edges=True, normalized=normalized,
                                 weight=None)
                args = case_args(fixture, case)
                j = self.ok_json(*args)
                self.assertEqual(j["measure"], "edge_betweenness")
                got = {}
                for r in j["results"]:
                    self.assertEqual(
                        set(r), {"rank", "source", "target", "source_name", "target_name",
                                 "value"}, r)
                    key = "--".join(sorted((r["source"], r["target"])))
                    self.assertNotIn(key, got, "an edge appears twice")
                    got[key] = r["value"]
                self.assertValuesMatch(got, case, " ".join(args))
                values = [r["value"] for r in j["results"]]
                self.assertEqual(values, sorted(values, reverse=True))
                self.assertEqual([r["rank"] for r in j["results"]],
                                 list(range(1, len(values) + 1)))


# --------------------------------------------------------------------------------------------
# 2. Ranking and the type-aware options

TIES_DOT = """graph ties {
  hub -- b; hub -- a; hub -- Zed; hub -- "10"; hub -- "9";
  b -- a; Zed -- "10"; "9" -- lone2;
  lone1;
}
"""


class RankingTest(ClassTempDir, CliTestCase):
    tmp_prefix = "ecograph-centrality-"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ties = os.path.join(cls.tmp, "ties.gv")
        with open(cls.ties, "w", encoding="utf-8") as f:
            f.write(TIES_DOT)

    def test_ties_broken_by_id(self):
        # degrees: hub 5; a, b, Zed, 10, 9: 2; lone2: 1; lone1: 0
        r = run(["centrality", self.ties, "--measure", "degree", "-f", "json"])
        self.assertStatus(r, 0)
        ids = [x["id"] for x in self.json_of(r)["results"]]
        self.assertEqual(ids, ["hub", "10", "9", "Zed", "a", "b", "lone2", "lone1"])
        # --top cutting through a tie keeps the smallest ids
        r = run(["centrality", self.ties, "--measure", "degree", "--top", "3", "-f", "csv"])
        self.assertStatus(r, 0)
        self.assertEqual([line.split(",")[1] for line in r.stdout.splitlines()[1:]],
                         ["hub", "10", "9"])

    def test_every_measure_is_sorted(self):
        for measure in MEASURES:
            extra = ["--undirected"] if measure == "eigenvector" else []
            with self.subTest(measure=measure):
                j = self.ok_json("centrality", BUNDLED, "--measure", measure, "-f", "json",
                                 *extra)
                self.assertEqual(len(j["results"]), j["graph"]["entities"])
                self.assertRanked(j["results"], measure)

    def test_top_n(self):
        full = self.ok_json("centrality", BUNDLED, "--measure", "pagerank", "-f", "json")
        for n in (1, 5, 26, 100):
            with self.subTest(top=n):
                j = self.ok_json("centrality", BUNDLED, "--measure", "pagerank", "--top", n,
                                 "-f", "json")
                self.assertEqual(len(j["results"]), min(n, 26))
                self.assertEqual(j["parameters"]["top"], n)
                self.assertEqual(j["results"], full["results"][:n])
        j = self.ok_json("centrality", BUNDLED, "--measure", "betweenness", "--edges", "--top",
                         "3", "-f", "json")
        self.assertEqual(len(j["results"]), 3)

    def test_types_company_keeps_company_subtypes(self):
        companies = company_types()
        self.assertTrue({"Company", "CloudProvider", "SI", "Group"} <= companies, companies)
        full = self.ok_json("centrality", BUNDLED, "--measure", "degree", "-f", "json")
        j = self.ok_json("centrality", BUNDLED, "--measure", "degree", "--types", "Company",
                         "-f", "json")
        self.assertEqual(j["parameters"]["types"], ["Company"])
        types = {r["type"] for r in j["results"]}
        self.assertTrue(j["results"])
        self.assertLessEqual(types, companies)
        self.assertTrue({"CloudProvider", "SI", "Group"} <= types, types)
        expected = [r["id"] for r in full["results"] if r["type"] in companies]
        self.assertEqual([r["id"] for r in j["results"]], expected)
        # values are those of the whole graph, ranks restart at 1
        values = {r["id"]: r["value"] for r in full["results"]}
        for r in j["results"]:
            self.assertEqual(r["value"], values[r["id"]])
        self.assertRanked(j["results"], "--types Company")
        # several types, one of them a leaf
        j = self.ok_json("centrality", BUNDLED, "--measure", "degree", "--types", "SI,Region",
                         "-f", "json")
        self.assertEqual({r["type"] for r in j["results"]}, {"SI", "Region"})

    def test_types_unknown_suggests(self):
        r = cached("centrality", BUNDLED, "--measure", "degree", "--types", "Compnay")
        self.assertStatus(r, 2)
        self.assertIn("Compnay", r.stderr)
        self.assertIn("did you mean 'Company'", r.stderr)
        self.assertEqual(r.out, b"")

    def test_via_unknown_suggests_for_every_measure(self):
        for measure in MEASURES:
            with self.subTest(measure=measure):
                r = cached("centrality", BUNDLED, "--measure", measure, "--via",
                           "located_in,partners_wth")
                self.assertStatus(r, 2)
                self.assertIn("partners_wth", r.stderr)
                self.assertIn("did you mean 'partners_with'", r.stderr)
                self.assertEqual(r.out, b"")

    def test_via_keeps_every_entity(self):
        full = self.ok_json("centrality", BUNDLED, "--measure", "degree", "-f", "json")
        j = self.ok_json("centrality", BUNDLED, "--measure", "degree", "--via", "partners_with",
                         "-f", "json")
        self.assertEqual(j["parameters"]["via"], ["partners_with"])
        self.assertEqual(sorted(r["id"] for r in j["results"]),
                         sorted(r["id"] for r in full["results"]))
        nonzero = {r["id"]: r["value"] for r in j["results"] if r["value"] != 0}
        self.assertEqual(nonzero, {"alibaba-cloud": 1.0, "infosys": 1.0})


# --------------------------------------------------------------------------------------------
# 3. Formats, determinism, threads, progress

LESMIS = f"{GRAPHS}/lesmis.gv"


class FormatTest(CliTestCase):
    def test_timing_names_each_phase_in_order(self):
        """ECOGRAPH_TIMING=1: one stderr line per phase, times non-decreasing, then the
        load / after-load summary; stdout is unchanged."""
        args = ["centrality", BUNDLED, "--measure", "pagerank", "--top", "3", "-f", "csv"]
        p = subprocess.run([harness.ECOGRAPH, *args], cwd=REPO_ROOT,
                           env=dict(harness.ENV, ECOGRAPH_TIMING="1"), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, cached(*args).out)
        lines = p.stderr.decode().splitlines()
        phases = [re.fullmatch(r"ecograph: timing: +([\d.]+) ms  (.+)", line) for line in lines[:-1]]
        self.assertTrue(all(phases), lines)
        self.assertEqual([m.group(2) for m in phases],
                         ["start", f"read {BUNDLED}", "built the graph", "validated",
                          "built the analysis view", "computed pagerank"])
        times = [float(m.group(1)) for m in phases]
        self.assertEqual(times, sorted(times))
        self.assertRegex(lines[-1], r"^ecograph: timing: load [\d.]+ ms, after load [\d.]+ ms$")
        self.assertEqual(cached(*args).err, b"")  # nothing without the variable

    def test_formats(self):
        base = ("centrality", BUNDLED, "--measure", "harmonic", "--top", "5")
        j = self.ok_json(*base, "-f", "json")
        self.assertEqual(list(j), ["measure", "parameters", "convention", "graph", "results"])
        self.assertEqual(j["measure"], "harmonic")
        self.assertEqual(j["graph"], {"files": [BUNDLED], "entities": 26, "relations": 37})
        for key in ("directed", "normalized", "weight", "via", "types", "top"):
            self.assertIn(key, j["parameters"])
        self.assertIn("harmonic", j["convention"])
        for r in j["results"]:
            self.assertEqual(list(r), ["rank", "id", "name", "type", "value"])
        ids = [r["id"] for r in j["results"]]

        csv = cached(*base, "-f", "csv")
        self.assertStatus(csv, 0)
        self.assertEqual(csv.stdout.splitlines()[0], "rank,id,name,type,value")
        rows = list(csvmod.reader(io.StringIO(csv.stdout)))
        self.assertEqual(len(rows), 6)
        for row, r in zip(rows[1:], j["results"]):
            self.assertEqual(row[:4], [str(r["rank"]), r["id"], r["name"], r["type"]])
            self.assertEqual(float(row[4]), r["value"])  # shortest round-trip form

        table = cached(*base)
        self.assertStatus(table, 0)
        tl = table.stdout.splitlines()
        self.assertTrue(tl[0].startswith("harmonic ("), tl[0])
        self.assertEqual(tl[1].split(), ["rank", "id", "name", "type", "value"])
        self.assertEqual([line.split()[1] for line in tl[3:]], ids)

        md = cached(*base, "-f", "markdown")
        self.assertStatus(md, 0)
        rows = [line for line in md.stdout.splitlines() if line.startswith("|")]
        self.assertEqual([c.strip() for c in rows[0].strip("|").split("|")],
                         ["rank", "id", "name", "type", "value"])
        self.assertEqual([c.strip() for c in rows[2].strip("|").split("|")][1], ids[0])
        self.assertEqual(len(rows), 2 + 5)

    def test_edge_formats(self):
        base = ("centrality", BUNDLED, "--measure", "betweenness", "--edges", "--top", "3")
        csv = cached(*base, "-f", "csv")
        self.assertStatus(csv, 0)
        self.assertEqual(csv.stdout.splitlines()[0], "rank,source,target,value")
        self.assertEqual(csv.stdout.splitlines()[1], "1,alex-li,alibaba-cloud,24")
        j = self.ok_json(*base, "-f", "json")
        self.assertEqual(j["measure"], "edge_betweenness")
        self.assertEqual(j["results"][0]["source"], "alex-li")
        self.assertEqual(j["results"][0]["target_name"], "Alibaba Cloud")

    def test_every_output_is_deterministic(self):
        # every measure in JSON (full precision); every format for two measures and edges
        commands = [("centrality", BUNDLED, "--measure", m, "-f", "json")
                    + (("--undirected",) if m == "eigenvector" else ()) for m in MEASURES]
        commands += [("centrality", BUNDLED, "--measure", m, "-f", f)
                     for m in ("betweenness", "pagerank") for f in FORMATS if f != "json"]
        commands += [("centrality", BUNDLED, "--measure", "betweenness", "--edges", "-f", f)
                     for f in FORMATS]
        for args in commands:
            with self.subTest(command=" ".join(args)):
                first = cached(*args)
                self.assertStatus(first, 0)
                self.assertGreater(len(first.out), 0)
                second = run(list(args))
                self.assertStatus(second, 0)
                self.assertEqual(first.out, second.out, "two runs differ")

    def test_thread_count_does_not_change_a_byte(self):
        for measure in ("betweenness", "closeness", "harmonic", "pagerank"):
            with self.subTest(measure=measure):
                outs = []
                for threads in ("1", "2"):
                    r = run(["centrality", LESMIS, "--measure", measure, "--weight", "weight",
                             "--threads", threads, "-f", "json"])
                    self.assertStatus(r, 0)
                    outs.append(r.out)
                self.assertEqual(outs[0], outs[1], "--threads 1 and --threads 2 differ")
        r = run(["centrality", LESMIS, "--measure", "betweenness", "--edges", "--threads", "2",
                 "-f", "json"])
        self.assertStatus(r, 0)
        self.assertEqual(r.out, run(["centrality", LESMIS, "--measure", "betweenness",
                                     "--edges", "--threads", "1", "-f", "json"]).out)

    def test_no_progress_when_stderr_is_not_a_terminal(self):
        for measure in ("betweenness", "closeness", "harmonic", "pagerank"):
            with self.subTest(measure=measure):
                r = cached("centrality", LESMIS, "--measure", measure, "-f", "json")
                self.assertStatus(r, 0)
                self.assertEqual(r.err, b"")

    @unittest.skipUnless(sys.platform.startswith("linux"), "needs a Linux pseudo-terminal")
    def test_progress_line_is_cleared_on_a_terminal(self):
        import pty
        for measure in ("betweenness", "closeness", "harmonic", "pagerank"):
            with self.subTest(measure=measure):
                master, slave = pty.openpty()
                chunks = []

                def drain():  # read the terminal while the command runs: it must never block
                    while True:
                        try:
                            chunk = os.read(master, 65536)
                        except OSError:  # EIO: the command has exited
                            return
                        if not chunk:
                            return
                        chunks.append(chunk)

                reader = threading.Thread(target=drain, daemon=True)
                reader.start()
                try:
                    p = subprocess.Popen(
                        [harness.ECOGRAPH, "centrality", LESMIS, "--measure", measure, "-f", "csv"],
                        cwd=REPO_ROOT, env=harness.ENV, stdin=subprocess.DEVNULL,
                        stdout=subprocess.PIPE, stderr=slave)
                finally:
                    os.close(slave)
                out, _ = p.communicate(timeout=TIMEOUT)
                reader.join(timeout=TIMEOUT)
                os.close(master)
                err = b"".join(chunks)
                self.assertEqual(p.returncode, 0, err)
                self.assertTrue(out.startswith(b"rank,id,name,type,value"))
                if err:  # whatever was shown, the line must be left clean for the output
                    self.assertTrue(err.startswith(b"\r") or err.startswith(measure.encode()),
                                    err[:80])
                    self.assertTrue(err.endswith(b"\r\x1b[K"),
                                    f"progress line not cleared: ...{err[-80:]!r}")

    @unittest.skipUnless(sys.platform.startswith("linux"), "needs a Linux pseudo-terminal")
    def test_progress_line_has_an_estimate(self):
        # Betweenness on 20,000 entities runs for seconds: after one, the line has an estimate.
        import pty
        with tempfile.TemporaryDirectory(prefix="ecograph-eta-") as tmp:
            graph = os.path.join(tmp, "g.gv")
            with open(graph, "w") as f:
                subprocess.run([sys.executable, harness.GENERATOR, "--entities", "20000",
                                "--relations", "60000", "--seed", "3"], stdout=f, check=True)
            master, slave = pty.openpty()
            p = subprocess.Popen([harness.ECOGRAPH, "centrality", graph, "--measure",
                                  "betweenness", "--threads", "1"],
                                 env=harness.ENV, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=slave)
            os.close(slave)
            seen = b""
            deadline = time.monotonic() + 120
            try:
                while b" left" not in seen and time.monotonic() < deadline:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    seen += chunk
            finally:
                p.kill()
                p.wait()
                os.close(master)
            last = seen.split(b"\r\x1b[K")[-1].decode()
            self.assertRegex(last, r"^betweenness: \d+/20000 \(\d+%\), \d+ s, about "
                                   r"(\d+ s|\d+ min \d\d s|\d+ h \d\d min) left")


# --------------------------------------------------------------------------------------------
# 4. Errors

KARATE = f"{GRAPHS}/karate.gv"


class ErrorTest(ClassTempDir, CliTestCase):
    tmp_prefix = "ecograph-centrality-"

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_edges_needs_betweenness(self):
        for measure in ("pagerank", "closeness", "degree"):
            with self.subTest(measure=measure):
                r = run(["centrality", BUNDLED, "--measure", measure, "--edges"])
                self.assertStatus(r, 2)
                self.assertIn("--edges", r.stderr)

    def test_unknown_personalize_id_suggests(self):
        r = run(["centrality", BUNDLED, "--measure", "pagerank", "--personalize",
                 "infosys,alibaba-clod"])
        self.assertStatus(r, 1)
        self.assertIn("alibaba-clod", r.stderr)
        self.assertIn("did you mean 'alibaba-cloud'", r.stderr)
        self.assertEqual(r.out, b"")

    def test_unknown_measure(self):
        r = run(["centrality", BUNDLED, "--measure", "closenes"])
        self.assertStatus(r, 2)
        self.assertIn("closenes", r.stderr)
        r = run(["centrality", BUNDLED])
        self.assertStatus(r, 2)
        self.assertIn("--measure", r.stderr)

    def test_non_numeric_weight_names_the_relation(self):
        g = self.write("text-weight.gv",
                       'digraph g {\n  a -> b [weight="heavy"];\n  b -> c [weight=2];\n}\n')
        for measure in MEASURES:
            with self.subTest(measure=measure):
                r = run(["centrality", g, "--measure", measure, "--weight", "weight"])
                self.assertStatus(r, 1)
                self.assertIn("a -> b", r.stderr)
                self.assertIn("heavy", r.stderr)
                self.assertIn("not a number", r.stderr)
        r = run(["centrality", BUNDLED, "--measure", "pagerank", "--weight", "source"])
        self.assertStatus(r, 1)
        self.assertIn("source=", r.stderr)
        self.assertIn("not a number", r.stderr)

    def test_lengths_must_be_positive(self):
        for weight in ("0", "-1"):
            g = self.write(f"w{weight}.gv", "digraph g {\n  a -> b [weight=%s];\n"
                                            "  b -> c [weight=2];\n}\n" % weight)
            for measure in ("betweenness", "closeness", "harmonic"):
                with self.subTest(weight=weight, measure=measure):
                    r = run(["centrality", g, "--measure", measure, "--weight", "weight"])
                    self.assertStatus(r, 1)
                    self.assertIn("must be positive", r.stderr)
                    self.assertIn("a -> b", r.stderr)
            with self.subTest(weight=weight, measure="degree"):  # a strength: any number
                r = run(["centrality", g, "--measure", "degree", "--weight", "weight", "-f",
                         "csv"])
                self.assertStatus(r, 0)

    def test_katz_alpha_too_large(self):
        out = os.path.join(self.tmp, "katz.json")
        r = run(["centrality", KARATE, "--measure", "katz", "--alpha", "1", "-o", out])
        self.assertStatus(r, 1)
        self.assertIn("alpha", r.stderr)
        self.assertIn("--alpha", r.stderr)
        self.assertFalse(os.path.exists(out), "a failed run wrote its output file")
        self.assertEqual([n for n in os.listdir(self.tmp) if n.startswith(".katz")], [])
        r = run(["centrality", KARATE, "--measure", "katz", "--alpha", "0.1", "--top", "1"])
        self.assertStatus(r, 0)

    def test_eigenvector_not_converging(self):
        r = run(["centrality", BUNDLED, "--measure", "eigenvector"])
        self.assertStatus(r, 1)
        self.assertIn("did not converge", r.stderr)

    def test_bad_damping(self):
        r = run(["centrality", BUNDLED, "--measure", "pagerank", "--damping", "1"])
        self.assertStatus(r, 2)
        self.assertIn("damping", r.stderr)


# --------------------------------------------------------------------------------------------
# 5. Ctrl-C


class InterruptTest(ClassTempDir, CliTestCase):
    tmp_prefix = "ecograph-centrality-"

    def interrupt(self, graph, args, delay):
        """Starts centrality, sends SIGINT after `delay` s; returns (Result, outdir, out)."""
        outdir = tempfile.mkdtemp(dir=self.tmp)
        out = os.path.join(outdir, "out.json")
        argv = ["centrality", graph] + args + ["-f", "json", "-o", out]
        p = subprocess.Popen([harness.ECOGRAPH] + argv, cwd=REPO_ROOT, env=harness.ENV,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        # On a loaded machine the process may take longer than `delay` to reach main(); wait
        # until it catches SIGINT (Linux: the SigCgt mask in /proc), then give it `delay`.
        harness.wait_until_catching(p, signal.SIGINT)
        time.sleep(delay)
        if p.poll() is not None:
            p.communicate()
            self.skipTest(f"finished in less than {delay} s: nothing to interrupt")
        p.send_signal(signal.SIGINT)
        try:
            stdout, stderr = p.communicate(timeout=TIMEOUT)
            status = p.returncode
        except subprocess.TimeoutExpired:
            p.kill()
            stdout, stderr = p.communicate()
            status = None
        return Result(argv, status, stdout, stderr), outdir, out

    def test_sigint_stops_betweenness(self):
        graph = os.path.join(self.tmp, "eco6000.gv")
        if not generate_ecosystem(graph, 6000, 30000, 3):
            self.skipTest("tools/bench/gen_ecosystem.py failed")
        r, outdir, out = self.interrupt(
            graph, ["--measure", "betweenness", "--undirected", "--threads", "1"], 1.0)
        self.assertStatus(r, 130)
        self.assertIn("interrupted", r.stderr)
        self.assertFalse(os.path.exists(out), "an interrupted run wrote its output file")
        self.assertEqual(os.listdir(outdir), [], "an interrupted run left a file behind")

    def test_sigint_while_loading(self):
        # Loading this graph takes about 0.4 s (release build; 3 s under AddressSanitizer);
        # k-core has no cancellation point of its own, so only an interrupt honoured during
        # loading stops it. Skipped when the run ends before the signal is due.
        graph = os.path.join(self.tmp, "eco8000.gv")
        if not generate_ecosystem(graph, 8000, 40000, 5):
            self.skipTest("tools/bench/gen_ecosystem.py failed")
        r, outdir, out = self.interrupt(graph, ["--measure", "kcore"], 0.15)
        self.assertStatus(r, 130)
        self.assertIn("interrupted", r.stderr)
        self.assertEqual(os.listdir(outdir), [], "an interrupted run left a file behind")


if __name__ == "__main__":
    unittest.main()
