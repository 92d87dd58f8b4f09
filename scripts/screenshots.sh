#!/usr/bin/env bash
# Builds the site and writes screenshots of the main views at 360, 768 and
# 1280 px (and dark mode at 1280) into docs/screenshots/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
scripts/setup.sh
NEWSROOM_SITE_URL=http://127.0.0.1:8080 scripts/build.sh --dist dist
node tests/browser/screenshots.mjs
