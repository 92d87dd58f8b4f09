#!/usr/bin/env bash
# Installs whatever is missing to build and test the newsroom, and nothing
# that is already there. Every step comes from a package registry (Debian,
# crates.io, npm); nothing downloads a prebuilt binary or a browser.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$NEWSROOM_ROOT"

TRUNK_VERSION=0.21.14
step() { printf '\n== %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! have apt-get; then
    echo "missing system packages: ${missing[*]} (install them with your package manager)" >&2
    return 1
  fi
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  step "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. The wasm32 target: rustup's if it has it or can fetch it in time,
#    otherwise Debian's rustc-web with std built from source.
if ! rustup_has_wasm; then
  if have rustup && timeout 90 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    step "wasm32 target added with rustup"
  else
    apt_install rustc-web cargo-web rust-web-src lld-22
  fi
fi

# 2. Node.js and npm run the browser tests and the static server.
if ! have node || ! have npm; then
  apt_install nodejs npm
fi

# 3. A browser for the tests (Debian's Chromium; never a downloaded one).
if ! have chromium && ! have chromium-browser; then
  apt_install chromium
fi

# 3b. Java for the W3C HTML validator (vnu-jar, from npm below), Debian's.
if ! have java; then
  apt_install default-jre-headless
fi

# 4. Trunk, pinned: 0.22 needs a newer rustc than these machines have.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (several minutes, once)"
  native_cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 5. wasm-bindgen's CLI must match the crate version in Cargo.lock exactly.
WBG_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WBG_VERSION (several minutes, once)"
  # Not --locked: its lock file names a yanked crate.
  native_cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# 6. Browser-test and benchmark packages from npm, exactly as locked. No
#    install scripts: vnu-jar's would download a Java runtime (step 3b
#    installed Debian's).
if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  step "npm ci (tests/browser)"
  (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

use_wasm_route >/dev/null
echo "toolchain ready (wasm route: $NEWSROOM_WASM_ROUTE)"
