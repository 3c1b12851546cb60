#!/usr/bin/env bash
# Fails when a generated file in docs/ is stale: regenerates into a temporary copy and compares.
# SVGs are compared too: ecograph measures label text from its own DejaVu Sans metrics
# (src/ecograph/render/font_metrics.cpp), so their bytes do not depend on the installed fonts.
set -euo pipefail
eco=$1
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$eco" schema --format markdown --output "$tmp/schema-reference.md"
"$eco" export graphs/alibaba-cloud.gv --cluster-by region --format dot --output "$tmp/alibaba-cloud.gv"
"$eco" export graphs/alibaba-cloud.gv --cluster-by region --format svg --output "$tmp/alibaba-cloud.svg"
"$eco" neighborhood graphs/alibaba-cloud.gv infosys --hops 1 -f svg -o "$tmp/infosys-neighbourhood.svg"
"$eco" stats graphs/alibaba-cloud.gv --format markdown --output "$tmp/alibaba-cloud-stats.md"
"$eco" report graphs/alibaba-cloud.gv --out "$tmp/report" 2>/dev/null
status=0
for pair in "schema-reference.md:docs/schema-reference.md" \
            "alibaba-cloud.gv:docs/diagrams/alibaba-cloud.gv" \
            "alibaba-cloud.svg:docs/diagrams/alibaba-cloud.svg" \
            "infosys-neighbourhood.svg:docs/diagrams/infosys-neighbourhood.svg" \
            "alibaba-cloud-stats.md:docs/diagrams/alibaba-cloud-stats.md"; do
    if ! cmp -s "$tmp/${pair%%:*}" "${pair#*:}"; then
        echo "stale: ${pair#*:} (run tools/update-docs.sh)"
        diff -u "${pair#*:}" "$tmp/${pair%%:*}" | head -20 || true
        status=1
    fi
done
# The report bundle: every page, data file and diagram, and no file missing or left over.
if ! diff -r -q docs/report "$tmp/report" >/dev/null; then
    echo "stale: docs/report (run tools/update-docs.sh or cmake --build build --target docs-report)"
    diff -r -u docs/report "$tmp/report" | head -20 || true
    status=1
fi
[ $status = 0 ] && echo "docs are current"
exit $status
