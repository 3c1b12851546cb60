#!/usr/bin/env python3
"""GraphML interoperability of the real binary with NetworkX and igraph (docs/graphml.md).

Usage (from the repository root; needs python3-networkx and python3-igraph, as .ci/run
installs them):

    /usr/bin/python3 tests/cli/test_interop_graphml.py /path/to/ecograph [unittest options]

What is covered:
  WriteTest     `ecograph convert graphs/alibaba-cloud.gv -o X.graphml`: NetworkX read_graphml
                and igraph Graph.Read_GraphML both load it with ecograph's own entity and
                relation counts (`stats --format json`), every entity's type and attributes
                and every relation (parallel ones included) with its type and attributes as
                `show --format json` gives them, typed as the key's attr.type says; the
                output is byte-identical across runs and converts back to the same GraphML.
  ReadTest      files NetworkX 2.8.8 and igraph 0.10.2 write (from a small typed partner graph,
                written here, and from Zachary's karate club) are read by `stats` and `show`
                with the right counts, types, names and attribute texts.
  BadInputTest  malformed GraphML (not well-formed, wrong root, undeclared key, dangling edge,
                hyperedge, entity bomb, external entity, NUL byte, empty, truncated, deep
                nesting) exits 3 with `FILE:LINE: error[CODE]` on stderr, quickly, and writes
                no output file.
"""

import json
import math
import os
import shutil
import sys
import tempfile
import unittest

try:
    import igraph
    import networkx as nx
except ImportError as e:  # pragma: no cover - the CI installs both
    sys.exit(f"test_interop_graphml.py needs python3-networkx and python3-igraph: {e}")

import harness
from harness import BUNDLED, run

harness.binary_from_argv("test_interop_graphml.py")


def same_value(text, value):
    """ecograph keeps the text as written; NetworkX and igraph parse it by attr.type."""
    if isinstance(value, bool):
        return text == ("true" if value else "false")
    if isinstance(value, int):
        return int(text) == value
    if isinstance(value, float):
        return float(text) == value
    return text == value


class CliTestCase(harness.TempDirTestCase):
    tmp_prefix = "ecograph-graphml-"

    def ok(self, *args):
        r = run(args)
        self.assertEqual(r.status, 0, r.describe())
        return r

    def ok_json(self, *args):
        return json.loads(self.ok(*args, "--format", "json").stdout)

    def ecograph_graph(self, *files):
        """ecograph's own view: {id: show-json} for every entity of the NetworkX reading."""
        return {v: self.ok_json("show", *files, v) for v in self.ids}


