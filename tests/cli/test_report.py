#!/usr/bin/env python3
"""`ecograph report` end to end (docs/report.md).

Usage: /usr/bin/python3 tests/cli/test_report.py /path/to/ecograph [unittest options]
(needs python3-networkx, as .ci/run installs it).

What is covered:
  ContentTest      the bundle of the bundled graph: the pages and data files, counts on the
                   overview, every entity's degree, betweenness, harmonic closeness and
                   PageRank in data/entities.csv against NetworkX on the same graph, the
                   articulation points against NetworkX, relative links that resolve.
  BundleTest       same input, same bytes; a second run rewrites nothing (time stamps kept);
                   pages a previous run wrote and the new one lacks are removed; a failed run
                   (invalid graph, unreadable input, a file where the directory should be)
                   leaves the previous bundle byte for byte and exits non-zero.
  LargeTest        a generated 5,000-entity ecosystem: the overview collapses to types and
                   every region page has a diagram.
"""

import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import harness
from harness import BUNDLED, REPO_ROOT, run

try:
    import networkx as nx
except ImportError as e:  # pragma: no cover - the CI installs it
    sys.exit(f"test_report.py needs python3-networkx: {e}")

GENERATOR = os.path.join(REPO_ROOT, "tools", "bench", "gen_ecosystem.py")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def snapshot(root):
    """Every file under root -> (bytes, mtime_ns)."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = (fh.read(), os.stat(p).st_mtime_ns)
    return out


class ReportCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ecograph-report-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def report(self, *args, out=None, expect=0, timeout=120):
        out = out or os.path.join(self.tmp, "bundle")
        r = run(["report", *args, "--out", out], timeout=timeout)
        self.assertEqual(r.status, expect, r.describe())
        return out, r


class ContentTest(ReportCase):
    def test_pages_data_and_figures(self):
        out, r = self.report(BUNDLED)
        self.assertIn("20 files written, 0 unchanged, 0 removed", r.stderr)
        for page in ["index.md", "centrality.md", "brokerage.md", "reachability.md",
                     "resilience.md", "regions/india.md", "img/overview.svg",
                     "img/region-india.svg", "data/entities.csv", "data/report.json"]:
            self.assertTrue(os.path.getsize(os.path.join(out, page)) > 0, page)
        index = read(os.path.join(out, "index.md"))
        self.assertIn("`alibaba-cloud.gv`: 26 entities and 37 relations", index)
        self.assertIn("| Region | 6 |", index)
        self.assertIn("| operates\\_in | 9 |", index)
        # Every relative link and image of every page points at a file of the bundle.
        for dirpath, _, files in os.walk(out):
            for f in files:
                if not f.endswith(".md"):
                    continue
                text = read(os.path.join(dirpath, f))
                for target in re.findall(r"\]\(([^)]+)\)", text):
                    path = os.path.normpath(os.path.join(dirpath, target))
                    self.assertTrue(os.path.isfile(path), f"{f} links to missing {target}")
        india = read(os.path.join(out, "regions", "india.md"))
        self.assertIn("| Infosys | SI | operates\\_in |", india)
        self.assertIn("alex-li -works\\_for-> alibaba-cloud -operates\\_in-> india", india)

    def test_measures_match_networkx(self):
        out, _ = self.report(BUNDLED)
        json_path = os.path.join(self.tmp, "g.json")
        r = run(["convert", BUNDLED, "-o", json_path])
        self.assertEqual(r.status, 0, r.describe())
        with open(json_path) as f:
            multi = nx.node_link_graph(json.load(f), directed=True, multigraph=True)
        simple = nx.Graph(multi.to_undirected())
        n = simple.number_of_nodes()
        expected = {
            "degree": dict(multi.degree()),
            "betweenness": nx.betweenness_centrality(simple, normalized=True),
            "harmonic": {v: h / (n - 1) for v, h in nx.harmonic_centrality(simple).items()},
            "pagerank": nx.pagerank(multi, alpha=0.85,
                                    tol=1e-12, max_iter=1000),
        }
        with open(os.path.join(out, "data", "entities.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 26)
        for row in rows:
            for measure, values in expected.items():
                with self.subTest(entity=row["id"], measure=measure):
                    self.assertTrue(math.isclose(float(row[measure]), values[row["id"]],
                                                 abs_tol=2e-9), (row[measure], values[row["id"]]))

    def test_single_points_of_failure_match_networkx(self):
        out, _ = self.report(BUNDLED)
        json_path = os.path.join(self.tmp, "g.json")
        run(["convert", BUNDLED, "-o", json_path])
        with open(json_path) as f:
            g = nx.Graph(nx.node_link_graph(json.load(f), directed=True,
                                            multigraph=True).to_undirected())
        with open(os.path.join(out, "data", "report.json")) as f:
            data = json.load(f)
        self.assertEqual(sorted(p["id"] for p in data["articulation_points"]),
                         sorted(nx.articulation_points(g)))
        self.assertEqual(sorted(tuple(sorted((b["a"], b["b"]))) for b in data["bridges"]),
                         sorted(tuple(sorted(e)) for e in nx.bridges(g)))


class BundleTest(ReportCase):
    def test_deterministic_and_incremental(self):
        a, _ = self.report(BUNDLED, out=os.path.join(self.tmp, "a"))
        b, _ = self.report(BUNDLED, out=os.path.join(self.tmp, "b"))
        first = snapshot(a)
        self.assertEqual({k: v[0] for k, v in first.items()},
                         {k: v[0] for k, v in snapshot(b).items()})
        _, r = self.report(BUNDLED, out=a)
        self.assertIn("0 files written, 20 unchanged, 0 removed", r.stderr)
        self.assertEqual(snapshot(a), first)  # same bytes and same time stamps

    def test_pages_of_a_vanished_region_are_removed(self):
        extra = os.path.join(self.tmp, "extra.gv")
        with open(extra, "w") as f:
            f.write('digraph { atlantis [type=Region, label="Atlantis"]; '
                    'infosys -> atlantis [type=operates_in]; }\n')
        out, _ = self.report(BUNDLED, extra)
        self.assertTrue(os.path.isfile(os.path.join(out, "regions", "atlantis.md")))
        _, r = self.report(BUNDLED, out=out)
        self.assertIn("2 removed", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "regions", "atlantis.md")))
        self.assertFalse(os.path.exists(os.path.join(out, "img", "region-atlantis.svg")))

    def test_failed_run_leaves_the_bundle_intact(self):
        out, _ = self.report(BUNDLED)
        before = snapshot(out)
        invalid = os.path.join(self.tmp, "invalid.gv")
        with open(invalid, "w") as f:
            f.write("digraph { a [type=Spaceship]; }\n")
        _, r = self.report(invalid, out=out, expect=1)
        self.assertIn("invalid.gv:1: error[E101]", r.stderr)
        _, r = self.report(os.path.join(self.tmp, "missing.gv"), out=out, expect=3)
        self.assertIn("no such file", r.stderr)
        self.assertEqual(snapshot(out), before)
        blocker = os.path.join(self.tmp, "file")
        open(blocker, "w").close()
        _, r = self.report(BUNDLED, out=blocker, expect=1)
        self.assertIn("file", r.stderr)
        self.assertNotIn("Traceback", r.stderr)


class LargeTest(ReportCase):
    def test_generated_ecosystem(self):
        path = os.path.join(self.tmp, "eco.gv")
        with open(path, "w") as f:
            subprocess.run([sys.executable, GENERATOR, "--entities", "5000", "--relations",
                            "20000", "--seed", "3"], stdout=f, check=True)
        out, r = self.report(path, timeout=300)
        index = read(os.path.join(out, "index.md"))
        self.assertIn("one box per type", index)
        regions = os.listdir(os.path.join(out, "regions"))
        self.assertGreater(len(regions), 10)
        for page in regions:
            image = "region-" + page[:-3] + ".svg"
            self.assertIn(f"../img/{image}", read(os.path.join(out, "regions", page)))
            self.assertTrue(os.path.getsize(os.path.join(out, "img", image)) > 0)


if __name__ == "__main__":
    harness.binary_from_argv("test_report.py")
    unittest.main(verbosity=1)
