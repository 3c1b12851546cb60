#!/usr/bin/env python3
"""End-to-end tests of the ecograph command line.

Usage (CTest runs it from the repository root):

    python3 tests/cli/test_cli.py /path/to/ecograph [unittest options]

Set ECOGRAPH_UPDATE_GOLDEN=1 to rewrite tests/cli/golden/* from the current binary instead of
comparing with them (then read the diff before committing it).

What is covered:
  BundledGraphTest     graphs/alibaba-cloud.gv: validate, stats (counts agree with Graphviz's
                       gc), show, did-you-mean for an unknown id, schema.
  DeterminismTest      every command in every format twice: identical bytes.
  ThreadsTest          --threads 1 gives the bytes of all cores, on the bundled graph and on
                       a generated 150k-relation one; a negative count exits 2.
  GoldenTest           outputs for the bundled graph byte-for-byte against tests/cli/golden.
  ValidationRulesTest  each validation rule on a small typed DOT: exit status, code, FILE:LINE,
                       hints; several problems at once; multi-file merge, E301/E302.
  BadInputTest         unreadable or hostile input: exact exit status (never a signal, never a
                       hang), a message naming the file.
  UsageTest            usage errors exit 2; --help of every subcommand exits 0.
  AtomicOutputTest     -o FILE is written atomically: a failed run creates nothing and leaves an
                       existing file alone.
  ExportTest           SVG/PNG/PDF rendering, clusters, --plain round trip.
  FontTest             SVG does not depend on the installed fonts (nor load pango, cairo or
                       fontconfig); PNG and PDF are laid out as the SVG is.
"""

import difflib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

import harness
from harness import BUNDLED, REPO_ROOT, TIMEOUT, ClassTempDir, cached, run

harness.binary_from_argv("test_cli.py")

GOLDEN_DIR = os.path.join(REPO_ROOT, "tests", "cli", "golden")
UPDATE_GOLDEN = os.environ.get("ECOGRAPH_UPDATE_GOLDEN") == "1"

# BUNDLED is relative to REPO_ROOT, as it appears in the outputs; bundled(*args) runs a command
# on it once per test run (outputs are reused).
bundled = cached


class CliTestCase(harness.CliTestCase):
    def assertValidUtf8(self, data, what):
        try:
            data.decode("utf-8", "strict")
        except UnicodeDecodeError as e:
            self.fail(f"{what} is not valid UTF-8: {e}: {data[max(0, e.start - 40):e.end + 40]!r}")


def gc_counts(path):
    """(nodes, edges) of a one-graph file according to Graphviz's gc."""
    p = subprocess.run(["gc", "-n", "-e", path], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=TIMEOUT, check=True)
    lines = p.stdout.decode().splitlines()
    assert len(lines) == 1, lines
    nodes, edges = lines[0].split()[:2]
    return int(nodes), int(edges)


# --------------------------------------------------------------------------------------------
# 1. The bundled graph


class BundledGraphTest(CliTestCase):
    def test_validate_is_clean(self):
        r = bundled("validate", BUNDLED)
        self.assertStatus(r, 0)
        self.assertIn(f"{BUNDLED}: ", r.stdout)
        self.assertIn("0 errors", r.stdout)

    @unittest.skipIf(shutil.which("gc") is None, "Graphviz's gc is not installed")
    def test_stats_json_counts_agree_with_gc(self):
        nodes, edges = gc_counts(BUNDLED)
        r = bundled("stats", BUNDLED, "--format", "json")
        self.assertStatus(r, 0)
        s = self.json_of(r)
        self.assertEqual(s["entities"], nodes)
        self.assertEqual(s["relations"], edges)
        self.assertEqual(sum(s["entities_by_type"].values()), nodes)
        self.assertEqual(sum(s["relations_by_type"].values()), edges)
        self.assertNotIn("(untyped)", s["entities_by_type"])
        self.assertNotIn("(untyped)", s["relations_by_type"])

    def test_show_entity_json(self):
        r = bundled("show", BUNDLED, "infosys", "--format", "json")
        self.assertStatus(r, 0)
        e = self.json_of(r)
        self.assertEqual(e["id"], "infosys")
        self.assertEqual(e["type"], "SI")
        self.assertTrue(
            any(n["relation"] == "partners_with" and n["id"] == "alibaba-cloud"
                for n in e["relations"]), e["relations"])

    def test_show_unknown_entity_suggests(self):
        r = bundled("show", BUNDLED, "infosis")
        self.assertStatus(r, 1)
        self.assertIn("infosis", r.stderr)
        self.assertIn("did you mean 'infosys'", r.stderr)

    def test_schema_json(self):
        r = bundled("schema", "--format", "json")
        self.assertStatus(r, 0)
        types = {t["name"]: t for t in self.json_of(r)["entity_types"]}
        self.assertIn("SI", types)
        self.assertEqual(types["SI"]["parent"], "Company")


# --------------------------------------------------------------------------------------------
# 2. Determinism

