#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release site, generates
# synthetic bundles (without bodies) of 1,000, 10,000 and 100,000 releases,
# and measures the app beside a plain JavaScript peer in headless Chromium.
# BENCH_SIZES=1000,10000 and BENCH_REPS=3 narrow or widen a run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"
scripts/setup.sh
NEWSROOM_SITE_URL=http://127.0.0.1:8080 scripts/build.sh --dist dist
mkdir -p bench/results/data
native_cargo build --quiet --release --bin newsroom-cli
IFS=, read -ra sizes <<< "${BENCH_SIZES:-1000,10000,100000}"
for n in "${sizes[@]}"; do
  [ -s "bench/results/data/$n.json" ] || target/release/newsroom-cli generate "$n" --seed 1 --no-bodies -o "bench/results/data/$n.json"
done
node bench/bench.mjs
