#!/usr/bin/env bash
# Runs one libFuzzer harness and says what it reached, in one line.
#   tests/fuzz/run_fuzzer.sh [--smoke] BINARY NAME WORK RUNS
# The harness starts from its committed corpus (tests/fuzz/corpus/NAME) and from what earlier runs
# grew in WORK/NAME/corpus; new inputs are written to WORK only, never to the checkout. Each input may
# take at most 10 s and the process 2 GB. --smoke: a fresh WORK/NAME and a fixed seed (the same run
# every time, for make test). A crash, leak, timeout, sanitizer report or failed check leaves the
# input as WORK/NAME/crash-* (or leak-*, timeout-*), prints the end of the log and exits 1.
set -euo pipefail
smoke=0
if [ "${1:-}" = --smoke ]; then smoke=1; shift; fi
if [ $# -ne 4 ]; then
    echo "usage: $0 [--smoke] BINARY NAME WORK RUNS" >&2
    exit 2
fi
bin=$(realpath "$1") name=$2 work=$(realpath -m "$3") runs=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

dir="$work/$name"
[ "$smoke" = 1 ] && rm -rf "$dir"
mkdir -p "$dir/corpus"
flags=(-runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 -artifact_prefix="$dir/")
[ -f "$here/$name.dict" ] && flags+=(-dict="$here/$name.dict")
[ "$smoke" = 1 ] && flags+=(-seed=1)
log="$dir/log.txt"
# file and line in sanitizer reports (llvm-14 installs the symbolizer under a versioned name only)
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
    export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

cd "$root"  # the corpora name data= files relative to the checkout
start=$(date +%s)
set +e
"$bin" "${flags[@]}" "$dir/corpus" "$here/corpus/$name" >"$log" 2>&1
rc=$?
set -e
seconds=$(( $(date +%s) - start ))

stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
runs_done=$(stat number_of_executed_units)
per_second=$(stat average_exec_per_sec)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
committed=$(find "$here/corpus/$name" -type f | wc -l)
printf 'fuzz_%s: %s executions in %s s (%s/s), cov %s, ft %s, corpus %s inputs (%s committed)' \
    "$name" "${runs_done:-?}" "$seconds" "${per_second:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$committed"
if [ "$rc" -eq 72 ]; then  # libFuzzer's code for a run stopped by SIGINT or SIGTERM
    echo "; interrupted"
    exit 1
fi
if [ "$rc" -ne 0 ]; then
    echo "; FOUND something (exit $rc), log: $log"
    grep -E 'ERROR|SUMMARY|fuzz check failed|Test unit written|runtime error' "$log" | head -20 || true
    tail -40 "$log"
    exit 1
fi
echo "; nothing found"