TABLE_FORMATS = ["table", "json", "csv", "markdown"]
DETERMINISM_COMMANDS = (
    [("validate", BUNDLED, "-f", f) for f in TABLE_FORMATS] +
    [("stats", BUNDLED, "-f", f) for f in TABLE_FORMATS] +
    [("show", BUNDLED, "alibaba-cloud", "-f", f) for f in TABLE_FORMATS] +
    [("schema", "-f", f) for f in TABLE_FORMATS] +
    [("export", BUNDLED),
     ("export", BUNDLED, "--plain"),
     ("export", BUNDLED, "-f", "svg"),
     ("export", BUNDLED, "-f", "png")])


class DeterminismTest(CliTestCase):
    def test_every_command_twice_gives_identical_bytes(self):
        for args in DETERMINISM_COMMANDS:
            with self.subTest(command=" ".join(args)):
                first = bundled(*args)
                self.assertStatus(first, 0)
                self.assertGreater(len(first.out), 0, first.describe())
                second = run(list(args))
                self.assertStatus(second, 0)
                self.assertTrue(first.out == second.out,
                                f"ecograph {' '.join(args)}: two runs differ")


# Every command that reads a graph takes --threads N (the most threads loading and analysing
# may use): one thread gives the bytes that all cores give.
THREADS_COMMANDS = [
    ("validate", BUNDLED), ("stats", BUNDLED), ("show", BUNDLED, "infosys"),
    ("export", BUNDLED), ("convert", BUNDLED, "--to", "json", "-o", "-"),
    ("centrality", BUNDLED, "--measure", "pagerank"),
    ("brokerage", BUNDLED, "--group-by", "region"), ("resilience", BUNDLED),
    ("impact", BUNDLED, "--remove", "alibaba-cloud"), ("reach", BUNDLED, "alibaba-cloud"),
    ("path", BUNDLED, "alex-li", "india"), ("neighborhood", BUNDLED, "infosys"),
]


