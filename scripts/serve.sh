#!/usr/bin/env bash
# Command 1: install what is missing, build the release site, and serve it
# as a static host would. PORT (default 8080) picks the port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
scripts/setup.sh
PORT="${PORT:-8080}"
NEWSROOM_SITE_URL="${NEWSROOM_SITE_URL:-http://127.0.0.1:$PORT}" scripts/build.sh
exec node tests/browser/serve.mjs --root dist --port "$PORT"
