#!/usr/bin/env bash
# Installs the built tree into a temporary prefix, then configures and builds the consumer
# project against it with find_package(ecograph): its executable links the library and its
# ALL target writes a report with ecograph_add_report.
# Usage: tests/package/check_install.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$here/consumer" -B "$tmp/build" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" \
    -DECOGRAPH_GRAPH="$root/graphs/alibaba-cloud.gv" >/dev/null
cmake --build "$tmp/build" >/dev/null
out=$("$tmp/build/count_entities" "$root/graphs/alibaba-cloud.gv")
expected="26 entities, 37 relations"
if [[ "$out" != "$expected" ]]; then
    echo "count_entities printed '$out', expected '$expected'"
    exit 1
fi
for f in index.md centrality.md resilience.md img/overview.svg data/entities.csv; do
    if [[ ! -s "$tmp/build/report/$f" ]]; then
        echo "the consumer's report target did not write report/$f"
        exit 1
    fi
done
grep -q '^# Partner report from a consumer project$' "$tmp/build/report/index.md" || {
    echo "the report title option did not reach ecograph report"
    exit 1
}
"$tmp/prefix/bin/ecograph" --version
echo "installed package works: library, executable and ecograph_add_report"