class ThreadsTest(ClassTempDir, CliTestCase):
    def test_one_thread_gives_the_same_bytes(self):
        for args in THREADS_COMMANDS:
            with self.subTest(command=" ".join(args)):
                every_core, one = bundled(*args), run([*args, "--threads", "1"])
                self.assertStatus(every_core, 0)
                self.assertStatus(one, 0)
                self.assertEqual(one.out, every_core.out)

    def test_a_big_graph_loads_the_same_on_one_thread(self):
        """150k relations: validation and the view are split between threads."""
        prefix = os.path.join(self.tmp, "big")
        p = subprocess.run([sys.executable, harness.GENERATOR, "--entities", "20000",
                            "--relations", "150000", "--seed", "5", "--csv", prefix],
                           stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        files = [prefix + "-entities.csv", prefix + "-relations.csv"]
        for args in (["validate", "-f", "json"], ["stats", "-f", "json"],
                     ["centrality", "--measure", "pagerank", "--top", "20"]):
            with self.subTest(command=args[0]):
                every_core, one = run([args[0], *files, *args[1:]]), run(
                    [args[0], *files, *args[1:], "--threads", "1"])
                self.assertStatus(every_core, 0)
                self.assertStatus(one, 0)
                self.assertEqual(one.out, every_core.out)

    def test_a_negative_count_is_a_usage_error(self):
        for command in ("validate", "stats", "reach"):
            with self.subTest(command=command):
                r = run([command, BUNDLED, "infosys", "--threads", "-1"] if command == "reach"
                        else [command, BUNDLED, "--threads", "-1"])
                self.assertStatus(r, 2)
                self.assertIn("--threads", r.stderr)


# --------------------------------------------------------------------------------------------
# 3. Golden files

GOLDEN = {
    "stats.txt": ("stats", BUNDLED),
    "stats.json": ("stats", BUNDLED, "--format", "json"),
    "stats.csv": ("stats", BUNDLED, "--format", "csv"),
    "stats.md": ("stats", BUNDLED, "--format", "markdown"),
    "validate.txt": ("validate", BUNDLED),
    "show-alibaba-cloud.txt": ("show", BUNDLED, "alibaba-cloud"),
    "show-alibaba-cloud.json": ("show", BUNDLED, "alibaba-cloud", "--format", "json"),
    "schema.md": ("schema", "--format", "markdown"),
    "export-plain.gv": ("export", BUNDLED, "--plain"),
    # Labels are measured from ecograph's DejaVu Sans table, not by pango: the same bytes on
    # every machine with Graphviz 2.42, whatever fonts it has.
    "export.svg": ("export", BUNDLED, "-f", "svg"),
}


class GoldenTest(CliTestCase):
    def test_outputs_match_golden_files(self):
        if UPDATE_GOLDEN:
            os.makedirs(GOLDEN_DIR, exist_ok=True)
        for name, args in GOLDEN.items():
            with self.subTest(golden=name):
                r = bundled(*args)
                self.assertStatus(r, 0)
                path = os.path.join(GOLDEN_DIR, name)
                if UPDATE_GOLDEN:
                    with open(path, "wb") as f:
                        f.write(r.out)
                    print(f"\n  updated {os.path.relpath(path, REPO_ROOT)}", end="")
                    continue
                if not os.path.exists(path):
                    self.fail(f"{path} is missing; run with ECOGRAPH_UPDATE_GOLDEN=1 to create it")
                with open(path, "rb") as f:
                    want = f.read()
                if r.out != want:
                    diff = difflib.unified_diff(
                        want.decode("utf-8", "replace").splitlines(),
                        r.stdout.splitlines(), f"golden/{name}", f"ecograph {' '.join(args)}",
                        lineterm="", n=1)
                    self.fail(f"output differs from golden/{name} (ECOGRAPH_UPDATE_GOLDEN=1 "
                              "rewrites it):\n" + "\n".join(list(diff)[:60]))


# --------------------------------------------------------------------------------------------
# 4. Validation rules

# A valid typed graph to build the bad cases on; line numbers matter, so keep it in step.
HEADER = """digraph t {
  cloud [type="CloudProvider", label="Cloud"];
  infosys [type="SI", label="Infosys"];
  dc [type="DataCentre", label="DC"];
  india [type="Region", label="India"];
"""  # lines 1-5; a test's first own line is line 6

SPONSORS_SCHEMA = """# extends the built-in schema with a relation that has a required attribute
[relation.sponsors]
description = "A company sponsors a programme"
from = ["Company"]
to = ["Programme"]
required = ["amount_usd"]
[relation.sponsors.attributes]
amount_usd = "money"
"""


class ValidationRulesTest(ClassTempDir, CliTestCase):
    tmp_prefix = "ecograph-rules-"

    def write(self, name, text):
        with open(os.path.join(self.tmp, name), "w", encoding="utf-8") as f:
            f.write(text)
        return name

    def validate(self, files, status, *extra):
        r = run(["validate", *extra, *files], cwd=self.tmp)
        self.assertStatus(r, status)
        self.assertValidUtf8(r.out, "validate output")
        return r

    def diagnostic(self, r, file, line, severity, code):
        """The one diagnostic line `file:line: severity[code]: ...` of r's output."""
        prefix = f"{file}:{line}: {severity}[{code}]: " if line else f"{file}: {severity}[{code}]: "
        found = [l for l in r.stdout.splitlines() if l.startswith(prefix)]
        self.assertEqual(len(found), 1, f"expected one line starting {prefix!r}" + r.describe())
        return found[0]

    def check(self, body, status, line, severity, code, *fragments, name=None):
        """Validates HEADER + body + "}"; expects the diagnostic at line with the fragments."""
        name = name or f"{self.id().rsplit('.', 1)[-1]}.gv"
        self.write(name, HEADER + body + "}\n")
        r = self.validate([name], status)
        d = self.diagnostic(r, name, line, severity, code)
        for frag in fragments:
            self.assertIn(frag, d)
        errors = 0 if severity == "warning" else 1
        self.assertIn(f"; {errors} error{'' if errors == 1 else 's'}, ", r.stdout)
        return r

    def test_header_alone_is_clean(self):
        self.write("clean.gv", HEADER + '  cloud -> dc [type="operates"];\n}\n')
        r = self.validate(["clean.gv"], 0)
        self.assertIn("clean.gv: 4 entities, 1 relation; 0 errors, 0 warnings", r.stdout)

    def test_untyped_graph_loads_with_one_warning(self):
        self.write("untyped.gv", "digraph u {\n  a -> b;\n  b -> c [label=x];\n}\n")
        r = self.validate(["untyped.gv"], 0)
        self.assertIn("warning[W100]", r.stdout)
        self.assertIn("untyped.gv: 3 entities, 2 relations; 0 errors, 1 warning", r.stdout)
        j = self.json_of(self.validate(["untyped.gv"], 0, "--format", "json"))
        self.assertEqual((j["typed"], j["errors"], j["warnings"]), (False, 0, 1))
        self.assertEqual(j["diagnostics"][0]["code"], "W100")

    def test_E101_unknown_entity_type_with_hint(self):
        self.check('  typo [type="Sl"];\n', 1, 6, "error", "E101", "'Sl'", "did you mean 'SI'?")

    def test_E102_entity_without_type(self):
        self.check('  bare [label="No type"];\n', 1, 6, "error", "E102", "'bare'", "no type")

    def test_E102_entity_used_by_relation_but_never_declared(self):
        self.check('\n  infosys -> ghost [type="partners_with"];\n', 1, 7, "error", "E102",
                   "'ghost'", "never declared")

    def test_E103_abstract_type(self):
        self.check('  acme [type="Company"];\n', 1, 6, "error", "E103", "'Company'", "abstract")

    def test_E110_attribute_value_of_wrong_type(self):
        self.check('  prog [type="Programme", amount_usd="abc"];\n', 1, 6, "error", "E110",
                   "'amount_usd'", "'abc'", "money")

    def test_W111_undeclared_attribute_is_only_a_warning(self):
        self.check('  infosys2 [type="SI", colour="blue"];\n', 0, 6, "warning", "W111",
                   "'colour'")

    def test_E112_missing_required_attribute(self):
        self.check('  fy [type="FinancialResult", period="FY2020"];\n', 1, 6, "error", "E112",
                   "'fy'", "revenue_usd")

    def test_E201_relation_without_type(self):
        self.check("  cloud -> dc;\n", 1, 6, "error", "E201", "cloud -> dc")

    def test_E202_unknown_relation_type_with_hint(self):
        self.check('  cloud -> infosys [type="partner_with"];\n', 1, 6, "error", "E202",
                   "'partner_with'", "did you mean 'partners_with'?")

    def test_E204_source_type_not_allowed(self):
        self.check('  infosys -> dc [type=operates];\n', 1, 6, "error", "E204", "'infosys'",
                   "operates expects CloudProvider -> DataCentre")

    def test_E205_target_type_not_allowed(self):
        self.check('  cloud -> india [type=operates];\n', 1, 6, "error", "E205", "'india'",
                   "operates expects CloudProvider -> DataCentre")

    def test_E210_relation_attribute_value_of_wrong_type(self):
        self.check('  cloud -> infosys [type=partners_with, strategic="maybe"];\n', 1, 6,
                   "error", "E210", "'strategic'", "'maybe'", "boolean")

    def test_W211_undeclared_relation_attribute_is_only_a_warning(self):
        self.check('  cloud -> infosys [type=partners_with, colour="red"];\n', 0, 6, "warning",
                   "W211", "'colour'")

    def test_E212_missing_required_relation_attribute(self):
        self.write("sponsors.toml", SPONSORS_SCHEMA)
        body = ('  prog [type="Programme"];\n'
                '  cloud -> prog [type=sponsors, amount_usd="5"];\n'
                '  infosys -> prog [type=sponsors];\n')
        self.write("e212.gv", HEADER + body + "}\n")
        r = self.validate(["e212.gv"], 1, "--schema", "sponsors.toml")
        d = self.diagnostic(r, "e212.gv", 8, "error", "E212")
        self.assertIn("amount_usd", d)
        self.assertIn("1 error, 0 warnings", r.stdout)
        # Without the schema, the relation type is unknown.
        r = self.validate(["e212.gv"], 1)
        self.diagnostic(r, "e212.gv", 7, "error", "E202")

    def test_errors_are_reported_at_the_line_of_the_node(self):
        # The node is used in an attributed edge first, declared (wrongly) on a later line.
        self.check('  infosys -> late [type=partners_with];\n\n  late [type="Sl"];\n', 1, 8,
                   "error", "E101", "'late'")

    def test_several_problems_are_all_reported(self):
        body = ('  typo [type="Sl"];\n'                               # 6  E101
                '  prog [type="Programme", amount_usd="lots"];\n'     # 7  E110
                '  fy [type="FinancialResult"];\n'                    # 8  E112 x2
                '  infosys -> dc [type=operates];\n'                  # 9  E204
                '  cloud -> infosys [type=partner_with];\n'           # 10 E202
                '  cloud -> india [type=serves, weight="x", hue=1];\n'  # 11 E210, W211
                '  infosys -> cloud;\n')                              # 12 E201
        self.write("many.gv", HEADER + body + "}\n")
        r = self.validate(["many.gv"], 1)
        expected = [(6, "error", "E101"), (7, "error", "E110"), (9, "error", "E204"),
                    (10, "error", "E202"), (11, "error", "E210"), (11, "warning", "W211"),
                    (12, "error", "E201")]
        for line, severity, code in expected:
            self.diagnostic(r, "many.gv", line, severity, code)
        self.assertEqual(r.stdout.count("many.gv:8: error[E112]"), 2, r.describe())
        self.assertIn("many.gv: 7 entities, 4 relations; 8 errors, 1 warning", r.stdout)
        j = self.json_of(self.validate(["many.gv"], 1, "--format", "json"))
        self.assertEqual((j["readable"], j["entities"], j["relations"], j["typed"]),
                         (True, 7, 4, True))
        self.assertEqual((j["errors"], j["warnings"]), (8, 1))
        got = sorted((d["line"], d["severity"], d["code"]) for d in j["diagnostics"])
        self.assertEqual(got, sorted(expected + [(8, "error", "E112")] * 2))
        for d in j["diagnostics"]:
            self.assertEqual(d["file"], "many.gv")
            self.assertEqual(set(d), {"severity", "code", "file", "line", "subject", "message",
                                      "hint"})

    def test_long_multibyte_value_in_message_stays_valid_utf8(self):
        # The message quotes a shortened value; shortening must not cut a UTF-8 sequence.
        value = "é" * 40
        self.write("utf8value.gv",
                   HEADER + f'  prog [type="Programme", amount_usd="{value}"];\n}}\n')
        r = self.validate(["utf8value.gv"], 1)
        self.diagnostic(r, "utf8value.gv", 6, "error", "E110")
        r = self.validate(["utf8value.gv"], 1, "--format", "json")
        self.assertEqual([d["code"] for d in self.json_of(r)["diagnostics"]], ["E110"])

    def test_multi_file_merge_is_clean(self):
        self.write("decl.gv", HEADER + "}\n")
        self.write("use.gv", 'digraph u {\n  cloud -> dc [type="operates"];\n'
                             '  infosys -> cloud [type=partners_with];\n}\n')
        r = self.validate(["decl.gv", "use.gv"], 0)
        self.assertIn("2 files: 4 entities, 2 relations; 0 errors, 0 warnings", r.stdout)
        # On its own the second file uses undeclared entities.
        r = self.validate(["use.gv"], 1)
        self.diagnostic(r, "use.gv", 3, "error", "E102")

    def test_E301_conflicting_types_across_files(self):
        self.write("a301.gv", HEADER + "}\n")
        self.write("b301.gv", 'digraph b {\n\n  infosys [type="MSP"];\n}\n')
        r = self.validate(["a301.gv", "b301.gv"], 1)
        d = self.diagnostic(r, "b301.gv", 3, "error", "E301")
        self.assertIn("'infosys'", d)
        self.assertIn("a301.gv:3", d)  # where the other declaration is

    def test_E302_conflicting_attribute_values_across_files(self):
        self.write("a302.gv", HEADER + "}\n")
        self.write("b302.gv", 'digraph b {\n  infosys [label="Wipro"];\n}\n')
        r = self.validate(["a302.gv", "b302.gv"], 1)
        d = self.diagnostic(r, "b302.gv", 2, "error", "E302")
        self.assertIn("'label'", d)
        self.assertIn("a302.gv", d)


# --------------------------------------------------------------------------------------------
# 5. Bad input


class BadInputTest(ClassTempDir, CliTestCase):
    tmp_prefix = "ecograph-bad-"

    def write(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(self.tmp, name), "wb") as f:
            f.write(data)
        return name

    def unreadable(self, name, *fragments):
        """validate and stats both exit 3 with a message naming the file."""
        r = run(["validate", name], cwd=self.tmp)
        self.assertStatus(r, 3)
        self.assertIn(f"{name}: cannot be read", r.stdout)
        for frag in fragments:
            self.assertIn(frag, r.stdout)
        diag = [l for l in r.stdout.splitlines() if l.startswith(name) and "error[E" in l]
        self.assertTrue(diag, "no error diagnostic naming the file" + r.describe())
        s = run(["stats", name], cwd=self.tmp)
        self.assertStatus(s, 3)
        self.assertIn(name, s.stderr)
        self.assertEqual(s.out, b"")
        return r

    def test_empty_file(self):
        self.unreadable(self.write("empty.gv", b""), "E003", "no graph")

    def test_comment_only_file(self):
        self.unreadable(self.write("comments.gv", "// nothing\n/* here */\n# 1 \"x\"\n"),
                        "E003", "no graph")

    def test_binary_with_nul_bytes(self):
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
        self.unreadable(self.write("binary.gv", data), "E002")

    def test_random_bytes_without_nul(self):
        rng = random.Random(20240601)
        data = bytes(rng.randrange(1, 256) for _ in range(8192))
        self.unreadable(self.write("random.gv", data), "E001")

    def test_directory(self):
        os.makedirs(os.path.join(self.tmp, "adir.gv"), exist_ok=True)
        self.unreadable("adir.gv", "E004", "directory")

    def test_missing_file(self):
        self.unreadable("missing.gv", "E004", "no such file")

    def test_truncated_dot(self):
        self.unreadable(self.write("truncated.gv", "digraph { a -> "), "E001")

    def test_unterminated_string(self):
        self.unreadable(self.write("unterminated.gv", 'digraph {\n  a [label="oops];\n}\n'),
                        "E001", "not closed")

    def test_deep_nesting_5000_is_refused(self):
        text = "digraph g {\n" + "subgraph { " * 5000 + "a -> b" + " }" * 5000 + "\n}\n"
        self.unreadable(self.write("deep5000.gv", text), "E001", "nested")

    def test_deep_nesting_200_loads(self):
        text = "digraph g {\n" + "subgraph { " * 200 + "a -> b" + " }" * 200 + "\n}\n"
        r = run(["validate", self.write("deep200.gv", text)], cwd=self.tmp)
        self.assertStatus(r, 0)
        self.assertIn("deep200.gv: 2 entities, 1 relation", r.stdout)

    def test_edge_chain_3000_is_refused_with_explanation(self):
        text = "digraph g {\n  " + " -> ".join(f"a{i}" for i in range(3000)) + ";\n}\n"
        r = self.unreadable(self.write("chain.gv", text), "E001", "chain")
        self.assertIn("chain.gv:2:", r.stdout)

    def test_10mb_attribute_value(self):
        size = 10 * 1024 * 1024
        text = ('digraph big {\n  a [type="SI", description="' + "x" * size + '"];\n'
                '  b [type="Region"];\n  a -> b [type=operates_in];\n}\n')
        name = self.write("big.gv", text)
        t0 = time.monotonic()
        r = run(["validate", name], cwd=self.tmp)
        elapsed = time.monotonic() - t0
        self.assertStatus(r, 0)
        self.assertIn("big.gv: 2 entities, 1 relation; 0 errors, 0 warnings", r.stdout)
        self.assertLess(elapsed, 10, "validating a 10 MB attribute is too slow")
        # --plain writes it back in "..." + "..." chunks that read back as the same value.
        r = run(["export", name, "--plain", "-o", "big-plain.gv"], cwd=self.tmp)
        self.assertStatus(r, 0)
        with open(os.path.join(self.tmp, "big-plain.gv"), "rb") as f:
            self.assertIn(b'" + "', f.read())
        r = run(["show", "big-plain.gv", "a", "--format", "json"], cwd=self.tmp)
        self.assertStatus(r, 0)
        self.assertEqual(len(self.json_of(r)["attributes"]["description"]), size)

    def test_invalid_utf8_label_gives_utf8_output(self):
        data = (b'digraph g {\n  a [type="SI", label="caf\xe9 \xff\xfe \xc3"];\n'
                b'  b [type="Region", label="\xed\xa0\x80 surrogate, \xc0\xaf overlong"];\n'
                b'  a -> b [type=operates_in, description="\x80\x80"];\n}\n')
        name = self.write("latin1.gv", data)
        commands = [["validate", name], ["validate", name, "-f", "json"],
                    ["validate", name, "-f", "csv"], ["stats", name],
                    ["show", name, "a"], ["show", name, "b", "-f", "json"],
                    ["show", name, "a", "-f", "markdown"], ["export", name, "--plain"],
                    ["export", name]]
        for args in commands:
            with self.subTest(command=" ".join(args)):
                r = run(args, cwd=self.tmp)
                self.assertStatus(r, 0)
                self.assertValidUtf8(r.out, "stdout")
                self.assertValidUtf8(r.err, "stderr")
        r = run(["show", name, "a", "-f", "json"], cwd=self.tmp)
        self.assertIn("caf\ufffd", self.json_of(r)["attributes"]["label"])

    def test_control_characters_in_values_are_kept(self):
        # A long token makes the reader use internal placeholders; an attribute value that
        # happens to look like one must still be read as written.
        text = ('digraph g {\n  a [label="' + "y" * 5000 + '"];\n'
                '  b [label="\x1e0\x1f"];\n}\n')
        name = self.write("control.gv", text)
        r = run(["show", name, "b", "-f", "json"], cwd=self.tmp)
        self.assertStatus(r, 0)
        label = self.json_of(r)["attributes"].get("label", "")
        self.assertTrue(label == "\x1e0\x1f",
                        f"label of b read as {label[:40]!r}... ({len(label)} chars)")

    def test_long_attribute_name_is_kept(self):
        # Tokens over 4 KiB are swapped for placeholders before cgraph sees them; an attribute
        # name that long must come back as written, not as the placeholder.
        key = "k" * 5000
        name = self.write("longkey.gv", "digraph g {\n  a [" + key + "=1];\n}\n")
        r = run(["show", name, "a", "-f", "json"], cwd=self.tmp)
        self.assertStatus(r, 0)
        keys = list(self.json_of(r)["attributes"])
        self.assertTrue(keys == [key], f"attribute names read as {[k[:20] for k in keys]!r}")


# --------------------------------------------------------------------------------------------
# 6. Usage errors


class UsageTest(CliTestCase):
    def usage_error(self, *args):
        r = run(list(args))
        self.assertStatus(r, 2)
        self.assertTrue(r.stderr.strip(), "no message on stderr" + r.describe())
        return r

    def test_unknown_flag(self):
        self.assertIn("--frobnicate", self.usage_error("validate", "--frobnicate", BUNDLED).stderr)

    def test_no_files(self):
        for cmd in ("validate", "stats", "export"):
            with self.subTest(command=cmd):
                self.usage_error(cmd)

    def test_bad_format(self):
        for cmd in ("validate", "stats", "schema"):
            with self.subTest(command=cmd):
                args = [cmd] + ([] if cmd == "schema" else [BUNDLED]) + ["--format", "xml"]
                self.assertIn("xml", self.usage_error(*args).stderr)
        self.assertIn("xml", self.usage_error("show", BUNDLED, "infosys", "-f", "xml").stderr)
        self.assertIn("xml", self.usage_error("export", BUNDLED, "-f", "xml").stderr)

    def test_bad_layout(self):
        self.assertIn("foo", self.usage_error("export", BUNDLED, "--layout", "foo").stderr)

    def test_bad_cluster_by(self):
        self.usage_error("export", BUNDLED, "--cluster-by", "colour")

    def test_unknown_subcommand(self):
        self.usage_error("frobnicate", BUNDLED)

    def test_no_subcommand(self):
        self.usage_error()

    def test_show_with_only_a_file(self):
        self.assertIn("ENTITY", self.usage_error("show", BUNDLED).stderr)

    def test_plain_with_image_format(self):
        self.usage_error("export", BUNDLED, "--plain", "-f", "svg")

    def test_help_of_every_subcommand(self):
        for cmd in ("validate", "stats", "show", "schema", "export"):
            with self.subTest(command=cmd):
                r = run([cmd, "--help"])
                self.assertStatus(r, 0)
                self.assertIn(cmd, r.stdout)
                self.assertIn("--format", r.stdout)


# --------------------------------------------------------------------------------------------
# 7. Atomic output


class AtomicOutputTest(CliTestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ecograph-atomic-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.out_dir = os.path.join(self.tmp, "out")
        os.mkdir(self.out_dir)
        self.out = os.path.join(self.out_dir, "out.svg")
        self.bad = os.path.join(self.tmp, "bad.gv")
        with open(self.bad, "w") as f:
            f.write("digraph { a -> ")
        self.invalid = os.path.join(self.tmp, "invalid.gv")
        with open(self.invalid, "w") as f:
            f.write('digraph { a [type="Sl"]; }\n')

    def test_failed_export_creates_no_file(self):
        for src, status in ((self.bad, 3), (self.invalid, 1)):
            with self.subTest(input=os.path.basename(src)):
                r = run(["export", src, "-f", "svg", "-o", self.out])
                self.assertStatus(r, status)
                self.assertEqual(os.listdir(self.out_dir), [], "output or temp file left behind")

    def test_failed_export_keeps_existing_file(self):
        for src, status in ((self.bad, 3), (self.invalid, 1), ("missing.gv", 3)):
            with self.subTest(input=os.path.basename(src)):
                with open(self.out, "w") as f:
                    f.write("old")
                r = run(["export", src, "-f", "svg", "-o", self.out], cwd=self.tmp)
                self.assertStatus(r, status)
                with open(self.out) as f:
                    self.assertEqual(f.read(), "old")
                self.assertEqual(os.listdir(self.out_dir), ["out.svg"])

    def test_successful_export_replaces_file(self):
        with open(self.out, "w") as f:
            f.write("old")
        r = run(["export", BUNDLED, "-f", "svg", "-o", self.out])
        self.assertStatus(r, 0)
        self.assertEqual(r.out, b"")
        with open(self.out, "rb") as f:
            self.assertEqual(f.read(), bundled("export", BUNDLED, "-f", "svg").out)
        self.assertEqual(os.listdir(self.out_dir), ["out.svg"])


# --------------------------------------------------------------------------------------------
# 8. Export


class ExportTest(CliTestCase):
    def test_svg_is_xml(self):
        r = bundled("export", BUNDLED, "-f", "svg")
        self.assertStatus(r, 0)
        root = ET.fromstring(r.out)
        self.assertEqual(root.tag.rsplit("}", 1)[-1], "svg")

    def test_png_signature(self):
        r = bundled("export", BUNDLED, "-f", "png")
        self.assertStatus(r, 0)
        self.assertTrue(r.out.startswith(b"\x89PNG\r\n\x1a\n"), r.out[:16])

    def test_pdf_signature(self):
        r = bundled("export", BUNDLED, "-f", "pdf")
        self.assertStatus(r, 0)
        self.assertTrue(r.out.startswith(b"%PDF"), r.out[:16])

    def test_pdf_same_bytes_every_run(self):
        # neato and twopi placed some labels one unit in the last place differently from
        # run to run, which PDF's six decimals showed (about 1 run in 10).
        for layout in ("neato", "twopi"):
            outputs = {run(["export", BUNDLED, "--layout", layout, "-f", "pdf"]).out
                       for _ in range(12)}  # run, not the cached bundled()
            self.assertEqual(len(outputs), 1, layout)

    def test_cluster_by_region(self):
        r = bundled("export", BUNDLED, "--cluster-by", "region")
        self.assertStatus(r, 0)
        self.assertIn('subgraph "cluster_india"', r.stdout)

    def test_plain_round_trip(self):
        tmp = tempfile.mkdtemp(prefix="ecograph-plain-")
        self.addCleanup(shutil.rmtree, tmp, True)
        plain = os.path.join(tmp, "plain.gv")
        first = bundled("export", BUNDLED, "--plain")
        self.assertStatus(first, 0)
        with open(plain, "wb") as f:
            f.write(first.out)
        original = self.json_of(bundled("validate", BUNDLED, "-f", "json"))
        again = run(["validate", plain, "-f", "json"])
        self.assertStatus(again, 0)
        again = self.json_of(again)
        for key in ("entities", "relations", "typed", "errors", "warnings"):
            self.assertEqual(again[key], original[key], key)
        # Same statistics, and writing it out again is a fixpoint.
        stats = run(["stats", plain, "-f", "json"])
        self.assertStatus(stats, 0)
        self.assertEqual(self.json_of(stats), self.json_of(bundled("stats", BUNDLED, "-f", "json")))
        second = run(["export", plain, "--plain"])
        self.assertStatus(second, 0)
        self.assertTrue(second.out == first.out, "export --plain is not a fixpoint")

    def plain_round_trip(self, name, text, entities):
        """export --plain of text reads back with the same attributes and relations."""
        tmp = tempfile.mkdtemp(prefix="ecograph-plain-")
        self.addCleanup(shutil.rmtree, tmp, True)
        with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
            f.write(text)
        r = run(["export", name, "--plain", "-o", "plain.gv"], cwd=tmp)
        self.assertStatus(r, 0)
        with open(os.path.join(tmp, "plain.gv"), encoding="utf-8") as f:
            plain = f.read()
        r = run(["validate", "plain.gv"], cwd=tmp)
        self.assertStatus(r, 0)
        for entity in entities:
            with self.subTest(entity=entity):
                want = run(["show", name, entity, "-f", "json"], cwd=tmp)
                self.assertStatus(want, 0)
                got = run(["show", "plain.gv", entity, "-f", "json"], cwd=tmp)
                self.assertStatus(got, 0)
                a, b = self.json_of(want), self.json_of(got)
                self.assertEqual(a["attributes"], b["attributes"], plain)
                self.assertEqual(a["relations"], b["relations"], plain)

    def test_plain_round_trip_of_quotes_and_backslashes(self):
        self.plain_round_trip(
            "escapes.gv",
            'digraph "a \\"graph\\"" {\n'
            '  "node \\"one\\"" [label="say \\"hi\\"", description="back\\\\slash\\n"];\n'
            '  "node \\"one\\"" -> "two\\\\three" [label="\\"", weight=2];\n'
            '  html [label=<b<i>x</i>>];\n}\n',
            ['node "one"', "two\\\\three", "html"])

    def test_plain_quotes_attribute_names(self):
        # Attribute names that are not plain DOT identifiers (spaces, keywords) need quotes.
        self.plain_round_trip(
            "keys.gv",
            'digraph g {\n  a ["my key"="v", "edge"="kw", "node"=1];\n  a -> b ["a-b"=2];\n}\n',
            ["a"])

    def test_plain_backslashes_next_to_quotes(self):
        # a: an HTML-like label can end in a backslash; a quoted "x\" would swallow the quote.
        # b: a value opening with a run of 6000 backslashes; the writer must not split the
        #    run at a chunk boundary ("\" + "...").
        self.plain_round_trip(
            "backslash.gv",
            'digraph g {\n  a [label=<x\\>];\n  b [label="' + "\\" * 6000 + '"];\n}\n',
            ["a", "b"])


class FontTest(CliTestCase):
    """ecograph measures label text from its own table of DejaVu Sans advance widths."""

    SVG_RUNS = [("export", BUNDLED, "-f", "svg"),
                ("export", BUNDLED, "--cluster-by", "region", "-f", "svg"),
                ("export", BUNDLED, "--layout", "neato", "-f", "svg"),
                ("neighborhood", BUNDLED, "infosys", "-f", "svg")]

    def run_env(self, args, **env):
        e = dict(harness.ENV)
        e.update(env)
        p = subprocess.run([harness.ECOGRAPH] + list(args), cwd=REPO_ROOT, env=e,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")

    def test_svg_independent_of_installed_fonts(self):
        # A fontconfig configuration without a single font: pango would measure every label
        # as a row of missing-glyph boxes, and the layout would change.
        tmp = tempfile.mkdtemp(prefix="ecograph-fonts-")
        self.addCleanup(shutil.rmtree, tmp, True)
        conf = os.path.join(tmp, "fonts.conf")
        with open(conf, "w") as f:
            f.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    f"<fontconfig><cachedir>{tmp}/cache</cachedir></fontconfig>\n")
        for args in self.SVG_RUNS:
            with self.subTest(args=" ".join(args)):
                want = bundled(*args)
                self.assertStatus(want, 0)
                status, out, err = self.run_env(args, FONTCONFIG_FILE=conf)
                self.assertEqual((status, err), (0, ""))
                self.assertTrue(out == want.out, "the SVG changed without fonts")

    def test_svg_loads_neither_pango_nor_fontconfig(self):
        status, out, err = self.run_env(self.SVG_RUNS[1], LD_DEBUG="files")
        self.assertEqual(status, 0)
        loaded = [line for line in err.splitlines() if "file=" in line]
        self.assertTrue(any("libgvplugin_dot_layout" in line for line in loaded), err[-2000:])
        for library in ("libgvplugin_pango", "libpango", "libcairo", "libfontconfig"):
            self.assertFalse(any(library in line for line in loaded), library)

    def test_svg_declares_dejavu_sans_with_fallbacks(self):
        r = bundled("export", BUNDLED, "-f", "svg")
        self.assertStatus(r, 0)
        families = {e.get("font-family") for e in ET.fromstring(r.out).iter()
                    if e.get("font-family")}
        self.assertEqual(families, {"DejaVu Sans,Helvetica,Arial,sans-serif"})

    def test_png_and_pdf_laid_out_as_svg(self):
        # cairo draws the text (with pango), but the sizes are ecograph's: the same layout.
        svg = ET.fromstring(bundled("export", BUNDLED, "-f", "svg").out)
        width, height = (float(svg.get(k).removesuffix("pt")) for k in ("width", "height"))
        png = bundled("export", BUNDLED, "-f", "png")
        self.assertStatus(png, 0)
        # PNG at 96 dpi (the IHDR chunk holds the size in pixels), Graphviz rounding up; a
        # layout from pango's widths would be 9 pixels narrower.
        px = int.from_bytes(png.out[16:20], "big"), int.from_bytes(png.out[20:24], "big")
        for got, points in zip(px, (width, height)):
            self.assertLessEqual(abs(got - points * 96 / 72), 1, (px, width, height))
        pdf = bundled("export", BUNDLED, "-f", "pdf")
        self.assertStatus(pdf, 0)
        # PDF in points, with cairo's default margin of 36 points on each side.
        box = re.search(rb"/MediaBox \[ 0 0 ([0-9.]+) ([0-9.]+) \]", pdf.out)
        self.assertIsNotNone(box, "no /MediaBox in the PDF")
        self.assertEqual((float(box[1]), float(box[2])), (width + 72, height + 72))


if __name__ == "__main__":
    if not os.access(harness.ECOGRAPH, os.X_OK):
        sys.exit(f"test_cli.py: {harness.ECOGRAPH} is not an executable")
    unittest.main(argv=sys.argv, verbosity=2)
