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
native_cargo build --quiet --profile cli -p newsroom-cli
# The peers' npm packages, exactly as locked: MiniSearch, and Pagefind (its
# binary ships in the package).
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
# Pagefind's own binary (what `npx pagefind` runs), called directly so that
# a memory limit applies to it alone: it holds ~200 KB per indexed page
# (~20 GB at 100,000 pages), and if the machine has less it fails, not the
# machine.
pagefind=$(cd bench && node -p "require.resolve('@pagefind/' + process.platform + '-' + process.arch + '/bin/pagefind_extended')")

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
json_string() { node -p 'JSON.stringify(process.argv[1])' "$1"; }

# bench/results/site-N from Trunk's dist/ and bundle N, then Pagefind's index
# of its entry pages; site-N.build.json gets the build-time figures. Fails
# when the site cannot be built; a Pagefind failure is recorded instead.
build_site() {
  local n=$1 bundle="bench/results/data/$1.json" site="bench/results/site-$1" start site_s figures
  rm -rf "$site" "$site.stamp" "$site.build.json"
  # The app without the seed's data and entry pages; then this bundle's.
  cp -r dist "$site" && rm -rf "$site/data" "$site/releases" || return 1
  start=$(now)
  target/cli/newsroom-cli site --dist "$site" --public-url / --site-url http://127.0.0.1:8080 "$bundle" || return 1
  site_s=$(since "$start")
  start=$(now)
  local limit_kb=$(( $(awk '/MemAvailable/ { print $2 }' /proc/meminfo) - 1000000 ))
  if (ulimit -v "$limit_kb" && "$pagefind" --site "$site" --glob 'releases/**/*.html'); then
    figures=$(printf '"pagefindSeconds":%s,"pagefindBytes":%s,"pagefindFiles":%s' "$(since "$start")" \
      "$(du -sb "$site/pagefind" | cut -f1)" "$(find "$site/pagefind" -type f | wc -l)")
  else
    local error="Pagefind failed after $(since "$start") s with at most $((limit_kb / 1000)) MB of memory"
    echo "$error" >&2
    rm -rf "$site/pagefind"
    figures="\"pagefindError\":$(json_string "$error")"
  fi
  printf '{"siteSeconds":%s,"dataBytes":%s,%s}\n' "$site_s" "$(du -sb "$site/data" | cut -f1)" "$figures" > "$site.build.json"
  [ -d "$site/pagefind" ]
}

mkdir -p bench/results/data
IFS=, read -ra sizes <<< "${BENCH_SIZES:-1000,10000,100000}"
for n in "${sizes[@]}"; do
  bundle="bench/results/data/$n.json"
  # Earlier versions generated bundles without bodies: those are replaced.
  if [ ! -s "$bundle" ] || [[ "$(head -c 100000 "$bundle")" != *'"body":'* ]]; then
    echo "generating $bundle"
    target/cli/newsroom-cli generate "$n" --seed 1 -o "$bundle"
  fi
  # The site is rebuilt only when what it is made of changed (dist/ by
  # content: every build rewrites its files).
  stamp="$(stat -c '%n %s %Y' "$bundle"; sha256sum target/cli/newsroom-cli dist/*.*; "$pagefind" --version)"
  if [ "$(cat "bench/results/site-$n.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "bench/results/site-$n is up to date"
  elif build_site "$n"; then
    echo "$stamp" > "bench/results/site-$n.stamp"
  elif [ ! -f "bench/results/site-$n.build.json" ]; then
    # bench.mjs reports the size as not prepared and goes on with the others.
    echo "bench/results/site-$n could not be built" >&2
    rm -rf "bench/results/site-$n"
  fi # (without a Pagefind index the site is measured without that peer, and rebuilt next time)
done
node bench/bench.mjs
