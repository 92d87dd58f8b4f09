#!/usr/bin/env bash
# Trunk post-build hook: reads content/ (or NEWSROOM_BUNDLE) and checks it, then writes the bundle and everything
# derived from it (entry pages, 404.html, feed.xml) into the staging folder.
# Settings: Trunk's --public-url, and NEWSROOM_SITE_URL (the absolute origin
# used in canonical and Open Graph links, e.g. https://press.example.org).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
args=(site --dist "$TRUNK_STAGING_DIR" --public-url "${TRUNK_PUBLIC_URL:-/}")
[ -n "${NEWSROOM_SITE_URL:-}" ] && args+=(--site-url "$NEWSROOM_SITE_URL")
newsroom_cli "${args[@]}" "${NEWSROOM_BUNDLE:-content}"
