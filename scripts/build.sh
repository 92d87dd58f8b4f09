#!/usr/bin/env bash
# Release build of the site into dist/ (what a host serves), checking the
# bundle and deriving entry pages and the feed on the way (Trunk hook).
#   scripts/build.sh                         site at the root of its host
#   scripts/build.sh --public-url /newsroom/ --dist dist-subpath
# NEWSROOM_SITE_URL sets the absolute origin used in canonical links.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
use_wasm_route
trunk build --release --offline "$@"
