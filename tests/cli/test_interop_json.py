#!/usr/bin/env python3
"""End-to-end tests of JSON node-link input and output against NetworkX (docs/json.md).

Usage (from the repository root; needs NetworkX, e.g. Debian's python3-networkx):

    python3 tests/cli/test_interop_json.py /path/to/ecograph [unittest options]

NetworkX is the independent side: it reads what ecograph writes and writes what ecograph reads.
The bundled graph is also parsed here with a regular expression (a second oracle that does not
go through ecograph's DOT reader).

What is covered:
  WriteTest    `convert graphs/alibaba-cloud.gv -o X.json`: nx.node_link_graph loads it with
               the same entities, types, labels, relations and every attribute value (schema-typed
               numbers as JSON numbers, the relation attribute `source` as `_source`); directed,
               graph name and title; the output is byte-identical across runs and a fixed point
               (JSON -> JSON gives the same bytes); `--to json -o -` writes the same to stdout.
  ReadTest     JSON written on the fly by nx.node_link_data (karate club: integer ids, weights;
               a typed ecosystem with int, float, bool, None and list values; a directed
               multigraph, also with links under "edges" as NetworkX 3.4+ writes them) is read
               with the right counts (`stats --format json`) and converted back to JSON that
               NetworkX loads with the same nodes, edges and attribute values.
  ErrorTest    malformed files (syntax error, wrong shapes, missing and dangling ids, both
               "links" and "edges", NUL byte, empty file, deep nesting, truncation) exit 3 with
               FILE:LINE and the code in the message, and write no output file.
"""

import json
import os
import re
import unittest

import networkx as nx

import harness
from harness import BUNDLED, REPO_ROOT

harness.binary_from_argv("test_interop_json.py")

TIMEOUT = 60


def run(args, timeout=TIMEOUT):
    """Runs ecograph with args from the repository root; status None means it timed out."""
    return harness.run(args, timeout=timeout)


def load_nx(path):
    """The file as NetworkX reads node-link data (links under "links", as ecograph writes)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:  # NetworkX 3.4+ reads "edges" unless told otherwise
        return nx.node_link_graph(data, edges="links")
    except TypeError:
        return nx.node_link_graph(data)


def text(value):
    """A JSON value as ecograph keeps it: the text of a number, true/false, lists joined."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(text(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def unescape_dot(s):
    return re.sub(r'\\(["\\])', r"\1", s)


def parse_bundled():
    """Entities {id: attrs} and relations [(source, target, attrs)] of the bundled DOT file."""
    with open(os.path.join(REPO_ROOT, BUNDLED), encoding="utf-8") as f:
        body = re.sub(r"^\s*//.*$", "", f.read(), flags=re.M)
    attr_re = re.compile(r'(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"')
    entities, relations = {}, []
    stmt_re = re.compile(r'"([^"]+)"\s*(?:->\s*"([^"]+)"\s*)?\[((?:[^\]"]|"(?:[^"\\]|\\.)*")*)\]')
    for m in stmt_re.finditer(body):
        attrs = {k: unescape_dot(v) for k, v in attr_re.findall(m.group(3))}
        if m.group(2):
            relations.append((m.group(1), m.group(2), attrs))
        else:
            entities[m.group(1)] = attrs
    title = re.search(r'^\s*label="((?:[^"\\]|\\.)*)"', body, re.M).group(1)
    return entities, relations, unescape_dot(title)


class Tmp(harness.TempDirTestCase):
    tmp_prefix = "ecograph-json-"

    def ok(self, args):
        r = run(args)
        self.assertEqual(r.status, 0, r.describe())
        return r

    def convert(self, inputs, out_name):
        out = self.path(out_name)
        self.ok(["convert", *inputs, "-o", out])
        return out

    def write_nx(self, name, g, **kwargs):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g, **kwargs), f, indent=2)
        return path


