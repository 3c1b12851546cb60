"""Hostile and odd input, end to end (issue 13): inputs that once crashed the binary, inputs
that once took quadratic time, wrong input once accepted silently, the diagnostics cap, and
the integrity of what ecograph writes (--output, report --out DIR, killed runs).

Run by CTest as `test_hardening.py /path/to/ecograph`.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import harness
from harness import ClassTempDir, run

harness.binary_from_argv("test_hardening.py")


class HardeningCase(ClassTempDir, harness.CliTestCase):
    tmp_prefix = "ecograph-hard-"

    def write(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(self.tmp, name), "wb") as f:
            f.write(data)
        return name

    def ecograph(self, *args, timeout=harness.TIMEOUT):
        return run(list(args), cwd=self.tmp, timeout=timeout)


class DotCrashTest(HardeningCase):
    """Each of these crashed every DOT-reading command (SIGSEGV in load_graph)."""

    def test_percent_ids_read_as_written(self):
        for i, text in enumerate(['digraph { "%" }', 'digraph { "%20x" -> b }',
                                  'digraph { "%0" }']):
            name = self.write(f"percent{i}.gv", text)
            for cmd in (["validate", name], ["stats", name], ["export", name]):
                self.assertStatus(self.ecograph(*cmd), 0)
        r = self.ecograph("show", "percent1.gv", "%20x")
        self.assertStatus(r, 0)
        self.assertIn("percent1.gv:1", r.stdout)

    def test_ecograph_reads_its_own_output(self):
        self.write("p.entities.csv", "id,type\n%,SI\n%20x,ISV\n")
        self.assertStatus(self.ecograph("convert", "p.entities.csv", "-o", "p.gv"), 0)
        r = self.ecograph("validate", "p.gv")
        self.assertStatus(r, 0)
        self.assertIn("2 entities", r.stdout)

    def test_badly_delimited_numbers_are_errors(self):
        for i, (text, word) in enumerate([("1.2.3", "1.2.3"), ("1..2", "1..2"),
                                          ("-.5.5", "-.5.5"), ("a -> 1.2.3", "1.2.3")]):
            name = self.write(f"num{i}.gv", "digraph {\n  " + text + "\n}\n")
            r = self.ecograph("validate", name)
            self.assertStatus(r, 3)
            self.assertIn(f"{name}:2: error[E001]: badly delimited number '{word}'", r.stdout)
            self.assertStatus(self.ecograph("stats", name), 3)


class QuadraticInputTest(HardeningCase):
    """Small files that once took quadratic time; tools/bench/hostile.py times the growth."""

    def test_repeated_relation(self):
        self.write("rep.gv", "digraph {\n" + "a -> b\n" * 20000 + "}\n")
        r = self.ecograph("stats", "rep.gv", "-f", "json")
        self.assertStatus(r, 0)
        self.assertEqual(self.json_of(r)["relations"], 20000)

    def test_many_dot_attribute_names_refused(self):
        self.write("names.gv", "digraph {\n" +
                   "".join(f"n{i} [a{i}=1]\n" for i in range(3000)) + "}\n")
        r = self.ecograph("validate", "names.gv")
        self.assertStatus(r, 3)
        self.assertIn("names.gv:1002: error[E001]: more than 1000 distinct attribute names", r.stdout)

    def test_wide_csv_loads(self):
        cols = [f"c{i}" for i in range(3000)]
        self.write("wide.entities.csv", "id,type," + ",".join(cols) + "\n" +
                   "a,SI," + ",".join("x" * len(cols)) + "\n")
        r = self.ecograph("show", "wide.entities.csv", "a", "-f", "json")
        self.assertStatus(r, 0)
        self.assertEqual(len(self.json_of(r)["attributes"]), 3000)


def content(path, mode="r"):
    with open(path, mode) as f:
        return f.read()


def tree(root):
    """Every file and link under root -> its bytes (or 'link -> target')."""
    out = {}
    for dirpath, dirs, files in os.walk(root):
        for f in files + [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]:
            p = os.path.join(dirpath, f)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = "link -> " + os.readlink(p)
            else:
                with open(p, "rb") as fh:
                    out[rel] = fh.read()
    return out


class OutputIntegrityTest(HardeningCase):
    """--output never replaces an input; a killed write leaves no temporary behind."""

    def test_output_that_is_the_input_refused(self):
        self.write("same.gv", "digraph { a -> b }\n")
        before = content(os.path.join(self.tmp, "same.gv"), "rb")
        os.symlink("same.gv", os.path.join(self.tmp, "alias.gv"))
        os.link(os.path.join(self.tmp, "same.gv"), os.path.join(self.tmp, "hard.gv"))
        for out in ("same.gv", "./same.gv", "alias.gv", "hard.gv"):
            r = self.ecograph("export", "same.gv", "--format", "svg", "-o", out)
            self.assertStatus(r, 2)
            self.assertIn(f"--output {out} is the input same.gv: refusing to overwrite it",
                          r.stderr)
        self.assertEqual(content(os.path.join(self.tmp, "same.gv"), "rb"), before)
        r = self.ecograph("export", "alias.gv", "--format", "svg", "-o", "same.gv")
        self.assertStatus(r, 2)
        self.assertEqual(content(os.path.join(self.tmp, "same.gv"), "rb"), before)

    def test_convert_csv_output_that_is_the_input_refused(self):
        self.write("c.entities.csv", "id,type\na,SI\nb,ISV\n")
        r = self.ecograph("convert", "c.entities.csv", "-o", "c.csv")
        self.assertStatus(r, 2)
        self.assertIn("is the input c.entities.csv", r.stderr)
        self.assertEqual(content(os.path.join(self.tmp, "c.entities.csv")),
                         "id,type\na,SI\nb,ISV\n")

    def test_stale_temporary_of_a_dead_run_removed(self):
        self.write("t.gv", "digraph { a -> b }\n")
        # A temporary as a killed ecograph (a pid that is not running) leaves it.
        dead = 2 ** 22 + 17
        while True:
            try:
                os.kill(dead, 0)
                dead += 1
            except ProcessLookupError:
                break
            except PermissionError:
                dead += 1
        stale = f".t.svg.tmp.{dead}.0"
        self.write(stale, "half a file")
        live = f".t.svg.tmp.{os.getpid()}.0"  # a running process's: left alone
        self.write(live, "in use")
        self.assertStatus(self.ecograph("export", "t.gv", "--format", "svg", "-o", "t.svg"), 0)
        names = os.listdir(self.tmp)
        self.assertNotIn(stale, names)
        self.assertIn(live, names)
        os.unlink(os.path.join(self.tmp, live))


class ReportIntegrityTest(harness.TempDirTestCase, harness.CliTestCase):
    """`report --out DIR` changes DIR as one transaction, only inside DIR, only files it wrote."""

    @classmethod
    def setUpClass(cls):
        cls.graphs = tempfile.mkdtemp(prefix="ecograph-hard-graphs-")
        for seed in (1, 2):
            with open(os.path.join(cls.graphs, f"g{seed}.gv"), "w") as f:
                subprocess.run([sys.executable, harness.GENERATOR, "--entities", "3000", "--relations",
                                "6000", "--seed", str(seed)], stdout=f, check=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.graphs, ignore_errors=True)

    def graph(self, seed):
        return os.path.join(self.graphs, f"g{seed}.gv")

    def report(self, seed, out, *extra, expect=0):
        r = run(["report", self.graph(seed), "--out", out, *extra], timeout=120)
        self.assertStatus(r, expect)
        return r

    def test_killed_report_leaves_old_bundle_or_converges(self):
        ref1, ref2 = self.path("ref1"), self.path("ref2")
        self.report(1, ref1)
        self.report(2, ref2)
        old, new = tree(ref1), tree(ref2)
        self.assertNotEqual(old, new)
        start = time.monotonic()
        self.report(2, self.path("timing"))
        duration = time.monotonic() - start
        journal = ".ecograph-report.journal"
        outcomes = {"old": 0, "journal": 0, "new": 0}
        # Five kills at points spread over the run, then five as soon as the journal (the
        # commit) appears, which lands them in the short window where pages are replaced.
        plan = [("time", 0.2 + 0.8 * i / 4) for i in range(5)] + [("commit", 0)] * 5
        for i, (when, fraction) in enumerate(plan):
            out = self.path(f"kill{i}")
            shutil.copytree(ref1, out, symlinks=True)
            proc = subprocess.Popen([harness.ECOGRAPH, "report", self.graph(2), "--out", out],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if when == "time":
                time.sleep(duration * fraction)
            else:
                mark = os.path.join(out, journal)
                while proc.poll() is None and not os.path.exists(mark):
                    pass
            proc.kill()
            proc.wait()
            now = tree(out)
            if now == old:
                outcomes["old"] += 1
            elif now == new:
                outcomes["new"] += 1
            else:
                # Cut between commit and completion: the journal holds the whole change.
                self.assertIn(journal, now, f"kill {i}: neither bundle and no journal")
                outcomes["journal"] += 1
            if when == "commit":
                self.assertNotEqual(now, old, f"kill {i}: killed after the commit")
            for name in now:
                self.assertNotIn(".tmp.", name, f"kill {i}: temporary left behind")
            r = self.report(2, out)
            self.assertEqual(tree(out), new, f"kill {i}: the next run did not converge")
            if now != old and now != new:
                self.assertIn("completed the change of an earlier report", r.stderr)

    def test_journal_of_a_cut_run_rolled_forward(self):
        out = self.path("b")
        self.report(1, out)
        manifest = content(os.path.join(out, ".ecograph-report"), "rb")
        # The journal a run killed right after its commit leaves: one page rewritten, one
        # removed, the manifest after them.
        page = b"# half-way\n"
        listed = [l for l in manifest.decode().splitlines() if l]
        gone = next(l for l in listed if l.startswith("regions/"))
        new_manifest = "".join(l + "\n" for l in listed if l != gone).encode()
        journal = (b"ecograph-report-journal 1\n" +
                   b"write %d index.md\n" % len(page) + page + b"\n" +
                   b"remove " + gone.encode() + b"\n" +
                   b"manifest %d\n" % len(new_manifest) + new_manifest + b"\nend\n")
        with open(os.path.join(out, ".ecograph-report.journal"), "wb") as f:
            f.write(journal)
        r = self.report(1, out)
        self.assertIn("completed the change of an earlier report that was cut short", r.stderr)
        self.assertNotIn(".ecograph-report.journal", os.listdir(out))
        ref = self.path("ref")
        self.report(1, ref)
        self.assertEqual(tree(out), tree(ref))

    def test_damaged_journal_refused(self):
        out = self.path("b")
        self.report(1, out)
        with open(os.path.join(out, ".ecograph-report.journal"), "wb") as f:
            f.write(b"ecograph-report-journal 1\nwrite 99 index.md\nshort")
        before = tree(out)
        r = self.report(1, out, expect=1)
        self.assertIn(".ecograph-report.journal: not a journal ecograph wrote", r.stderr)
        self.assertEqual(tree(out), before)

    def test_symlinked_subdirectory_never_followed(self):
        out, victim = self.path("b"), self.path("victim")
        self.report(1, out)
        os.mkdir(victim)
        with open(os.path.join(victim, "precious.txt"), "w") as f:
            f.write("keep me")
        # The attack of issue 13: img replaced by a link elsewhere, and the manifest made to
        # list a file there, which a run that followed links would delete.
        shutil.rmtree(os.path.join(out, "img"))
        os.symlink("../victim", os.path.join(out, "img"))
        with open(os.path.join(out, ".ecograph-report"), "a") as f:
            f.write("img/precious.txt\n")
        before = tree(out)
        for extra in ([], ["--force"]):
            r = self.report(1, out, *extra, expect=2)
            self.assertIn("refusing to write the bundle, nothing was changed", r.stderr)
            self.assertIn("img is a symbolic link: ecograph writes only inside", r.stderr)
        self.assertEqual(os.listdir(victim), ["precious.txt"])
        self.assertEqual(content(os.path.join(victim, "precious.txt")), "keep me")
        self.assertEqual(tree(out), before)

    def test_manifest_entries_outside_dir_ignored(self):
        out = self.path("b")
        self.report(1, out)
        outside = self.path("outside.txt")
        with open(outside, "w") as f:
            f.write("keep me")
        with open(os.path.join(out, ".ecograph-report"), "a") as f:
            f.write("../outside.txt\n/etc/hostname-not-really\n")
        self.report(2, out)
        self.assertEqual(content(outside), "keep me")

    def test_users_own_file_needs_force(self):
        out = self.path("b")
        os.makedirs(out)
        with open(os.path.join(out, "index.md"), "w") as f:
            f.write("my notes\n")
        with open(os.path.join(out, "unrelated.txt"), "w") as f:
            f.write("left alone\n")
        r = self.report(1, out, expect=2)
        self.assertIn("index.md was not written by ecograph", r.stderr)
        self.assertIn("--force overwrites it", r.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["index.md", "unrelated.txt"])
        self.assertEqual(content(os.path.join(out, "index.md")), "my notes\n")
        self.report(1, out, "--force")
        self.assertNotEqual(content(os.path.join(out, "index.md")), "my notes\n")
        self.assertEqual(content(os.path.join(out, "unrelated.txt")), "left alone\n")
        # Now ecograph's: the next run needs no --force, and never removes unrelated.txt.
        self.report(2, out)
        self.assertEqual(content(os.path.join(out, "unrelated.txt")), "left alone\n")

    def test_link_in_place_of_a_page_needs_force(self):
        out = self.path("b")
        self.report(1, out)
        target = self.path("elsewhere.md")
        with open(target, "w") as f:
            f.write("not yours\n")
        os.unlink(os.path.join(out, "index.md"))
        os.symlink(target, os.path.join(out, "index.md"))
        r = self.report(2, out, expect=2)
        self.assertIn("index.md is a symbolic link", r.stderr)
        self.report(2, out, "--force")
        self.assertFalse(os.path.islink(os.path.join(out, "index.md")))
        self.assertEqual(content(target), "not yours\n")

    def test_input_inside_the_bundle_refused(self):
        out = self.path("b")
        self.report(1, out)
        data = os.path.join(out, "data", "entities.csv")
        before = content(data, "rb")
        # A graph read from the bundle's own data file, which the report would rewrite.
        r = run(["report", data, "--out", out, "--force"], timeout=120)
        self.assertIn(r.status, (2, 3))
        self.assertEqual(content(data, "rb"), before)


class SilentAcceptanceTest(HardeningCase):
    """Wrong input once read without a word; each is now an error with file and line."""

    def check(self, name, data, expected, status=3):
        self.write(name, data)
        r = self.ecograph("validate", name)
        self.assertStatus(r, status)
        for line in expected:
            self.assertIn(line, r.stdout)
        return r

    def test_ids_merged_by_utf8_replacement(self):
        self.check("u.gv", b'digraph {\n "a\xe9" [type=SI]\n "a\xe8" [type=ISV]\n}\n',
                   ["u.gv: warning[W002]: invalid UTF-8 replaced with U+FFFD",
                    "u.gv:2: error[E008]: id 'a\ufffd' holds invalid UTF-8"])
        self.check("u.entities.csv", b"id,type\na\xe9,SI\na\xe8,SI\n",
                   ["u.entities.csv:3: error[E008]: id 'a\ufffd' holds invalid UTF-8"])
        # Invalid UTF-8 in a label only is still a warning: nothing merges.
        r = self.check("l.gv", b'digraph {\n a [type=SI label="caf\xe9"]\n}\n',
                       ["warning[W002]"], status=0)
        self.assertNotIn("E008", r.stdout)

    GRAPHML = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
               '  <key id="d0" for="node" attr.name="type" attr.type="string"/>\n'
               '  <key id="d1" for="node" attr.name="revenue" attr.type="{rtype}"/>\n'
               '  <graph edgedefault="directed">\n{nodes}  </graph>\n</graphml>\n')

    def graphml(self, nodes, rtype="double"):
        return self.GRAPHML.format(rtype=rtype, nodes="".join("    " + n + "\n" for n in nodes))

    def test_graphml_duplicate_node(self):
        self.check("dup.graphml", self.graphml([
            '<node id="a"><data key="d0">SI</data></node>',
            '<node id="b"><data key="d0">SI</data></node>',
            '<node id="a"><data key="d0">ISV</data></node>']),
            ["dup.graphml:8: error[E005]: node 'a' is declared twice (first at line 6)"])

    def test_graphml_value_not_its_attr_type(self):
        self.check("val.graphml", self.graphml([
            '<node id="a"><data key="d0">SI</data><data key="d1">abc</data></node>']),
            ["val.graphml:6: error[E005]: <data> of key 'revenue' is 'abc', not number"])
        self.check("int.graphml", self.graphml([
            '<node id="a"><data key="d0">SI</data><data key="d1">1.5</data></node>'], "long"),
            ["int.graphml:6: error[E005]: <data> of key 'revenue' is '1.5', not integer"])
        self.check("bool.graphml", self.graphml([
            '<node id="a"><data key="d0">SI</data><data key="d1">yes</data></node>'], "boolean"),
            ["bool.graphml:6: error[E005]: <data> of key 'revenue' is 'yes', not boolean"])
        # What GraphML writers put in typed keys reads: signs, exponents, INF, NaN, spaces,
        # NetworkX's True, an empty value (no value).
        for i, (rtype, value) in enumerate([("double", " -1.5e3 "), ("double", "INF"),
                                            ("float", "NaN"), ("int", "+12"),
                                            ("boolean", "True"), ("double", "")]):
            self.check(f"ok{i}.graphml", self.graphml([
                f'<node id="a"><data key="d0">SI</data><data key="d1">{value}</data></node>'],
                rtype), [], status=0)

    def test_json_object_as_id(self):
        self.check("obj.json", '{"nodes": [\n  {"id": {"x": 1}, "type": "SI"}\n], "links": []}\n',
                   ['obj.json:2: error[E005]: node "id" must be a string or a number, '
                    'found an object'])
        self.check("objl.json", '{"nodes": [{"id": "a", "type": "SI"}], "links": [\n'
                   '  {"source": "a", "target": {"q": 1}, "type": "partners_with"}\n]}\n',
                   ['objl.json:2: error[E005]: link "target" must be a string or a number'])
        # NetworkX writes tuple nodes as arrays: still read.
        self.check("tuple.json", '{"nodes": [{"id": [1, 2], "type": "SI"}], "links": []}\n',
                   ["1 entity"], status=0)

    def test_csv_duplicate_header_columns(self):
        self.check("d.entities.csv", "id,id,type,type\na,a,SI,SI\n",
                   ["d.entities.csv:1: error[E005]: column 2 'id' gives the same field as "
                    "column 1 'id'",
                    "d.entities.csv:1: error[E005]: column 4 'type' gives the same field as "
                    "column 3 'type'"])
        self.check("n.entities.csv", "code:ID,id,type\na,b,SI\n",
                   ["column 2 'id' gives the same field as column 1 'code:ID'"])
        self.check("r.relations.csv", "source,target,:START_ID\na,b,c\n",
                   ["column 3 ':START_ID' gives the same field as column 1 'source'"])
        self.check("a.entities.csv", "id,type,tier,tier\na,SI,1,2\n",
                   ["column 4 'tier' gives the same field as column 3 'tier'"])

    def test_csv_unknown_neo4j_field(self):
        self.check("lable.entities.csv", ":ID,:LABLE,name\na,SI,Acme\n",
                   ["lable.entities.csv:1: error[E005]: column 2 ':LABLE': unknown field type "
                    "':LABLE'; hint: did you mean ':LABEL'?"])
        self.check("x.entities.csv", ":ID,:LABEL,founded:nonsense\na,SI,2000\n",
                   ["column 3 'founded:nonsense': unknown field type ':NONSENSE'"])
        # Neo4j's value types and :IGNORE are read (the value as text; :IGNORE left out).
        self.write("ok.entities.csv",
                   "id:ID,:LABEL,founded:date,x:IGNORE,tags:string[]\na,SI,2020-01-01,zz,q\n")
        r = self.ecograph("show", "ok.entities.csv", "a", "-f", "json")
        self.assertStatus(r, 0)
        attrs = self.json_of(r)["attributes"]
        self.assertEqual(attrs.get("founded"), "2020-01-01")
        self.assertNotIn("x", attrs)


class DiagnosticsCapTest(HardeningCase):
    """200k dangling relations printed 65 MB; now 100 diagnostics and a count by code."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        n = 20000
        with open(os.path.join(cls.tmp, "dangling.gv"), "w") as f:
            f.write("digraph {\n a [type=SI]\n")
            f.write("".join(f" a -> n{i} [type=partners_with]\n" for i in range(n)))
            f.write(" z [type=SI tier=x]\n}\n")  # a warning, last in line order

    def test_text_capped_with_count_by_code(self):
        r = self.ecograph("validate", "dangling.gv")
        self.assertStatus(r, 1)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 102)
        self.assertLess(len(r.out), 20000)
        self.assertEqual(lines[-2], "19901 more diagnostics not shown: E102 x 19900, "
                                    "W111 x 1; --max-errors 0 shows all")
        self.assertEqual(lines[-1], "dangling.gv: 20002 entities, 20000 relations; "
                                    "20000 errors, 1 warning")

    def test_max_errors_option(self):
        r = self.ecograph("validate", "dangling.gv", "--max-errors", "0")
        self.assertEqual(len(r.stdout.splitlines()), 20002)
        r = self.ecograph("validate", "dangling.gv", "--max-errors", "1")
        self.assertEqual(r.stdout.splitlines()[1], "20000 more diagnostics not shown: "
                         "E102 x 19999, W111 x 1; --max-errors 0 shows all")
        self.assertStatus(self.ecograph("validate", "dangling.gv", "--max-errors", "-1"), 2)

    def test_json_and_tables(self):
        r = self.ecograph("validate", "dangling.gv", "-f", "json")
        j = self.json_of(r)
        self.assertEqual(len(j["diagnostics"]), 100)
        self.assertEqual(j["omitted"], {"E102": 19900, "W111": 1})
        self.assertEqual(j["errors"], 20000)
        r = self.ecograph("validate", "dangling.gv", "-f", "csv")
        self.assertEqual(len(r.stdout.splitlines()), 101)  # header and 100 rows
        self.assertIn("19901 more diagnostics not shown", r.stderr)

    def test_other_commands_capped(self):
        r = self.ecograph("stats", "dangling.gv")
        self.assertStatus(r, 1)
        self.assertEqual(len(r.stderr.splitlines()), 102)  # errors only: no W111
        self.assertIn("19900 more diagnostics not shown: E102 x 19900;", r.stderr)
        self.assertIn("20000 validation errors", r.stderr)


