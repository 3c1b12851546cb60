#!/usr/bin/python3
"""Time `ecograph validate` on small hostile inputs, to show that their cost is linear in size.

Each case is a file built to hit one of the readers' old quadratic paths: one edge statement
repeated, a very wide CSV header, one JSON node or GraphML node with thousands of distinct
attribute names, and two DOT files that Graphviz's parser (cgraph) would take minutes on, which
ecograph must refuse (exit 3, E001) before cgraph sees them: more than 1,000 distinct attribute
names, and names x objects over 5,000,000. Every case is generated at its base size N and at
2x, 4x and 10x N; every file is validated in its own process (`ecograph validate FILE`,
output discarded) and the table gives, per file: the exit status, the wall time (best of
--repeat), the peak resident memory (from /usr/bin/time), the seconds per 1,000 units of N and
"growth", the time ratio to the base size divided by the size ratio: about 1 means linear, 2x
at 2x N and 10x at 10x N would mean quadratic. Refused files cost process start-up and
ecograph's pre-scan of the file only, so their growth is well below 1. dot-names is refused at
every size; dot-names-cells is accepted at its base size (100,000 nodes x 49 names, just under
5,000,000) and refused above it, so its growth compares the refusals with a full load.

Before timing, a tiny sample of each case (and, for the two refusals, the sizes on each side of
the limit) is validated and must give the expected status.

Examples:

    /usr/bin/python3 tools/bench/hostile.py
    /usr/bin/python3 tools/bench/hostile.py --repeat 1 --out /tmp/hostile.md
    /usr/bin/python3 tools/bench/hostile.py --cases dot-repeat,json-names --scale 0.1 \\
        --keep /tmp/hostile

Exit status: 0, or 1 when a file gives another exit status than expected.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parents[2]
TIME = "/usr/bin/time"
MULTIPLIERS = (1, 2, 4, 10)
SAMPLE = 20
MAX_NAMES = 1000          # DotScan::kMaxAttributeNames
MAX_CELLS = 5_000_000     # DotScan::kMaxAttributeCells: names x (nodes + edges + 1)
CELL_NAMES = 49


def dot_repeat(n):
    return "digraph {\n" + "a -> b\n" * n + "}\n"


def csv_columns(n):
    header = "id,type," + ",".join(f"c{i}" for i in range(n))
    values = ",1" * n
    return header + "\n" + "".join(f"e{r},SI{values}\n" for r in range(3))


def json_names(n):
    attrs = ", ".join(f'"a{i}": "1"' for i in range(n))
    return ('{"directed": true,\n "nodes": [\n  {"id": "e0", "type": "SI", ' + attrs
            + '}\n ],\n "links": []\n}\n')


def graphml_keys(n):
    keys = "".join(f'  <key id="k{i}" for="node" attr.name="a{i}" attr.type="string"/>\n'
                   for i in range(n))
    data = "".join(f'<data key="k{i}">1</data>' for i in range(n))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' + keys
            + '  <graph id="G" edgedefault="directed">\n'
            + f'    <node id="n0">{data}</node>\n  </graph>\n</graphml>\n')


def dot_names(n):
    return "digraph {\n" + "".join(f"n{i} [a{i}=1]\n" for i in range(n)) + "}\n"


def dot_names_cells(n):
    attrs = ", ".join(f"a{j}=1" for j in range(CELL_NAMES))
    return "digraph {\n" + "".join(f"n{i}\n" for i in range(n)) + f"z [{attrs}]\n}}\n"


@dataclass
class Case:
    name: str
    unit: str                      # what N counts, for the table
    base: int
    suffix: str                    # file name ending
    write: Callable[[int], str]
    limit: Optional[int] = None    # largest N accepted; above it, exit 3

    def expected(self, n):
        return 3 if self.limit is not None and n > self.limit else 0


CASES = [
    Case("dot-repeat", "edges", 100_000, ".gv", dot_repeat),
    Case("csv-columns", "columns", 8_000, ".entities.csv", csv_columns),
    Case("json-names", "names", 8_000, ".json", json_names),
    Case("graphml-keys", "keys", 8_000, ".graphml", graphml_keys),
    Case("dot-names", "names", 3_000, ".gv", dot_names, limit=MAX_NAMES),
    Case("dot-names-cells", "nodes", 100_000, ".gv", dot_names_cells,
         limit=MAX_CELLS // CELL_NAMES - 2),
]


def generate(case, n, directory):
    path = Path(directory) / f"{case.name}-{n}{case.suffix}"
    path.write_text(case.write(n))
    return path


def kill_group(pid):
    """SIGKILL the process group of pid (a timed-out run); it may have ended meanwhile."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def load_average():
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def run_once(binary, path, timeout, capture=False):
    """One `validate` in its own process: (exit status, seconds, peak MiB, its messages).

    validate prints its diagnostics on stdout; they are kept only when capture is set. The
    wait blocks (subprocess's wait with a timeout polls, rounding times up by up to 50 ms); a
    timer kills the process group instead, and the status is then -9."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as rss:
        cmd = [TIME, "-f", "%M", "-o", rss.name, str(binary), "validate", str(path)]
        out = subprocess.PIPE if capture else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=out, text=True, start_new_session=True)
        timer = threading.Timer(timeout, kill_group, (proc.pid,))
        timer.start()
        try:
            stdout, stderr = proc.communicate()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        if proc.returncode in (126, 127):  # /usr/bin/time could not run the binary
            sys.exit(f"{TIME} could not run {binary} (exit {proc.returncode})")
        lines = [ln for ln in Path(rss.name).read_text().split() if ln.isdigit()]
    peak = int(lines[-1]) / 1024 if lines else float("nan")
    return proc.returncode, seconds, peak, (stdout or "") + (stderr or "")


def check_samples(case, binary, directory, timeout):
    """Validate the tiny sample (and the sizes around a refusal limit); False on a mismatch."""
    sizes = [SAMPLE] + ([case.limit, case.limit + 1] if case.limit is not None else [])
    ok = True
    for n in sizes:
        status, _, _, err = run_once(binary, generate(case, n, directory), timeout, True)
        want = case.expected(n)
        if status != want or (status == 3 and "error[E001]" not in err):
            print(f"{case.name}: sample N={n} gave exit {status}, expected {want}:\n{err}",
                  file=sys.stderr)
            ok = False
        else:
            print(f"{case.name}: sample N={n}: exit {status} as expected", file=sys.stderr)
    return ok


def measure(case, binary, directory, args):
    """The table rows of one case and whether every exit status was the expected one."""
    rows, ok, base = [], True, None
    for mult in MULTIPLIERS:
        n = max(1, round(case.base * args.scale * mult))
        path = generate(case, n, directory)
        runs = [run_once(binary, path, args.timeout) for _ in range(args.repeat)]
        status = runs[0][0]
        seconds = min(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        if base is None:
            base = (n, seconds)
        growth = (seconds / base[1]) / (n / base[0])
        mark = ""
        if any(r[0] != case.expected(n) for r in runs):
            mark, ok = f" (expected {case.expected(n)})", False
        rows.append([case.name, f"{n:,} {case.unit}", f"{path.stat().st_size:,}",
                     f"{status}{mark}", f"{seconds:.3f}", f"{peak:.1f}",
                     f"{seconds / n * 1000:.5f}", f"{growth:.2f}"])
        print(f"{case.name} N={n}: exit {status}, {seconds:.3f} s, {peak:.1f} MiB",
              file=sys.stderr)
        if not args.keep:
            path.unlink()
    return rows, ok


def markdown(rows):
    head = ["case", "N", "file bytes", "exit", "seconds", "peak MiB", "s / 1,000 N", "growth"]
    right = [False, True, True, True, True, True, True, True]
    lines = ["| " + " | ".join(head) + " |",
             "| " + " | ".join("---:" if r else "---" for r in right) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main():
    names = [c.name for c in CASES]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", type=Path, default=REPO / "build" / "ecograph",
                        help="the ecograph to time (default build/ecograph in the repository)")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs (default 3)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every base size by S (default 1)")
    parser.add_argument("--cases", default=",".join(names),
                        help=f"comma list of cases (default all: {','.join(names)})")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds before one run is killed, exit -9 (default 300)")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to FILE")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep the files")
    args = parser.parse_args()

    chosen = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}; choose from {', '.join(names)}")
    if args.repeat < 1 or args.scale <= 0:
        parser.error("--repeat must be at least 1 and --scale positive")
    if not os.access(args.binary, os.X_OK):
        parser.error(f"{args.binary} is not an executable")
    if not os.access(TIME, os.X_OK):
        parser.error(f"{TIME} (package time) is required for peak memory")

    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        directory = args.keep or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        # Time a copy, so that a rebuild of build/ecograph during the run cannot break it.
        binary = Path(shutil.copy2(args.binary, Path(tmp) / "ecograph"))
        cases = [c for c in CASES if c.name in chosen]
        ok = all([check_samples(c, binary, directory, args.timeout) for c in cases])
        if not ok:
            print("a sample gave an unexpected exit status; not timing", file=sys.stderr)
            return 1
        rows = []
        print(f"start {time.strftime('%H:%M:%S')}, {load_average()}", file=sys.stderr)
        for case in cases:
            case_rows, case_ok = measure(case, binary, directory, args)
            rows += case_rows
            ok = ok and case_ok
        print(f"end {time.strftime('%H:%M:%S')}, {load_average()}", file=sys.stderr)

    table = markdown(rows)
    sys.stdout.write(table)
    if args.out:
        args.out.write_text(table)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
