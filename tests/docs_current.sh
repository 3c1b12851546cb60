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
[ $status = 0 ] && echo "docs are current"
exit $status
