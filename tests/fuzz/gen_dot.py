#!/usr/bin/env python3
"""Writes structurally varied DOT files for the fuzz_dot seed corpus.

A byte-mutating fuzzer rarely builds a well-formed subgraph, port or HTML label from scratch;
this generator walks DOT's grammar instead, with the odd corners ecograph's reader handles
ahead of cgraph: ids starting with '%', badly delimited numbers (1.2.3, -.5.5), long edge
chains, deep nesting, many attribute names, escapes and line continuations, "a" + "b"
concatenation, HTML-like labels, unicode and (rarely) invalid UTF-8. Typed graphs use the
built-in schema's type and attribute names so that the validator runs too.

    tests/fuzz/gen_dot.py OUT_DIR [-n 500] [--seed 1]

Same arguments, same files: file i is generated from its own random.Random(f"{seed}:{i}").
A file may hold up to four graphs separated by form feeds, which fuzz_dot reads as separate
files merged into one graph (fuzz_common.hpp). Python 3 standard library only.
"""

import argparse
import os
import random
import sys

ENTITY_TYPES = [
    "CloudProvider", "Group", "SI", "ISV", "MSP", "Distributor", "Customer", "Region",
    "DataCentre", "Person", "Programme", "Product", "Segment", "Project", "FinancialResult",
    "Company", "Entity",  # abstract: the validator refuses them
    "Unknown", "si", "Regoin",  # not in the schema: did-you-mean
]
RELATION_TYPES = [
    "partners_with", "resells", "integrates_with", "manages", "subsidiary_of", "operates",
    "located_in", "part_of", "serves", "operates_in", "invests_in", "funds", "runs", "recruits",
    "member_of", "delivers", "offers", "reports", "works_for", "partner_with", "",
]
# attribute -> values of its schema type, right and wrong
ATTRIBUTES = {
    "source": ["as reported", "", "a \\\"quoted\\\" source"],
    "description": ["text", "multi\\nline", "x" * 40],
    "url": ["https://example.com/a?b=c&d=%20", "not a url"],
    "aliases": ["a,b,c", ",", " a , b "],
    "since": ["2020", "2023-04", "2024-02-29", "2023-02-29", "2009-13", "04/2023", "-1"],
    "until": ["2030-12-31", "2030-00"],
    "weight": ["58", "0.25", "-1.5", "1e3", "inf", "nan", "58%", "1.2.3"],
    "founded": ["1981", "19810", "1981-02-30"],
    "headquarters": ["Hangzhou, China", "Bengaluru"],
    "employees": ["2000", "-3", "12,000", "2e3", "99999999999999999999999"],
    "public": ["true", "false", "yes", "True", "1"],
    "iso_code": ["IN", "CN"],
    "city": ["Mumbai"],
    "opened": ["2018", "2018-02"],
    "title": ["General Manager"],
    "amount_usd": ["283000000", "28000000000", "$283 million", "283,000,000", "-1", "1.5"],
    "period": ["2020-2023", "three years"],
    "target_count": ["2000", "many"],
    "areas": ["sales,delivery,technology", "services", " , "],
    "count": ["2000"],
    "partner_type": ["ISV"],
    "tier": ["gold", "1"],
}
GRAPHVIZ_ATTRIBUTES = {
    "shape": ["box", "record", "plaintext", "none", "Mrecord", "polygon"],
    "color": ["red", "#ff000080", "0.1 0.2 0.3", "/blues9/3"],
    "style": ["filled", "dashed,bold", "invis"],
    "rankdir": ["LR", "TB"],
    "rank": ["same", "min", "source"],
    "dir": ["both", "back", "none"],
    "compound": ["true"],
    "lhead": ["cluster_0"],
    "ltail": ["cluster_1"],
    "xlabel": ["x"],
    "pos": ["1,2!", "1.5,2.5"],
    "fontname": ["Helvetica", "Times-Roman"],
    "charset": ["latin1", "utf-8"],
}
KEYWORDS = ["node", "edge", "graph", "digraph", "subgraph", "strict", "NODE", "Edge", "GRAPH"]
UNICODE = ["é", "中文", "Ελληνικά", "😀", "\u200b", "\u00a0", "ß", "İ", "\ufeff", "∂x"]
COMPASS = ["n", "ne", "e", "se", "s", "sw", "w", "nw", "c", "_"]


