#!/usr/bin/env bash
# Trunk pre-build hook: joins the style sheets (one per component in style/,
# in cascade order) into one file without comments or indentation,
# target/style/newsroom.css, which index.html links: one request and one
# gzip stream instead of eleven. (Trunk's own CSS minifier is all or nothing
# with the HTML, which must stay unminified for the post-build hook.)
# A new style sheet is added to SHEETS below.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SHEETS=(tokens base filters timeline did-you-mean histogram view-tools release takeover photo print)
# The list and style/ must agree: a sheet left out would be missing silently.
for sheet in "${SHEETS[@]}"; do
  [ -f "style/$sheet.css" ] || { echo "scripts/trunk-pre-build.sh: style/$sheet.css does not exist" >&2; exit 1; }
done
for file in style/*.css; do
  name=$(basename "$file" .css)
  [[ " ${SHEETS[*]} " == *" $name "* ]] || { echo "scripts/trunk-pre-build.sh: $file is not in SHEETS" >&2; exit 1; }
done
mkdir -p target/style
for sheet in "${SHEETS[@]}"; do
  cat "style/$sheet.css"
  echo
done | perl -0777 -pe 's{/\*.*?\*/}{}gs; s/^[ \t]+//mg; s/[ \t]+$//mg; s/\n+/\n/g' > target/style/newsroom.css.new
mv target/style/newsroom.css.new target/style/newsroom.css
