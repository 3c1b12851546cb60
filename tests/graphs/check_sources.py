#!/usr/bin/env python3
"""Every entity and relation of the bundled graph carries a `source` quoting the seed article.

Usage: check_sources.py ECOGRAPH_BINARY   (run from the repository root)
Reads the graph through `ecograph export --plain` (one statement per line, sorted) and checks
each quote, whitespace-normalised, against ../shared/seed-article.txt. Exits 77 (skipped) when
the article is not beside the repository.
"""
import os
import re
import subprocess
import sys

ARTICLE = os.path.join("..", "shared", "seed-article.txt")


def norm(s):
    return " ".join(s.split())


def main():
    eco = sys.argv[1]
    if not os.path.exists(ARTICLE):
        print(f"skipped: {ARTICLE} not found")
        return 77
    article = norm(open(ARTICLE, encoding="utf-8").read())
    out = subprocess.run([eco, "export", "--plain", "graphs/alibaba-cloud.gv"], check=True,
                         capture_output=True, text=True).stdout
    statements = [l.strip() for l in out.splitlines() if l.startswith("    \"")]
    problems = []
    for st in statements:
        m = re.search(r'source="((?:[^"\\]|\\.)*)"', st)
        if not m:
            problems.append(f"no source: {st[:80]}")
            continue
        quote = norm(m.group(1).replace('\\"', '"'))
        if quote not in article:
            problems.append(f"not in the article: {quote[:80]!r} ({st[:40]})")
    for p in problems:
        print(p)
    print(f"{len(statements)} statements checked, {len(problems)} problems")
    return 1 if problems or not statements else 0


if __name__ == "__main__":
    sys.exit(main())
