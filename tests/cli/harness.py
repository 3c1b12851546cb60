"""What every end-to-end test script shares: locating the binary, running it under the
sanitizer settings, describing a failed run, asserting on its exit status, and temporary
directories for a test or a test class.

A script calls `harness.binary_from_argv("test_x.py")` before unittest.main(); it takes the
ecograph path from argv[1] (CTest passes it) and leaves the rest for unittest.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUNDLED = "graphs/alibaba-cloud.gv"
GENERATOR = os.path.join(REPO_ROOT, "tools", "bench", "gen_ecosystem.py")
TIMEOUT = 30

# A sanitizer report exits with this status, so a test can tell it from ecograph's own 0-3.
SANITIZER_EXIT = 86
ENV = dict(os.environ)
ENV["ASAN_OPTIONS"] = f"exitcode={SANITIZER_EXIT}:" + ENV.get("ASAN_OPTIONS", "")
ENV["UBSAN_OPTIONS"] = f"exitcode={SANITIZER_EXIT}:print_stacktrace=1:" + ENV.get(
    "UBSAN_OPTIONS", "")
# What on stderr means a sanitizer report or an internal error, whatever the exit status.
SANITIZER_MARKERS = ("AddressSanitizer", "LeakSanitizer", "runtime error:", "internal error")

ECOGRAPH = None


def binary_from_argv(script):
    """Takes the ecograph path from sys.argv[1]; exits with a usage line when it is missing."""
    global ECOGRAPH
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(f"usage: {script} /path/to/ecograph [unittest options]")
    ECOGRAPH = os.path.abspath(sys.argv.pop(1))
    return ECOGRAPH


class Result:
    def __init__(self, args, status, out, err, timeout=TIMEOUT):
        self.args, self.status, self.out, self.err = args, status, out, err
        self.timeout = timeout  # seconds the run was given: status None means it ran out

    @property
    def stdout(self):
        return self.out.decode("utf-8", "replace")

    @property
    def stderr(self):
        return self.err.decode("utf-8", "replace")

    def describe(self):
        return ("\n  command: ecograph {}\n  status: {}\n  stdout: {}\n  stderr: {}".format(
            " ".join(self.args), self.status, self.stdout[-1500:], self.stderr[-1500:]))


def call(cmd, cwd=REPO_ROOT, timeout=TIMEOUT, input=None):
    """Runs any command under ENV; returns (status, stdout bytes, stderr bytes), status None on
    timeout. `input` (bytes) is sent on stdin, which is otherwise empty."""
    try:
        p = subprocess.run(cmd, cwd=cwd, env=ENV, input=input,
                           stdin=None if input is not None else subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b""
    return p.returncode, p.stdout, p.stderr


def wait_until_catching(proc, signum, timeout=TIMEOUT):
    """Waits until `proc` has a handler for `signum` (or has ended); Linux /proc only."""
    deadline = time.monotonic() + timeout
    status = f"/proc/{proc.pid}/status"
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with open(status) as f:
                caught = next(int(line.split()[1], 16) for line in f if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            return  # not Linux, or already gone: fall back to the caller's delay
        if caught & (1 << (signum - 1)):
            return
        time.sleep(0.005)


def run(args, cwd=REPO_ROOT, timeout=TIMEOUT, input=None):
    """Runs ecograph with args (from the repository root by default); status None means it
    timed out. `input` (bytes) is sent on stdin, which is otherwise empty."""
    args = [str(a) for a in args]
    status, out, err = call([ECOGRAPH] + args, cwd=cwd, timeout=timeout, input=input)
    return Result(args, status, out, err, timeout)


_cache = {}


def cached(*args, timeout=TIMEOUT):
    """Runs ecograph with args from the repository root once per test run (the Result is
    reused)."""
    args = tuple(str(a) for a in args)
    if args not in _cache:
        _cache[args] = run(list(args), timeout=timeout)
    return _cache[args]


def bundled_graph():
    """The bundled graph's entities {id: type} and relations [(source, target, type)], read
    with a regular expression (an oracle independent of ecograph's DOT reader)."""
    with open(os.path.join(REPO_ROOT, BUNDLED), encoding="utf-8") as f:
        text = f.read()
    entities = {m.group(1): m.group(2) for m in
                re.finditer(r'^\s*"([^"]+)"\s*\[\s*type="([^"]+)"', text, re.M)}
    relations = [(m.group(1), m.group(2), m.group(3)) for m in
                 re.finditer(r'"([^"]+)"\s*->\s*"([^"]+)"\s*\[\s*type="([^"]+)"', text)]
    return entities, relations


class CliTestCase(unittest.TestCase):
    """Assertions on a Result."""

    maxDiff = 4000

    def assertStatus(self, r, expected):
        """Exits with `expected`: no timeout, no signal (unless `expected` is one), no
        sanitizer report or internal error on stderr."""
        if r.status is None:
            self.fail(f"timed out after {r.timeout} s" + r.describe())
        if r.status < 0 or (r.status >= 128 and expected < 128):
            self.fail(f"killed by a signal / crashed (status {r.status})" + r.describe())
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, r.stderr, "sanitizer or internal error" + r.describe())
        self.assertEqual(r.status, expected, "unexpected exit status" + r.describe())

    def json_of(self, r):
        try:
            return json.loads(r.out.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            self.fail(f"output is not JSON ({e})" + r.describe())


class ClassTempDir:
    """Mixin: one temporary directory `cls.tmp` (prefix `tmp_prefix`) for a test class."""

    tmp_prefix = "ecograph-"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix=cls.tmp_prefix)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()


class TempDirTestCase(unittest.TestCase):
    """A fresh temporary directory `self.tmp` (prefix `tmp_prefix`) for every test."""

    tmp_prefix = "ecograph-"

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix=self.tmp_prefix)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)
