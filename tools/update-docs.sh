#!/usr/bin/env bash
# Regenerates the generated parts of docs/ from the bundled graph and the built-in schema.
# Usage: tools/update-docs.sh [path/to/ecograph]   (default: build/ecograph)
# tests/docs_current.sh checks that the committed copies are current.
set -euo pipefail
cd "$(dirname "$0")/.."
eco=${1:-build/ecograph}
mkdir -p docs/diagrams
"$eco" schema --format markdown --output docs/schema-reference.md
"$eco" export graphs/alibaba-cloud.gv --cluster-by region --format dot \
    --output docs/diagrams/alibaba-cloud.gv
"$eco" export graphs/alibaba-cloud.gv --cluster-by region --format svg \
    --output docs/diagrams/alibaba-cloud.svg
"$eco" neighborhood graphs/alibaba-cloud.gv infosys --hops 1 -f svg \
    -o docs/diagrams/infosys-neighbourhood.svg
"$eco" stats graphs/alibaba-cloud.gv --format markdown --output docs/diagrams/alibaba-cloud-stats.md
"$eco" report graphs/alibaba-cloud.gv --out docs/report
