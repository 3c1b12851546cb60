#!/usr/bin/env bash
# Fails when a generated file in docs/ is stale: regenerates into a temporary copy and compares.
# The SVG is not compared (its text metrics depend on the installed fonts); its DOT source is.
set -euo pipefail
eco=$1
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$eco" schema --format markdown --output "$tmp/schema-reference.md"
"$eco" export graphs/alibaba-cloud.gv --cluster-by region --format dot --output "$tmp/alibaba-cloud.gv"
"$eco" stats graphs/alibaba-cloud.gv --format markdown --output "$tmp/alibaba-cloud-stats.md"
"$eco" report graphs/alibaba-cloud.gv --out "$tmp/report" 2>/dev/null
status=0
for pair in "schema-reference.md:docs/schema-reference.md" \
            "alibaba-cloud.gv:docs/diagrams/alibaba-cloud.gv" \
            "alibaba-cloud-stats.md:docs/diagrams/alibaba-cloud-stats.md"; do
    if ! cmp -s "$tmp/${pair%%:*}" "${pair#*:}"; then
        echo "stale: ${pair#*:} (run tools/update-docs.sh)"
        diff -u "${pair#*:}" "$tmp/${pair%%:*}" | head -20 || true
        status=1
    fi
done
# The report bundle: every page and data file (not the SVGs, as above), and no file missing.
if ! diff -r -q -x '*.svg' docs/report "$tmp/report" >/dev/null; then
    echo "stale: docs/report (run tools/update-docs.sh or cmake --build build --target docs-report)"
    diff -r -u -x '*.svg' docs/report "$tmp/report" | head -20 || true
    status=1
fi
for svg in "$tmp"/report/img/*.svg; do
    [ -f "docs/report/img/$(basename "$svg")" ] || { echo "missing: docs/report/img/$(basename "$svg")"; status=1; }
done
[ $status = 0 ] && echo "docs are current"
exit $status
