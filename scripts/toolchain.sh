# Sourced by the other scripts: chooses how to build wasm32 on this machine
# and exports what that route needs. Safe to source more than once.
#
# Route 1 (a normal developer machine): rustup's wasm32-unknown-unknown target.
# Route 2 (machines where rustup cannot download it): Debian's rustc-web with
# the standard library built from source (rustup's `rust-std` download is
# unreachable on machines that only reach package registries).

export PATH="$HOME/.cargo/bin:$PATH"
NEWSROOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NEWSROOM_ROOT

# The native PATH, before any wasm-specific change: native cargo runs with it.
export NEWSROOM_NATIVE_PATH="${NEWSROOM_NATIVE_PATH:-$PATH}"

have() { command -v "$1" >/dev/null 2>&1; }

rustup_has_wasm() {
  have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# Exports the environment for a wasm32 build; prints the route taken.
use_wasm_route() {
  if rustup_has_wasm; then
    export NEWSROOM_WASM_ROUTE=rustup
  elif [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
    export NEWSROOM_WASM_ROUTE=debian-build-std
    export PATH="/usr/bin:$PATH"
    export RUSTC=/usr/bin/rustc
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  else
    echo "no wasm32 toolchain: run scripts/setup.sh" >&2
    return 1
  fi
}

# Runs a native cargo command, whatever the wasm route exported.
native_cargo() {
  env -u CARGO_UNSTABLE_BUILD_STD -u RUSTC -u RUSTC_BOOTSTRAP PATH="$NEWSROOM_NATIVE_PATH" cargo "$@"
}

# Runs the command-line tools, built natively with the `cli` profile
# (optimised for speed; the `release` profile is the web app's).
newsroom_cli() {
  native_cargo run --quiet --profile cli -p newsroom-cli -- "$@"
}