class DotGen:
    def __init__(self, rng):
        self.r = rng
        self.nodes = []  # ids used so far, reused for merges and repeated relations
        self.depth = 0
        self.directed = True
        self.hostile = False  # per graph: constructs that make the file unreadable
        self.attr_names = list(ATTRIBUTES) + list(GRAPHVIZ_ATTRIBUTES)

    def chance(self, p):
        return self.r.random() < p

    # ---------------------------------------------------------------- ids

    def plain_id(self):
        r = self.r
        first = r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
        rest = "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789_-")
                       for _ in range(r.randint(0, 10)))
        return (first + rest).replace("-", "_")

    def numeral(self):
        good = ["0", "1", "-1", "42", ".5", "-.5", "1.", "-2.25", "3.14159", "007", "-0",
                "99999999999999999999"]
        bad = ["1.2.3", "1..2", "-.5.5", "1abc", "12_x", "1e5", "-", "."]
        return self.r.choice(bad if self.hostile and self.chance(0.3) else good)

    def quoted(self, text=None):
        r = self.r
        if text is None:
            parts = []
            for _ in range(r.randint(1, 4)):
                parts.append(r.choice([
                    self.plain_id(), " ", "\\\"", "\\\\", "\\n", "\\l", "\\r", "\\N", "\\G",
                    "\\E", "\\T", "\\H", "\\L", r.choice(UNICODE), "%20x", "%", "%3", "-", ";",
                    "{", "}", "->", "--", "[", "]", "=", ",", "#", "//", "/*", "*/", "\\\n",
                    "\t", "&amp;", "&#233;", "<", ">",
                ]))
            text = "".join(parts)
        s = '"' + text + '"'
        if self.chance(0.08):
            s += " + " + '"' + self.plain_id() + '"'
        return s

    def html(self, depth=0):
        r = self.r
        inner = r.choice([
            self.plain_id(), "<b>" + self.plain_id() + "</b>", "<i>x</i><br/>y", "&amp;",
            "<table border=\"0\"><tr><td port=\"p1\">a</td><td>b</td></tr></table>",
            "<font color=\"red\">" + r.choice(UNICODE) + "</font>", "", "<", "<<>>",
        ])
        if depth < 2 and self.chance(0.3):
            inner += self.html(depth + 1)[1:-1]
        return "<" + inner + ">"

    def odd_id(self):
        return self.r.choice([
            '"%20x"', '"%"', '"%3"', '"%%"', '"%1"', '"1.2.3"', "-.5", ".5", "1.", '""',
            '"a\\"b"', '"\\\\"', '"' + self.r.choice(UNICODE) + '"', "é", "_", "__", '"node"',
            '"edge"', '"strict"', '"-"', '"->"', '" "', '"a\\\nb"', '"a" + "b"', "A1",
            self.numeral(),
        ])

    def new_id(self):
        r = self.r.random()
        if r < 0.45:
            s = self.plain_id()
        elif r < 0.6:
            s = self.quoted(self.plain_id() + self.r.choice(["", "-x", " y", ".z"]))
        elif r < 0.7:
            s = self.numeral()
        elif r < 0.8:
            s = self.quoted()
        elif r < 0.85:
            s = self.html()
        else:
            s = self.odd_id()
        return s

    def node_id(self):
        if self.nodes and self.chance(0.45):
            return self.r.choice(self.nodes)
        s = self.new_id()
        self.nodes.append(s)
        return s

    def port(self):
        r = self.r.random()
        if r < 0.8:
            return ""
        if r < 0.9:
            return ":" + self.r.choice(COMPASS)
        if r < 0.97:
            return ":" + self.r.choice(["p1", '"f0"', "port"]) + (
                ":" + self.r.choice(COMPASS) if self.chance(0.5) else "")
        return ":" + self.r.choice(['"%1"', '"1.2.3"'] + (["1.2.3", "n:s:e"] if self.hostile else []))

    # ---------------------------------------------------------------- attributes

    def value(self, name):
        pool = ATTRIBUTES.get(name) or GRAPHVIZ_ATTRIBUTES.get(name)
        if pool and self.chance(0.8):
            v = self.r.choice(pool)
            return self.quoted(v) if self.chance(0.85) or not v.isidentifier() else v
        r = self.r.random()
        if r < 0.5:
            return self.quoted()
        if r < 0.7:
            return self.numeral()
        if r < 0.85:
            return self.html()
        return self.plain_id()

    def attr_name(self):
        r = self.r.random()
        if r < 0.7:
            return self.r.choice(self.attr_names)
        if r < 0.8:
            return self.r.choice(["type", "label", "id", "name"])
        if r < 0.9:
            name = "a" + str(self.r.randint(0, 2000))  # many distinct names
            return name
        return self.r.choice([self.quoted(), '"type"', '"label"', "é", "_"])

    def a_list(self, kind):
        r = self.r
        items = []
        if kind == "node" and self.chance(0.7):
            items.append("type=" + self.quoted(r.choice(ENTITY_TYPES)))
        if kind == "edge" and self.chance(0.7):
            items.append("type=" + self.quoted(r.choice(RELATION_TYPES)))
        if self.chance(0.6):
            items.append("label=" + (self.html() if self.chance(0.2) else self.quoted()))
        for _ in range(r.choice([0, 0, 1, 1, 2, 3, 5, 12]) if not self.chance(0.01) else 100):
            items.append(self.attr_name() + "=" + self.value(self.r.choice(self.attr_names)))
        if self.hostile and self.chance(0.1):
            items.append(self.r.choice(["x", "=", "a=", "=b", "type=type=x"]))  # broken
        if not items:
            return "[]" if self.chance(0.3) else ""
        body = ""
        for i, item in enumerate(items):
            sep = "" if i == 0 else self.r.choice([", ", "; ", " ", ",\n    "])
            body += sep + item
        lists = "[" + body + "]"
        if self.chance(0.1):
            lists += " [" + self.attr_name() + "=" + self.value("x") + "]"
        return lists

    # ---------------------------------------------------------------- statements

    def edge_op(self):
        if self.hostile and self.chance(0.05):
            return "--" if self.directed else "->"  # wrong for the graph kind
        return "->" if self.directed else "--"

    def endpoint(self):
        if self.depth < 6 and self.chance(0.08):
            return self.subgraph(inline=True)
        return self.node_id() + self.port()

    def edge_stmt(self):
        r = self.r
        n = r.choice([2, 2, 2, 3, 4, 6])
        if self.chance(0.01):
            n = r.choice([100, 2600])  # cgraph's parser stack gives out from about 2,500
        chain = [self.endpoint() for _ in range(n)]
        s = (" " + self.edge_op() + " ").join(chain)
        a = self.a_list("edge")
        return s + (" " + a if a else "")

    def node_stmt(self):
        a = self.a_list("node")
        return self.node_id() + self.port() + (" " + a if a else "")

    def attr_stmt(self):
        kw = self.r.choice(["node", "edge", "graph"])
        return kw + " " + (self.a_list(kw if kw != "graph" else "graph") or "[]")

    def subgraph(self, inline=False):
        r = self.r
        head = ""
        if self.chance(0.7):
            name = r.choice(["cluster_" + str(r.randint(0, 3)), self.plain_id(),
                             self.quoted("cluster " + self.plain_id()), self.odd_id()])
            head = "subgraph " + name + " "
        elif self.chance(0.3):
            head = "subgraph "
        self.depth += 1
        body = self.stmt_list(r.randint(0, 3 if inline else 6), indent="  " * (self.depth + 1))
        self.depth -= 1
        return head + "{" + body + "}"

    def stmt(self):
        r = self.r.random()
        if r < 0.35:
            return self.node_stmt()
        if r < 0.7:
            return self.edge_stmt()
        if r < 0.8:
            return self.attr_stmt()
        if r < 0.87:
            return self.attr_name() + " = " + self.value("label")
        if self.depth < 8:
            return self.subgraph()
        return self.node_stmt()

    def comment(self):
        return self.r.choice([
            "// " + self.plain_id(), "/* " + self.plain_id() + " */", "/* multi\n   line */",
            "# " + self.plain_id(), "/**/", "// -> { [ \"",
        ])

    def stmt_list(self, n, indent="  "):
        out = []
        for _ in range(n):
            if self.chance(0.1):
                out.append(indent + self.comment())
            ends = [";", ";", "", " ;"] + ([";;"] if self.hostile else [])
            out.append(indent + self.stmt() + self.r.choice(ends))
        if not out:
            return self.r.choice(["", " ", "\n"])
        return "\n" + "\n".join(out) + "\n" + indent[2:]

    def graph(self):
        r = self.r
        self.nodes = []
        self.directed = self.chance(0.7)
        self.hostile = self.chance(0.3)
        head = ""
        if self.chance(0.15):
            head += r.choice(["strict ", "STRICT ", "Strict "])
        head += r.choice(["digraph", "DiGraph", "DIGRAPH"] if self.directed else
                         ["graph", "Graph", "GRAPH"])
        if self.chance(0.8):
            head += " " + r.choice([self.plain_id(), self.quoted(), self.numeral(), self.odd_id()])
        pre = ""
        if self.chance(0.1):
            pre = self.comment() + "\n"
        if self.chance(0.05):
            pre = "\ufeff" + pre  # byte order mark
        if self.chance(0.05):
            pre += "#line 1 \"x.gv\"\n"
        body = self.stmt_list(r.choice([0, 1, 3, 5, 8, 12, 20, 40]))
        text = pre + head + " {" + body + "}\n"
        if self.hostile and self.chance(0.1):
            text += self.r.choice(["", "junk", "digraph again {}", "}"])
        return text

    def deep(self):
        n = self.r.choice([50, 1000, 10001])
        return "digraph deep {" + "subgraph {" * n + "a" + "}" * n + "}\n"

    def wide(self):
        # many attribute names on many nodes: the reader's names x objects bound
        n = self.r.choice([50, 1001])
        stmts = "".join(f"n{i} [a{i}=1]\n" for i in range(n))
        return "digraph wide {\n" + stmts + "}\n"

    def document(self):
        r = self.r.random()
        if r < 0.005:
            return self.deep().encode()
        if r < 0.01:
            return self.wide().encode()
        count = 1 if self.chance(0.85) else self.r.randint(2, 4)
        parts = [self.graph() for _ in range(count)]
        data = "\f".join(parts).encode("utf-8")
        if self.chance(0.03):  # invalid UTF-8 or a NUL byte
            pos = self.r.randrange(len(data) + 1)
            data = data[:pos] + self.r.choice([b"\xff", b"\xc3", b"\xe9", b"\x00",
                                               b"\xed\xa0\x80"]) + data[pos:]
        return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("-n", type=int, default=500, help="number of files (default 500)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("--prefix", default="gen", help="file name prefix (default gen)")
    ap.add_argument("--max-bytes", type=int, default=64 * 1024,
                    help="skip a file larger than this (default 65536)")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    written = 0
    for i in range(args.n):
        data = DotGen(random.Random(f"{args.seed}:{i}")).document()
        if len(data) > args.max_bytes:
            continue
        with open(os.path.join(args.out_dir, f"{args.prefix}-{i:05d}.gv"), "wb") as f:
            f.write(data)
        written += 1
    print(f"{written} files in {args.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