class WriteTest(Tmp):
    def test_bundled_graph_loads_in_networkx(self):
        out = self.convert([BUNDLED], "bundled.json")
        g = load_nx(out)
        entities, relations, title = parse_bundled()
        self.assertTrue(g.is_directed())
        self.assertTrue(g.is_multigraph())
        self.assertEqual(g.graph.get("name"), "alibaba_cloud_ecosystem")
        self.assertEqual(g.graph.get("label"), title)
        self.assertEqual(g.number_of_nodes(), len(entities))
        self.assertEqual(g.number_of_edges(), len(relations))
        self.assertEqual(g.number_of_nodes(), 26)
        for v, attrs in entities.items():
            self.assertIn(v, g)
            got = {k: text(x) for k, x in g.nodes[v].items()}
            self.assertEqual(got, attrs, v)
        want = sorted((s, t, sorted(a.items())) for s, t, a in relations)
        got = []
        for s, t, d in g.edges(data=True):
            d = dict(d)
            if "_source" in d:  # the relation attribute `source`, escaped
                d["source"] = d.pop("_source")
            got.append((s, t, sorted((k, text(x)) for k, x in d.items())))
        self.assertEqual(sorted(got), want)
        # Schema-typed values are JSON numbers; dates and text stay strings.
        programme = [v for v, a in entities.items() if a.get("amount_usd") == "283000000"]
        self.assertEqual(len(programme), 1)
        self.assertEqual(g.nodes[programme[0]]["amount_usd"], 283000000)
        self.assertIsInstance(g.nodes["alibaba-cloud"]["label"], str)

    def test_deterministic_and_fixed_point(self):
        a = self.convert([BUNDLED], "a.json")
        b = self.convert([BUNDLED], "b.json")
        c = self.convert([a], "c.json")
        with open(a, "rb") as fa, open(b, "rb") as fb, open(c, "rb") as fc:
            data = fa.read()
            self.assertEqual(data, fb.read())
            self.assertEqual(data, fc.read())
        r = self.ok(["convert", BUNDLED, "--to", "json", "-o", "-"])
        self.assertEqual(r.out, data)


class ReadTest(Tmp):
    def stats(self, path):
        return json.loads(self.ok(["stats", path, "--format", "json"]).stdout)

    def assert_same_graph(self, original, converted, number_keys=()):
        """converted (read back by NetworkX) has original's nodes, edges and attribute texts."""
        self.assertEqual(original.is_directed(), converted.is_directed())
        self.assertEqual({str(v) for v in original}, set(converted))
        for v, d in original.nodes(data=True):
            want = {k: text(x) for k, x in d.items() if x is not None}
            self.assertEqual({k: text(x) for k, x in converted.nodes[str(v)].items()}, want)
        def edges(g, key):
            out = []
            for s, t, d in g.edges(data=True):
                d = {k: text(x) for k, x in d.items() if x is not None}
                s, t = key(s), key(t)
                if not g.is_directed():
                    s, t = min(s, t), max(s, t)
                out.append((s, t, sorted(d.items())))
            return sorted(out)
        self.assertEqual(edges(original, str), edges(converted, str))
        for k in number_keys:
            for _, _, d in converted.edges(data=True):
                if k in d:
                    self.assertIsInstance(d[k], (int, float), k)

    def test_karate(self):
        g = nx.karate_club_graph()
        path = self.write_nx("karate.json", g)
        s = self.stats(path)
        self.assertEqual((s["entities"], s["relations"], s["directed"]), (34, 78, False))
        back = load_nx(self.convert([path], "karate-out.json"))
        self.assertEqual(back.graph["name"], "Zachary's Karate Club")
        self.assert_same_graph(g, back, number_keys=["weight"])  # weight: a schema number

    def test_typed_ecosystem(self):
        g = nx.DiGraph(name="mini", label="A mini ecosystem")
        g.add_node("alibaba-cloud", type="CloudProvider", label="Alibaba Cloud",
                   employees=12000, public=True, notes=None, aliases=["Aliyun", "Alibaba"])
        g.add_node("infosys", type="SI", label="Infosys", founded="1981", public=False)
        g.add_node("fund", type="Programme", label="Fund", amount_usd=283000000,
                   target_count=2000)
        g.add_edge("infosys", "alibaba-cloud", type="partners_with", since="2020",
                   strategic=True, areas=["sales", "delivery"], weight=0.5)
        g.add_edge("alibaba-cloud", "fund", type="funds", amount_usd=2.5e8)
        path = self.write_nx("eco.json", g)
        s = self.stats(path)
        self.assertEqual((s["entities"], s["relations"], s["directed"]), (3, 2, True))
        self.assertEqual(s["entities_by_type"], {"CloudProvider": 1, "Programme": 1, "SI": 1})
        out = self.convert([path], "eco-out.json")
        back = load_nx(out)
        self.assertEqual(back.graph, {"name": "mini", "label": "A mini ecosystem"})
        self.assert_same_graph(g, back, number_keys=["amount_usd", "weight"])
        # Typed by the built-in schema: JSON numbers and booleans again.
        self.assertIs(back.nodes["alibaba-cloud"]["public"], True)
        self.assertEqual(back.nodes["alibaba-cloud"]["employees"], 12000)
        self.assertEqual(back.nodes["fund"]["target_count"], 2000)
        self.assertIs(back.edges["infosys", "alibaba-cloud", 0]["strategic"], True)
        self.assertEqual(back.edges["alibaba-cloud", "fund", 0]["amount_usd"], 2.5e8)
        self.assertEqual(back.nodes["infosys"]["founded"], "1981")  # a date: text

    def test_multigraph_links_and_edges(self):
        # Untyped (as most NetworkX graphs are): validation has no types to check.
        g = nx.MultiDiGraph()
        g.add_edge(1, 2, kind="resells", tier="gold")
        g.add_edge(1, 2, kind="resells", tier="silver")
        g.add_edge(2, 3, key="k", kind="integrates_with")
        g.add_edge(3, 3)
        for link in ("links", "edges"):
            path = self.write_nx(f"multi-{link}.json", g, link=link)
            s = self.stats(path)
            self.assertEqual((s["entities"], s["relations"], s["parallel_relations"],
                              s["self_loops"]), (3, 4, 1, 1), link)
            back = load_nx(self.convert([path], f"multi-{link}-out.json"))
            self.assert_same_graph(g, back)


