#!/usr/bin/env python3
"""Robustness of the ecograph DOT reader on real-world graphs, checked against Graphviz's gc.

Usage (CTest runs it from the repository root):

    python3 tests/cli/test_corpus.py /path/to/ecograph [unittest options]

Inputs:
  * every .gv / .dot file under ../shared/corpus/graphviz (relative to the repository root):
    Graphviz's own test-suite graphs, regression and crash inputs (.gml/.gxl are not DOT and
    are skipped);
  * every graph under /usr/share/doc/graphviz/examples/graphs (package graphviz-doc); the
    .gv.gz ones are decompressed into a temporary directory first.

For each file, `gc -n -e FILE` and `ecograph validate --format json FILE` run (30 s timeout
each) and:
  * ecograph never dies by a signal, never times out, exits 0, 1 or 3, and its JSON parses;
  * gc parses the file (exit 0, no "Error" on stderr), one graph: ecograph reads it with
    entities == gc nodes and relations == gc edges;
  * gc parses the file, several graphs: relations == gc's total edges and entities <= gc's
    total nodes (ecograph merges the graphs of a file by node id);
  * gc parses the file, no graph at all: ecograph exits 3 with E003;
  * gc fails: ecograph exits 3 with an error diagnostic naming the file, or reads the file
    (allowed: ecograph does better than cgraph there, e.g. strings over 16 KiB); those files
    are listed.
  * gc reads the file but warns of a badly delimited number (`1.2.3`, which it splits into
    two ids), or has an id with invalid UTF-8: ecograph exits 3 with that error (E001, E008;
    refusing is by design); those files are listed.
A summary (files checked, matched, gc-failed) is printed at the end.
"""

import concurrent.futures
import gzip
import json
import os
import re
import shutil
import sys
import tempfile
import time
import unittest

import harness
from harness import REPO_ROOT, SANITIZER_MARKERS, TIMEOUT

harness.binary_from_argv("test_corpus.py")

CORPUS = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "corpus", "graphviz"))
DOC_GRAPHS = "/usr/share/doc/graphviz/examples/graphs"
GC = shutil.which("gc")
WORKERS = max(2, min(4, os.cpu_count() or 2))

GC_LINE = re.compile(r"^\s*(\d+)\s+(\d+)\s+(.*)$")


def run(cmd):
    """Runs cmd (gc or ecograph) from the current directory under the sanitizer settings;
    returns (status, stdout bytes, stderr bytes); status None on timeout."""
    return harness.call(cmd, cwd=None)


def gc_counts(path):
    """gc's view of a file: (ok, [(nodes, edges), ...] per graph, (nodes, edges) total, err)."""
    status, out, err = run([GC, "-n", "-e", path])
    err_text = err.decode("utf-8", "replace")
    ok = status == 0 and "Error" not in err_text
    graphs = []
    for line in out.decode("utf-8", "replace").splitlines():
        m = GC_LINE.match(line)
        if m:
            graphs.append((int(m.group(1)), int(m.group(2)), m.group(3)))
    if len(graphs) > 1 and graphs[-1][2] == "total":  # gc adds a total line for 2+ graphs
        total = graphs[-1][:2]
        graphs = graphs[:-1]
    elif len(graphs) == 1:
        total = graphs[0][:2]
    else:
        total = (0, 0)
    return ok, [g[:2] for g in graphs], total, err_text.strip()


def check_file(path, shown):
    """Checks one file. Returns (category, problem or None, note).

    category: 'matched' (one graph), 'matched-multi' (several graphs), 'gc-failed-unreadable',
    'gc-failed-readable', 'gc-empty' (gc finds no graph) or 'mismatch' (problem is set).
    `shown` is the name to use in messages.
    """
    gc_ok, graphs, total, gc_err = gc_counts(path)
    t0 = time.monotonic()
    status, out, err = run([harness.ECOGRAPH, "validate", "--format", "json", path])
    elapsed = time.monotonic() - t0
    if status is None:
        return "mismatch", f"ecograph timed out after {TIMEOUT} s", ""
    if status < 0 or status >= 128:
        return "mismatch", (f"ecograph died with status {status}: "
                            f"{err.decode('utf-8', 'replace')[-500:]}"), ""
    err_text = err.decode("utf-8", "replace")
    if any(m in err_text for m in SANITIZER_MARKERS):
        return "mismatch", f"sanitizer report or internal error: {err_text[-1500:]}", ""
    if status not in (0, 1, 3):
        return "mismatch", (f"ecograph exited {status} (expected 0, 1 or 3): "
                            f"{err.decode('utf-8', 'replace')[-500:]}"), ""
    try:
        report = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return "mismatch", f"validate --format json printed no valid JSON ({e}): {out[:300]!r}", ""
    readable = report.get("readable")
    if readable != (status != 3):
        return "mismatch", f"exit status {status} but readable={readable}", ""
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    note = f"{elapsed:.2f}s"

    if gc_ok and graphs:
        if (not readable and "badly delimited number" in gc_err
                and any("badly delimited number" in d["message"] for d in errors)):
            # By design: cgraph splits `1.2.3` into two ids with a warning, ecograph refuses.
            return "refused-by-design", None, errors[0]["message"][:80]
        if not readable and errors and all(d["code"] == "E008" for d in errors):
            # By design: an id with invalid UTF-8 could merge with another once replaced.
            return "refused-by-design", None, errors[0]["message"][:80]
        if not readable:
            return "mismatch", (f"gc reads {len(graphs)} graph(s) ({total[0]} nodes, "
                                f"{total[1]} edges) but ecograph cannot: "
                                f"{[d['message'] for d in errors][:3]}"), note
        nodes, edges = total
        if len(graphs) == 1:
            if (report["entities"], report["relations"]) != (nodes, edges):
                return "mismatch", (f"gc: {nodes} nodes, {edges} edges; ecograph: "
                                    f"{report['entities']} entities, {report['relations']} "
                                    "relations"), note
        else:
            if report["relations"] != edges or report["entities"] > nodes:
                return "mismatch", (f"gc: {len(graphs)} graphs, {nodes} nodes and {edges} edges "
                                    f"in total; ecograph: {report['entities']} entities, "
                                    f"{report['relations']} relations"), note
        return ("matched" if len(graphs) == 1 else "matched-multi"), None, note
    if gc_ok:  # gc read no graph at all: an empty or comment-only file
        if status != 3 or not any(d["code"] == "E003" for d in errors):
            return "mismatch", f"gc finds no graph; ecograph exited {status} without E003", note
        return "gc-empty", None, note
    # gc failed.
    if readable:
        return "gc-failed-readable", None, f"gc: {gc_err.splitlines()[0] if gc_err else '?'}"
    if not any(d["file"] == path for d in errors):
        return "mismatch", ("ecograph cannot read the file but no error diagnostic names it: "
                            f"{report['diagnostics']}"), note
    return "gc-failed-unreadable", None, errors[0]["code"] + " " + errors[0]["message"][:80]


