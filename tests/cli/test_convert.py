#!/usr/bin/env python3
"""`ecograph convert` and `export --format mermaid` end to end (docs/formats.md).

Usage: /usr/bin/python3 tests/cli/test_convert.py /path/to/ecograph [unittest options]

What is covered:
  RoundTripTest  DOT -> GraphML -> JSON -> CSV -> DOT keeps every entity, relation, type and
                 attribute of the bundled graph and of the test graphs (only CSV drops the
                 graph's name and title, which it has no place for); each format converts to
                 the same bytes twice.
  UsageTest      unknown or unwritable formats, CSV to stdout, --from/--to, a graph with
                 validation errors: exit status, message, and no output file.
  MermaidTest    export --format mermaid: a class per type, an edge per relation, views,
                 fenced for .md, and the size limits Mermaid renders within.
"""

import os
import re
import shutil
import sys
import tempfile
import unittest

import harness
from harness import BUNDLED, REPO_ROOT, run

GRAPHS = ["graphs/alibaba-cloud.gv", "tests/fixtures/graphs/lesmis.gv",
          "tests/fixtures/graphs/random_undirected_multi.gv",
          "tests/fixtures/graphs/random_directed.gv"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ecograph-convert-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def convert(self, *args, expect=0):
        r = run(["convert", *args])
        self.assertEqual(r.status, expect, r.describe())
        return r


def body(dot):
    """Data DOT without what CSV cannot carry: the header line (graph name, directedness),
    the graph title, and so whether edges are written -- or ->."""
    return [line.replace('" -- "', '" -> "') for line in dot.splitlines()[1:]
            if not line.startswith("    label=")]


class RoundTripTest(Case):
    def test_dot_graphml_json_csv_dot(self):
        for graph in GRAPHS:
            with self.subTest(graph=graph):
                self.convert(graph, "-o", self.path("a.gv"))
                self.convert(self.path("a.gv"), "-o", self.path("b.graphml"))
                self.convert(self.path("b.graphml"), "-o", self.path("c.json"))
                self.convert(self.path("c.json"), "-o", self.path("d.csv"))
                self.convert(self.path("d.entities.csv"), self.path("d.relations.csv"), "-o",
                             self.path("e.gv"))
                start, end = read(self.path("a.gv")), read(self.path("e.gv"))
                self.assertEqual(body(end), body(start))
                self.assertGreater(len(body(start)), 10)
                # GraphML and JSON also keep the graph's name, title and directedness.
                self.convert(self.path("c.json"), "-o", self.path("f.gv"))
                self.assertEqual(read(self.path("f.gv")), start)

    def test_same_bytes_twice(self):
        for ext in ["gv", "graphml", "json", "mmd"]:
            with self.subTest(format=ext):
                self.convert(BUNDLED, "-o", self.path(f"1.{ext}"))
                self.convert(BUNDLED, "-o", self.path(f"2.{ext}"))
                self.assertEqual(read(self.path(f"1.{ext}")), read(self.path(f"2.{ext}")))


class UsageTest(Case):
    def test_formats_named_or_by_extension(self):
        r = self.convert(BUNDLED, "-o", self.path("out.txt"), expect=2)
        self.assertIn("cannot tell the output format from", r.stderr)
        r = self.convert(BUNDLED, "-o", self.path("x"), "--to", "yaml", expect=2)
        self.assertIn("--to: unknown format 'yaml'", r.stderr)
        r = self.convert(BUNDLED, "-o", self.path("x.gv"), "--from", "mermaid", expect=2)
        self.assertIn("Mermaid is written, not read", r.stderr)
        r = self.convert(BUNDLED, "-o", "-", "--to", "csv", expect=2)
        self.assertIn("CSV output is two files", r.stderr)
        self.assertEqual(os.listdir(self.tmp), [])
        # --from reads every input in that format whatever its extension.
        self.convert(BUNDLED, "-o", self.path("g.txt"), "--to", "json")
        r = self.convert(self.path("g.txt"), "--from", "json", "-o", "-", "--to", "dot")
        self.assertIn('"alibaba-cloud" -> "infosys"', r.stdout)
        r = self.convert(self.path("g.txt"), "-o", "-", "--to", "dot", expect=3)
        self.assertIn("g.txt:1: error[E001]", r.stderr)  # read as DOT

    def test_invalid_graph_writes_nothing(self):
        bad = self.path("bad.gv")
        with open(bad, "w") as f:
            f.write("digraph { a [type=SI]; b [type=Region]; a -> b [type=partners_with]; }\n")
        r = self.convert(bad, "-o", self.path("out.graphml"), expect=1)
        self.assertIn("error[E2", r.stderr)
        self.assertFalse(os.path.exists(self.path("out.graphml")))


class MermaidTest(Case):
    def test_bundled_graph(self):
        r = run(["export", BUNDLED, "--format", "mermaid"])
        self.assertEqual(r.status, 0, r.describe())
        text = r.stdout
        self.assertTrue(text.startswith("---\ntitle: \"Alibaba Cloud partner ecosystem"))
        self.assertIn("flowchart LR\n", text)
        self.assertEqual(len(re.findall(r"^    classDef ", text, re.M)), 11)
        self.assertEqual(len(re.findall(r"^    \w+ (-->|-\.->|==>)", text, re.M)), 37)
        self.assertIn('    infosys["Infosys<br/><i>SI</i>"]:::SI\n', text)
        self.assertIn('    alibaba_cloud -->|"partners_with"| infosys\n', text)

    def test_view_and_markdown_fence(self):
        out = self.path("india.md")
        r = run(["export", BUNDLED, "--format", "mermaid", "--focus", "india", "--hops", "1",
                 "--title", "India", "--output", out])
        self.assertEqual(r.status, 0, r.describe())
        text = read(out)
        self.assertTrue(text.startswith('```mermaid\n---\ntitle: "India"\n---\n'), text)
        self.assertTrue(text.endswith("```\n"))
        self.assertEqual(len(re.findall(r"^    \w+\[|^    \w+\(", text, re.M)), 6)

    def test_limits(self):
        r = run(["export", "tests/fixtures/graphs/lesmis.gv", "--format", "mermaid"])
        self.assertEqual(r.status, 0, r.describe())  # 254 relations: within Mermaid's limits
        big = self.path("big.gv")
        with open(big, "w") as f:
            f.write("graph {\n" + "".join(f"  n{i} -- n{i + 1};\n" for i in range(600)) + "}\n")
        r = run(["export", big, "--format", "mermaid", "--output", self.path("big.mmd")])
        self.assertEqual(r.status, 2, r.describe())
        self.assertIn("600 relations is more than Mermaid renders (limit 500)", r.stderr)
        self.assertFalse(os.path.exists(self.path("big.mmd")))
        r = run(["export", BUNDLED, "--format", "mermaid", "--highlight-path", "infosys",
                 "india"])
        self.assertEqual(r.status, 2, r.describe())
        self.assertIn("drawn by Graphviz", r.stderr)
        r = run(["export", BUNDLED, "--format", "mermaid", "--color-by", "degree"])
        self.assertEqual(r.status, 2, r.describe())
        self.assertIn("--color-by", r.stderr)


if __name__ == "__main__":
    harness.binary_from_argv("test_convert.py")
    unittest.main(verbosity=1)
