#!/usr/bin/env bash
# The writing loop: build the site, serve it at http://127.0.0.1:${PORT:-8080}/
# and rebuild whenever a file under content/ (or the app) changes, so an
# editor sees a release as readers will. Reload the page after a rebuild;
# a file with a problem stops the rebuild and the terminal names the file,
# line and field. The hook reads content/ as the release build does.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
use_wasm_route
PORT="${PORT:-8080}"
export NEWSROOM_SITE_URL="${NEWSROOM_SITE_URL:-http://127.0.0.1:$PORT}"
# Trunk's watcher rebuilds when a file is created or changed, not when one
# is deleted, so a deleted release would stay on the page. This loop notices
# a file gone from content/ and writes another file of it again, unchanged,
# which Trunk sees as a change.
rebuild_on_deletion() {
  local before now same kept
  kept=$(mktemp)
  before=$(find content -type f | sort)
  while sleep 1; do
    now=$(find content -type f | sort)
    if [ -n "$(comm -23 <(printf '%s\n' "$before") <(printf '%s\n' "$now"))" ]; then
      same=$(printf '%s\n' "$now" | head -n 1)
      [ -n "$same" ] && cp "$same" "$kept" && cat "$kept" > "$same"
      now=$(find content -type f | sort)
    fi
    before=$now
  done
}
rebuild_on_deletion &
trap 'kill $! 2>/dev/null' EXIT
# A problem in a file is the hook's message (file, line, field), not a
# backtrace of Trunk's.
export RUST_BACKTRACE=0
# --release reuses what scripts/build.sh compiled: a change in content/ then
# only re-runs the hook.
trunk serve --release --offline --port "$PORT" \
  --watch content --watch src --watch style --watch index.html --watch crates/engine/src
