#!/usr/bin/env bash
# Fuzzes every reader for a fixed time each, one target after the other:
#
#     tests/fuzz/run.sh BUILD_DIR [SECONDS [FORMAT...]]
#
# BUILD_DIR is a build configured with -DECOGRAPH_FUZZ=ON (this script builds nothing);
# SECONDS is the budget per target (default 60); FORMATs are any of dot csv graphml json schema
# (default all). Each target runs on a scratch copy of its seed corpus (corpus/FORMAT/, plus,
# for DOT, files from gen_dot.py) with its dictionary, so that the committed corpus is never
# rewritten. A crash, timeout, out-of-memory or leak input is copied to regressions/FORMAT/,
# where the fuzz_replay_FORMAT ctest replays it from then on, and the script exits 1.
#
# Environment: FUZZ_WORK, the scratch directory (default: a new one under /tmp, kept, with one
# log per target); FUZZ_GEN_DOT, how many generated DOT files to add (default 300; 0: none).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [SECONDS [FORMAT...]]" >&2
    exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(dot csv graphml json schema)

work=${FUZZ_WORK:-$(mktemp -d /tmp/ecograph-fuzz.XXXXXX)}
mkdir -p "$work"
# A small quarantine: cgraph's realloc churn on a DOT file near the 1,000 attribute names bound
# takes 1.9 GB and 12 s with ASan's default 256 MB quarantine, 0.3 GB and 2 s with 16 MB.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=16}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../../tools/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

found=0
for format in "${formats[@]}"; do
    target=$build/tests/fuzz/fuzz_$format
    if [ ! -x "$target" ]; then
        echo "run.sh: $target is missing: configure with -DECOGRAPH_FUZZ=ON and build it" >&2
        exit 2
    fi
    corpus=$work/corpus/$format
    artifacts=$work/artifacts/$format
    mkdir -p "$corpus" "$artifacts"
    cp -R "$here/corpus/$format/." "$corpus/"
    if [ "$format" = dot ] && [ "${FUZZ_GEN_DOT:-300}" -gt 0 ] && command -v python3 >/dev/null; then
        python3 "$here/gen_dot.py" "$corpus" -n "${FUZZ_GEN_DOT:-300}" --seed run \
            --max-bytes 16384 2>/dev/null
    fi
    log=$work/$format.log
    echo "== fuzz_$format: ${seconds}s, log $log"
    # timeout: libFuzzer's out-of-memory report can deadlock (its heap profile stops the world
    # while a thread holds the loader lock); a hung target must not hang CI.
    timeout -k 10 $((seconds + 300)) \
    "$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -dict="$here/$format.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        >"$log" 2>&1
    status=$?
    grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$log" | tail -n 2
    saved=0
    for input in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
        [ -e "$input" ] || continue
        mkdir -p "$here/regressions/$format"
        cp "$input" "$here/regressions/$format/"
        echo "run.sh: fuzz_$format: saved regressions/$format/$(basename "$input")"
        saved=1
    done
    [ $status -eq 124 ] && echo "run.sh: fuzz_$format hung and was killed" >&2
    if [ $saved = 1 ] || [ $status -ne 0 ]; then
        found=1
        echo "run.sh: fuzz_$format FAILED (exit $status); the report is in $log:" >&2
        grep -E -m 12 'ERROR: |runtime error|fuzz invariant failed|^ +#[0-9]+ 0x' "$log" >&2
    fi
done
exit $found
