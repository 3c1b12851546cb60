"""Hostile and odd input, end to end (issue 13): inputs that once crashed the binary, inputs
that once took quadratic time, wrong input once accepted silently, and the diagnostics cap.

Run by CTest as `test_hardening.py /path/to/ecograph`.
"""

import os
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


if __name__ == "__main__":
    unittest.main()
