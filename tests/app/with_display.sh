#!/usr/bin/env bash
# Runs a command with an X display: the current one if it answers, otherwise an Xvfb of its own.
# Xvfb picks a free display number itself (-displayfd), so tests started side by side never race for
# one. Listing a test binary's tests (ctest's discovery) needs no display.
set -euo pipefail
for arg in "$@"; do
    [ "$arg" = "--gtest_list_tests" ] && exec "$@"
done
if [ -n "${DISPLAY:-}" ] && xdotool getdisplaygeometry >/dev/null 2>&1; then
    exec "$@"
fi
dir=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; rm -rf "$dir"' EXIT
mkfifo "$dir/fd"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$dir/fd" 2>"$dir/xvfb.log" &
xvfb=$!
if ! read -r -t 30 number <"$dir/fd"; then
    echo "with_display.sh: Xvfb did not start:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
fi
DISPLAY=":$number" "$@"
