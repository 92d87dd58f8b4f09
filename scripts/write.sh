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
# --release reuses what scripts/build.sh compiled: a change in content/ then
# only re-runs the hook.
exec trunk serve --release --offline --port "$PORT" \
  --watch content --watch src --watch style --watch index.html --watch crates/engine/src
