#!/usr/bin/env python3
"""`ecograph impact` against a brute-force recomputation.

Usage (from the repository root): /usr/bin/python3 tests/cli/test_impact.py /path/to/ecograph

For the bundled graph and a generated ecosystem, the lost pairs that `impact --remove` reports
must equal those found by breadth-first search over the relations before and after removing
the entities, written here independently from the graph as `export --plain` prints it.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
from collections import defaultdict

import harness
from harness import GENERATOR

harness.binary_from_argv("test_impact.py")


def run(*args):
    """ecograph's stdout for args (run from the repository root); fails unless it exits 0."""
    r = harness.run(args, timeout=60)
    if r.status != 0:
        raise AssertionError(f"ecograph {' '.join(args)} exited {r.status}: {r.stderr}")
    return r.out.decode("utf-8")


def load(path):
    """Entities and arcs from `export --plain` (one statement per line, ids quoted)."""
    text = run("export", "--plain", path)
    entities, arcs = set(), []
    for line in text.splitlines():
        m = re.match(r'\s*"((?:[^"\\]|\\.)*)" -[->] "((?:[^"\\]|\\.)*)"', line)
        if m:
            arcs.append((m.group(1), m.group(2)))
            continue
        m = re.match(r'\s*"((?:[^"\\]|\\.)*)"', line)
        if m:
            entities.add(m.group(1))
    return entities, arcs


def reachable_pairs(entities, arcs, removed):
    out = defaultdict(set)
    for a, b in arcs:
        if a not in removed and b not in removed:
            out[a].add(b)
    pairs = set()
    for s in entities - removed:
        seen, stack = {s}, [s]
        while stack:
            v = stack.pop()
            for w in out[v]:
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
        pairs |= {(s, t) for t in seen if t != s}
    return pairs


class ImpactBruteForceTest(unittest.TestCase):
    def check(self, path, removed):
        entities, arcs = load(path)
        before = reachable_pairs(entities, arcs, set())
        after = reachable_pairs(entities, arcs, set(removed))
        expected = sorted((s, t) for s, t in before - after if s not in removed and t not in removed)
        j = json.loads(run("impact", path, "--remove", ",".join(removed), "-f", "json"))
        got = [(p["from"], p["to"]) for p in j["lost_routes"]["list"]]
        self.assertEqual(got, expected)
        self.assertEqual(j["lost_routes"]["pairs"], len(expected))
        self.assertEqual(sum(x["pairs"] for x in j["lost_routes"]["by_type"]), len(expected))
        return len(expected)

    def test_bundled_graph(self):
        self.assertGreater(self.check("graphs/alibaba-cloud.gv", ["alibaba-cloud"]), 0)
        self.check("graphs/alibaba-cloud.gv", ["infosys"])
        self.check("graphs/alibaba-cloud.gv", ["india", "alibaba-cloud-partner-investment"])

    def test_generated_graph(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "eco.gv")
            with open(path, "w") as f:
                subprocess.run([sys.executable, GENERATOR, "--entities", "300", "--relations",
                                "900", "--seed", "3"], stdout=f, check=True)
            # The hub, a region and a data centre; then one ordinary company.
            self.assertGreater(self.check(path, ["c0", "region-1", "dc-0"]), 0)
            self.check(path, ["c150"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv, verbosity=2)