BAD = {
    # name: (content, line, code)
    "syntax.json": ('{\n  "nodes": [\n    {"id": "a",}\n  ]\n}\n', 3, "E001"),
    "truncated.json": ('{"nodes": [{"id": "a"},\n  {"id": "b"\n', 2, "E001"),
    "toplevel.json": ('\n[1, 2]\n', 2, "E005"),
    "nodes-object.json": ('{"directed": true,\n "nodes": {"a": 1}}', 2, "E005"),
    "node-string.json": ('{"nodes": [\n{"id": "a"},\n"b"]}', 3, "E005"),
    "missing-id.json": ('{"nodes": [\n{"id": "a"},\n{"type": "SI"}]}', 3, "E007"),
    "no-source.json": ('{"nodes": [{"id": "a"}],\n"links": [{"target": "a"}]}', 2, "E007"),
    "dangling.json": ('{"nodes": [{"id": "a"}],\n"links": [\n{"source": "a", "target": "b"}]}',
                      3, "E007"),
    "both.json": ('{"nodes": [],\n"links": [],\n"edges": []}', 3, "E005"),
    "nul.json": ('{"nodes":\n[]}\0', 2, "E002"),
    "empty.json": ("\n", None, "E003"),
    "no-nodes.json": ('{"links": []}', None, "E003"),
    "deep.json": ('{"x":\n' + "[" * 200000, 2, "E001"),
}


class ErrorTest(Tmp):
    def test_malformed_files(self):
        for name, (content, line, code) in BAD.items():
            with self.subTest(name):
                path = self.path(name)
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(content)
                out = self.path(name + ".out.json")
                r = run(["convert", path, "-o", out])
                self.assertEqual(r.status, 3, r.describe())
                where = f"{path}:{line}: " if line else f"{path}: "
                self.assertIn(f"{where}error[{code}]", r.stderr, r.describe())
                self.assertFalse(os.path.exists(out), r.describe())
                self.assertEqual(run(["stats", path]).status, 3)

    def test_hostile_sizes(self):
        # 20 MB of brackets: refused at depth 1000 without a crash, quickly.
        path = self.path("brackets.json")
        with open(path, "w") as f:
            f.write('{"nodes": [], "x": ' + "[" * (20 << 20))
        r = run(["stats", path], timeout=30)
        self.assertEqual(r.status, 3, r.describe())
        self.assertIn("nested more than 1000 deep", r.stderr)


if __name__ == "__main__":
    unittest.main()
