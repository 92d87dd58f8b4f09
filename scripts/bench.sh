#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release site, generates
# synthetic bundles with bodies of 1,000, 10,000 and 100,000 releases, turns
# each into a site of its own (bench/results/site-N: `newsroom-cli site`,
# then Pagefind over its entry pages, both timed), and measures the app
# beside its peers in headless Chromium (bench/bench.mjs).
# BENCH_SIZES=1000,10000 and BENCH_REPS=3 narrow or widen a run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
scripts/setup.sh
NEWSROOM_SITE_URL=http://127.0.0.1:8080 scripts/build.sh --dist dist
native_cargo build --quiet --release --bin newsroom-cli
# The peers' npm packages, exactly as locked: MiniSearch, and Pagefind (its
# binary ships in the package).
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
pagefind=bench/node_modules/.bin/pagefind

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# bench/results/site-N from Trunk's dist/ and bundle N; writes site-N.build.json
# with the build-time figures. Returns non-zero on any failure.
build_site() {
  local n=$1 bundle="bench/results/data/$1.json" site="bench/results/site-$1" start site_s pagefind_s
  rm -rf "$site" "$site.stamp" "$site.build.json"
  # The app without the seed's data and entry pages; then this bundle's.
  cp -r dist "$site" && rm -rf "$site/data" "$site/releases" || return 1
  start=$(now)
  target/release/newsroom-cli site --dist "$site" --public-url / --site-url http://127.0.0.1:8080 "$bundle" || return 1
  site_s=$(since "$start")
  start=$(now)
  "$pagefind" --site "$site" --glob 'releases/**/*.html' || return 1
  pagefind_s=$(since "$start")
  printf '{"siteSeconds":%s,"dataBytes":%s,"pagefindSeconds":%s,"pagefindBytes":%s,"pagefindFiles":%s}\n' \
    "$site_s" "$(du -sb "$site"/data | cut -f1)" "$pagefind_s" \
    "$(du -sb "$site/pagefind" | cut -f1)" "$(find "$site/pagefind" -type f | wc -l)" > "$site.build.json"
}

mkdir -p bench/results/data
IFS=, read -ra sizes <<< "${BENCH_SIZES:-1000,10000,100000}"
for n in "${sizes[@]}"; do
  bundle="bench/results/data/$n.json"
  # Earlier versions generated bundles without bodies: those are replaced.
  if [ ! -s "$bundle" ] || ! head -c 100000 "$bundle" | grep -q '"body":'; then
    echo "generating $bundle"
    target/release/newsroom-cli generate "$n" --seed 1 -o "$bundle"
  fi
  # The site is rebuilt only when what it is made of changed.
  stamp="$(stat -c '%n %s %Y' "$bundle" target/release/newsroom-cli dist/*.*; "$pagefind" --version)"
  if [ "$(cat "bench/results/site-$n.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "bench/results/site-$n is up to date"
  elif build_site "$n"; then
    echo "$stamp" > "bench/results/site-$n.stamp"
  else
    # bench.mjs reports the size as not prepared and goes on with the others.
    echo "bench/results/site-$n could not be built" >&2
    rm -rf "bench/results/site-$n"
  fi
done
node bench/bench.mjs
