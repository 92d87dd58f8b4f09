#!/usr/bin/env bash
# Command 2: install what is missing, then run every test: formatting and
# lints, native tests (model, checker, importer, engine, URL state, site
# files, bounded fuzzing), the release build at the root and under a sub-path, and the
# browser tests in Chromium against those builds on a plain static server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
native_cargo fmt --check
step "cargo clippy (every crate, native)"
native_cargo clippy --quiet --workspace --all-targets -- -D warnings
step "cargo clippy (the web app, wasm32)"
(use_wasm_route >/dev/null && cargo clippy --quiet -p newsroom --target wasm32-unknown-unknown -- -D warnings)
step "cargo test (every crate, native)"
native_cargo test --quiet --workspace

step "release build at / (dist)"
NEWSROOM_SITE_URL=http://127.0.0.1:8080 scripts/build.sh --dist dist
step "release build under /newsroom/ (dist-subpath)"
NEWSROOM_SITE_URL=http://127.0.0.1:8080 scripts/build.sh --public-url /newsroom/ --dist dist-subpath
step "the app with the test-only panic trigger (dist-crash: only the app crate is compiled again)"
NEWSROOM_SITE_URL=http://127.0.0.1:8080 scripts/build.sh --features crash-test --dist dist-crash
step "the same app with 2,000 generated releases with bodies (dist-fulltext)"
rm -rf dist-fulltext && cp -r dist dist-fulltext && rm -rf dist-fulltext/data dist-fulltext/releases
newsroom_cli generate 2000 --seed 5 -o target/fulltext-bundle.json
newsroom_cli site --dist dist-fulltext --site-url http://127.0.0.1:8080 target/fulltext-bundle.json
step "the same app with 3,000 generated releases read in segments (dist-segmented)"
rm -rf dist-segmented && cp -r dist dist-segmented && rm -rf dist-segmented/data dist-segmented/releases
newsroom_cli generate 3000 --seed 7 -o target/segmented-bundle.json
newsroom_cli site --dist dist-segmented --site-url http://127.0.0.1:8080 --data-layout segmented target/segmented-bundle.json
step "the same app with one more release written with newsroom-cli new: Markdown and a photo (dist-written)"
rm -rf dist-written target/written-content && cp -r dist dist-written && rm -rf dist-written/data dist-written/releases
cp -r content target/written-content
written=$(newsroom_cli new "Border officers trained in Khorog" --content target/written-content --date 2024-05-02)
node tests/browser/lib/write-release.mjs "$written"
newsroom_cli site --dist dist-written --site-url http://127.0.0.1:8080 target/written-content

step "W3C HTML validator (vnu-jar) over the shell, 404.html and entry pages"
# $1: a built site; $2: validate every $2-th entry page (sorted by slug).
validate_html() {
  local pages
  mapfile -t pages < <(find "$1/releases" -name index.html | sort | awk -v n="$2" '(NR - 1) % n == 0')
  java -jar tests/browser/node_modules/vnu-jar/build/dist/vnu.jar --errors-only \
    "$1/index.html" "$1/404.html" "${pages[@]}"
  echo "$1: index.html, 404.html and ${#pages[@]} entry pages are valid HTML"
}
validate_html dist 1
validate_html dist-fulltext 50
validate_html dist-segmented 100

cd tests/browser
step "browser tests (Chromium)"
node --test --test-concurrency=1 specs/
step "browser tests again, under the strict Content-Security-Policy"
NEWSROOM_CSP=1 node --test --test-concurrency=1 specs/