class SpreadsheetCsvTest(HardeningCase):
    """CSV for spreadsheets never carries a cell a spreadsheet would run (OWASP)."""

    GRAPH = ('digraph {\n "=HYPERLINK(\\"http://evil\\",\\"x\\")" [type=SI label="@SUM(1)"]\n'
             ' "+cmd|x" [type=ISV]\n'
             ' "=HYPERLINK(\\"http://evil\\",\\"x\\")" -> "+cmd|x" [type=partners_with]\n}\n')

    def test_table_csv_neutralised(self):
        self.write("f.gv", self.GRAPH)
        r = self.ecograph("centrality", "f.gv", "--measure", "degree", "-f", "csv")
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout, "rank,id,name,type,value\n1,'+cmd|x,'+cmd|x,ISV,1\n"
                         "2,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(1),SI,1\n")

    def test_report_data_neutralised(self):
        self.write("f.gv", self.GRAPH)
        self.assertStatus(self.ecograph("report", "f.gv", "--out", "fr"), 0)
        with open(os.path.join(self.tmp, "fr", "data", "entities.csv")) as f:
            rows = f.read().splitlines()
        for row in rows[1:]:
            for cell in row.split(","):
                self.assertFalse(cell.lstrip('"')[:1] in ("=", "@", "+"), row)
        self.assertTrue(any(row.startswith("'+cmd|x,") for row in rows))

    def test_graph_csv_written_exactly(self):
        # convert's CSV is the graph, read back by ecograph and Neo4j: no apostrophes.
        self.write("f.gv", self.GRAPH)
        self.assertStatus(self.ecograph("convert", "f.gv", "-o", "g.csv"), 0)
        self.assertStatus(self.ecograph("convert", "g.entities.csv", "g.relations.csv",
                                        "-o", "back.json"), 0)
        with open(os.path.join(self.tmp, "back.json")) as f:
            ids = sorted(n["id"] for n in json.load(f)["nodes"])
        self.assertEqual(ids, ["+cmd|x", '=HYPERLINK("http://evil","x")'])


if __name__ == "__main__":
    unittest.main()