class WriteTest(CliTestCase):
    """ecograph writes GraphML that NetworkX and igraph read as ecograph sees the graph."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="ecograph-graphml-write-")
        cls.out = os.path.join(cls.dir, "alibaba.graphml")
        cls.convert = run(["convert", BUNDLED, "-o", cls.out])
        cls.stats = run(["stats", BUNDLED, "--format", "json"])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def setUp(self):
        super().setUp()
        self.assertEqual(self.convert.status, 0, self.convert.describe())
        self.assertEqual(self.stats.status, 0, self.stats.describe())
        self.counts = json.loads(self.stats.stdout)
        self.nx = nx.read_graphml(self.out)
        self.ids = sorted(self.nx.nodes)
        self.own = self.ecograph_graph(BUNDLED)

    def own_relations(self):
        """(source, target, type, {attr: text}) of every relation, from `show`."""
        rels = []
        for v, j in self.own.items():
            for e in j["relations"]:
                if e["direction"] == "out":
                    rels.append((v, e["id"], e["relation"], e["attributes"]))
        return rels

    def test_counts(self):
        self.assertGreater(self.counts["entities"], 10)
        self.assertEqual(self.nx.number_of_nodes(), self.counts["entities"])
        self.assertEqual(self.nx.number_of_edges(), self.counts["relations"])
        self.assertTrue(self.nx.is_directed())
        self.assertEqual(len(self.own_relations()), self.counts["relations"])

    def test_networkx_entities(self):
        by_type = {}
        for v, j in self.own.items():
            data = dict(self.nx.nodes[v])
            self.assertEqual(data.pop("type", ""), j["type"], v)
            by_type[j["type"]] = by_type.get(j["type"], 0) + 1
            self.assertEqual(sorted(data), sorted(j["attributes"]), v)
            for k, text in j["attributes"].items():
                self.assertTrue(same_value(text, data[k]), f"{v}.{k}: {text!r} vs {data[k]!r}")
        self.assertEqual(by_type, self.counts["entities_by_type"])

    def test_networkx_relations(self):
        theirs = []
        for s, t, data in self.nx.edges(data=True):
            data = dict(data)
            theirs.append((s, t, data.pop("type", ""), data))
        key = lambda r: (r[0], r[1], r[2], sorted((k, str(v)) for k, v in r[3].items()))
        mine = sorted(self.own_relations(), key=key)
        theirs = sorted(theirs, key=key)
        self.assertEqual([r[:3] for r in mine], [r[:3] for r in theirs])
        for a, b in zip(mine, theirs):
            self.assertEqual(sorted(a[3]), sorted(b[3]), a[:3])
            for k, text in a[3].items():
                self.assertTrue(same_value(text, b[3][k]), f"{a[:3]}.{k}: {text!r} vs {b[3][k]!r}")

    def test_igraph(self):
        g = igraph.Graph.Read_GraphML(self.out)
        self.assertTrue(g.is_directed())
        self.assertEqual(g.vcount(), self.counts["entities"])
        self.assertEqual(g.ecount(), self.counts["relations"])
        ids = g.vs["id"]
        self.assertEqual(sorted(ids), self.ids)
        for vertex in g.vs:
            j = self.own[vertex["id"]]
            self.assertEqual(vertex["type"], j["type"])
            for k, text in j["attributes"].items():
                self.assertTrue(same_value(text, vertex[k]), f"{vertex['id']}.{k}")
            # igraph fills attributes a vertex lacks with "" or NaN.
            for k in g.vs.attributes():
                if k not in j["attributes"] and k not in ("id", "type"):
                    self.assertTrue(vertex[k] == "" or (isinstance(vertex[k], float) and
                                                        math.isnan(vertex[k])), (k, vertex[k]))
        mine = sorted((s, t, typ) for s, t, typ, _ in self.own_relations())
        theirs = sorted((ids[e.source], ids[e.target], e["type"]) for e in g.es)
        self.assertEqual(mine, theirs)

    def test_deterministic_and_stable(self):
        again = self.path("again.graphml")
        self.ok("convert", BUNDLED, "-o", again)
        with open(self.out, "rb") as a, open(again, "rb") as b:
            first = a.read()
            self.assertEqual(first, b.read())
        back = self.path("back.graphml")
        self.ok("convert", self.out, "-o", back)
        with open(back, "rb") as f:
            self.assertEqual(f.read(), first)


# A small typed partner graph, written by NetworkX and igraph themselves.
ENTITIES = [
    ("alibaba-cloud", "CloudProvider", "Alibaba Cloud", {"founded": 2009}),
    ("infosys", "SI", "Infosys", {"founded": 1981, "public": True}),
    ("acme", "ISV", "Acme & <Sons>", {"rating": 4.5}),
    ("india", "Region", "India", {}),
]
RELATIONS = [
    ("infosys", "alibaba-cloud", "partners_with", {"since": 2023}),
    ("infosys", "alibaba-cloud", "resells", {}),
    ("acme", "infosys", "integrates_with", {}),
    ("alibaba-cloud", "india", "operates_in", {}),
]


class ReadTest(CliTestCase):
    """ecograph reads what NetworkX and igraph write."""

    def stats(self, f):
        return self.ok_json("stats", f)

    def test_networkx_typed(self):
        g = nx.MultiDiGraph(name="partners")
        for v, typ, label, attrs in ENTITIES:
            g.add_node(v, type=typ, label=label, **attrs)
        for s, t, typ, attrs in RELATIONS:
            g.add_edge(s, t, type=typ, **attrs)
        f = self.path("nx.graphml")
        nx.write_graphml(g, f)
        s = self.stats(f)
        self.assertEqual((s["entities"], s["relations"]), (4, 4))
        self.assertEqual(s["parallel_relations"], 1)
        self.assertEqual(s["relations_by_type"]["resells"], 1)
        acme = self.ok_json("show", f, "acme")
        self.assertEqual((acme["type"], acme["name"]), ("ISV", "Acme & <Sons>"))
        self.assertEqual(acme["attributes"], {"label": "Acme & <Sons>", "rating": "4.5"})
        infosys = self.ok_json("show", f, "infosys")
        # NetworkX writes True; a boolean key's value is read in the schema's spelling.
        self.assertEqual(infosys["attributes"]["public"], "true")
        out = [e for e in infosys["relations"] if e["direction"] == "out"]
        self.assertEqual(sorted((e["relation"], e["id"], e["attributes"].get("since")) for e in out),
                         [("partners_with", "alibaba-cloud", "2023"),
                          ("resells", "alibaba-cloud", None)])

    def test_networkx_karate(self):
        f = self.path("karate.graphml")
        nx.write_graphml(nx.karate_club_graph(), f)
        s = self.stats(f)
        self.assertEqual((s["entities"], s["relations"]), (34, 78))
        clubs = {v: d["club"] for v, d in nx.karate_club_graph().nodes(data=True)}
        for v in (0, 16, 33):
            self.assertEqual(self.ok_json("show", f, str(v))["attributes"]["club"], clubs[v])

    def test_igraph_typed(self):
        g = igraph.Graph(directed=True)
        g.add_vertices(len(ENTITIES))
        g.vs["name"] = [e[0] for e in ENTITIES]
        g.vs["type"] = [e[1] for e in ENTITIES]
        g.vs["label"] = [e[2] for e in ENTITIES]
        g.add_edges([(s, t) for s, t, _, _ in RELATIONS])
        g.es["type"] = [r[2] for r in RELATIONS]
        f = self.path("igraph.graphml")
        g.write_graphml(f)
        s = self.stats(f)
        self.assertEqual((s["entities"], s["relations"]), (4, 4))
        self.assertEqual(s["entities_by_type"], {"CloudProvider": 1, "ISV": 1, "Region": 1,
                                                 "SI": 1})
        # igraph numbers the vertices n0, n1...; its names become the attribute `name`.
        v = self.ok_json("show", f, "n2")
        self.assertEqual((v["type"], v["name"], v["attributes"]["name"]),
                         ("ISV", "Acme & <Sons>", "acme"))
        self.assertEqual([(e["relation"], e["id"]) for e in v["relations"]],
                         [("integrates_with", "n1")])

    def test_igraph_karate(self):
        f = self.path("zachary.graphml")
        igraph.Graph.Famous("Zachary").write_graphml(f)
        s = self.stats(f)
        self.assertEqual((s["entities"], s["relations"]), (34, 78))
        self.assertEqual(self.ok_json("show", f, "n33")["id"], "n33")


HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE graphml [\n<!ENTITY a "aaaaaaaaaa">\n' +
        "".join('<!ENTITY a{} "{}">\n'.format(i, ("&a{};".format(i - 1) if i > 1 else "&a;") * 10)
                for i in range(1, 10)) +
        ']>\n<graphml><graph><node id="&a9;"/></graph></graphml>\n')
BAD = {
    # name: (bytes, line, code)
    "syntax": (HEAD + '<graph>\n<node id="a"></nod>\n</graph></graphml>\n', 4, "E001"),
    "root": ('<?xml version="1.0"?>\n<gexf><graph/></gexf>\n', 2, "E001"),
    "undeclared_key": (HEAD + '<graph>\n<node id="a">\n<data key="d0">x</data>\n</node>'
                       '</graph></graphml>\n', 5, "E005"),
    "dangling": (HEAD + '<graph>\n<node id="a"/>\n<edge source="a" target="b"/>\n'
                 '</graph></graphml>\n', 5, "E007"),
    "hyperedge": (HEAD + '<graph>\n<node id="a"/>\n<hyperedge><endpoint node="a"/></hyperedge>\n'
                  '</graph></graphml>\n', 5, "E005"),
    "no_id": (HEAD + '<graph>\n<node/>\n</graph></graphml>\n', 4, "E005"),
    "bomb": (BOMB, 3, "E001"),
    "xxe": ('<?xml version="1.0"?>\n<!DOCTYPE graphml [\n<!ENTITY x SYSTEM "file:///etc/passwd">'
            '\n]>\n<graphml><graph><node id="&x;"/></graph></graphml>\n', 3, "E001"),
    "nul": (HEAD + '<graph>\n<node id="a\0"/>\n</graph></graphml>\n', 4, "E002"),
    "empty": ("", 1, "E003"),
    "truncated": (HEAD + '<graph>\n<node id="a"/>\n<node id=', 5, "E001"),
    "deep": ('<graphml><key id="k" for="node"/><graph><node id="a"><data key="k">\n' +
             "<x>" * 20000, 2, "E001"),
}


class BadInputTest(CliTestCase):
    """Malformed GraphML: exit 3, FILE:LINE: error[CODE], no output file."""

    def test_bad_files(self):
        for name, (text, line, code) in BAD.items():
            with self.subTest(name):
                f = self.path(name + ".graphml")
                with open(f, "wb") as fh:
                    fh.write(text.encode("utf-8"))
                out = self.path(name + ".out.graphml")
                r = run(["convert", f, "-o", out], timeout=10)
                self.assertEqual(r.status, 3, r.describe())
                self.assertIn(f"{f}:{line}: error[{code}]", r.stderr, r.describe())
                self.assertFalse(os.path.exists(out), "an output file was written")
                self.assertEqual(os.listdir(self.tmp), [name + ".graphml"], "stray files")
                os.remove(f)

    def test_entity_file_is_never_read(self):
        secret = self.path("secret.txt")
        with open(secret, "w") as fh:
            fh.write("TOP-SECRET-VALUE")
        f = self.path("xxe.graphml")
        with open(f, "w") as fh:
            fh.write('<?xml version="1.0"?>\n<!DOCTYPE graphml [\n<!ENTITY s SYSTEM "file://'
                     + secret + '">\n]>\n<graphml><key id="l" for="node" attr.name="label"/>'
                     '<graph><node id="a"><data key="l">&s;</data></node></graph></graphml>\n')
        r = run(["convert", f, "-o", "-", "--to", "json"])
        self.assertEqual(r.status, 3, r.describe())
        self.assertNotIn("TOP-SECRET", r.stdout + r.stderr)


if __name__ == "__main__":
    unittest.main()
