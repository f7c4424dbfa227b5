#!/usr/bin/env bash
# Runs a command with an X display: the current one if it answers, otherwise a fresh Xvfb.
set -euo pipefail
if [ -n "${DISPLAY:-}" ] && xdotool getdisplaygeometry >/dev/null 2>&1; then
    exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
