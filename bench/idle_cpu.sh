#!/usr/bin/env bash
# The window's CPU use while nobody touches it, lab by lab: actlab under an Xvfb of its own (1600 × 1000
# screen, so the window is 1440 × 900), each lab opened through a settings.json, left alone for SETTLE
# seconds (default 5), then its CPU time (user + system, every thread) over SECONDS (default 20); last,
# the playground again with its Layers view in front (a worker thread of its own).
# Usage: bench/idle_cpu.sh BUILD/app/actlab [SECONDS]
set -euo pipefail
bin=$(realpath "$1")
seconds=${2:-20}
settle=${SETTLE:-5}
dir=$(mktemp -d)
xvfb=
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
mkfifo "$dir/fd"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$dir/fd" 2>"$dir/xvfb.log" &
xvfb=$!
read -r -t 30 number <"$dir/fd"
export DISPLAY=":$number"
tick=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime of the whole process
for lab in activations softmax gradients playground playground-layers; do
    mkdir -p "$dir/$lab/actlab"
    if [ "$lab" = playground-layers ]; then  # the playground with its Layers view beside the network
        printf '{"lab": "playground", "playground": {"view": "layers"}}\n' >"$dir/$lab/actlab/settings.json"
    else
        printf '{"lab": "%s"}\n' "$lab" >"$dir/$lab/actlab/settings.json"
    fi
    XDG_CONFIG_HOME="$dir/$lab" "$bin" --export-folder "$dir/$lab/exports" 2>"$dir/$lab/stderr" &
    pid=$!
    timeout 30 xdotool search --sync --onlyvisible --name '^actlab$' >/dev/null
    sleep "$settle"
    before=$(cpu_ticks "$pid")
    sleep "$seconds"
    after=$(cpu_ticks "$pid")
    awk -v lab="$lab" -v t=$((after - before)) -v hz="$tick" -v s="$seconds" \
        'BEGIN { printf "%-12s %6.2f s of CPU in %d s: %5.1f %% of a core\n", lab, t / hz, s, 100 * t / hz / s }'
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
done