def corpus_files():
    out = []
    for root, dirs, files in os.walk(CORPUS):
        dirs.sort()
        for f in sorted(files):
            if f.endswith((".gv", ".dot")):
                out.append(os.path.join(root, f))
    return out


class Totals:
    checked = 0
    matched = 0
    multi = 0
    gc_failed = 0
    gc_failed_readable = []
    gc_failed_unreadable = []
    gc_empty = 0
    refused_by_design = []
    mismatched = 0


def check_all(case, files):
    """files: [(path, shown)]. Runs them in parallel and asserts per file in subTests."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda f: check_file(*f), files))
    for (path, shown), (category, problem, note) in zip(files, results):
        Totals.checked += 1
        if category.startswith("matched"):
            Totals.matched += 1
            Totals.multi += category == "matched-multi"
        elif category == "gc-empty":
            Totals.gc_empty += 1
        elif category == "refused-by-design":
            Totals.refused_by_design.append(f"{shown}: {note}")
        elif category.startswith("gc-failed"):
            Totals.gc_failed += 1
            if category == "gc-failed-readable":
                Totals.gc_failed_readable.append(f"{shown} ({note})")
            else:
                Totals.gc_failed_unreadable.append(f"{shown}: {note}")
        else:
            Totals.mismatched += 1
        with case.subTest(file=shown):
            if problem:
                case.fail(f"{shown}: {problem}")


@unittest.skipIf(GC is None, "Graphviz's gc is not installed")
class CorpusTest(unittest.TestCase):
    @unittest.skipUnless(os.path.isdir(CORPUS), f"corpus not found at {CORPUS}")
    def test_graphviz_test_corpus(self):
        files = corpus_files()
        self.assertGreater(len(files), 0, f"no .gv/.dot files under {CORPUS}")
        check_all(self, [(f, os.path.relpath(f, CORPUS)) for f in files])

    @unittest.skipUnless(os.path.isdir(DOC_GRAPHS),
                         f"{DOC_GRAPHS} not found (package graphviz-doc)")
    def test_graphviz_doc_examples(self):
        tmp = tempfile.mkdtemp(prefix="ecograph-corpus-")
        self.addCleanup(shutil.rmtree, tmp, True)
        files = []
        for root, dirs, names in os.walk(DOC_GRAPHS):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                shown = os.path.relpath(path, DOC_GRAPHS)
                if name.endswith(".gz"):
                    sub = os.path.join(tmp, os.path.dirname(shown))
                    os.makedirs(sub, exist_ok=True)
                    target = os.path.join(sub, name[:-3])
                    with gzip.open(path, "rb") as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst)
                    files.append((target, shown))
                elif name.endswith((".gv", ".dot")):
                    files.append((path, shown))
        self.assertGreater(len(files), 0, f"no graphs under {DOC_GRAPHS}")
        check_all(self, files)


def print_summary():
    print()
    print("corpus summary: {} files checked, {} matched gc ({} of them with several graphs), "
          "{} gc-failed ({} of them read by ecograph), {} with no graph, {} mismatched".format(
              Totals.checked, Totals.matched, Totals.multi, Totals.gc_failed,
              len(Totals.gc_failed_readable), Totals.gc_empty, Totals.mismatched))
    if Totals.gc_failed_unreadable:
        print("files neither gc nor ecograph can read (ecograph exits 3):")
        for f in Totals.gc_failed_unreadable:
            print("  " + f)
    if Totals.refused_by_design:
        print("files gc reads which ecograph refuses by design (a badly delimited number, an "
              "id with invalid UTF-8):")
        for f in Totals.refused_by_design:
            print("  " + f)
    if Totals.gc_failed_readable:
        print("files gc cannot parse but ecograph reads:")
        for f in Totals.gc_failed_readable:
            print("  " + f)


if __name__ == "__main__":
    if not os.access(harness.ECOGRAPH, os.X_OK):
        sys.exit(f"test_corpus.py: {harness.ECOGRAPH} is not an executable")
    program = unittest.main(argv=sys.argv, verbosity=2, exit=False)
    print_summary()
    sys.exit(0 if program.result.wasSuccessful() else 1)
