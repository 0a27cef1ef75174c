# Installs whatever the build and the tests need, and skips what is there.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run again and again.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust_target() {
  # rust-toolchain.toml pins the toolchain; the wasm target and the linters
  # are added to that toolchain if it lacks them.
  local installed
  installed="$(rustup target list --installed)"
  if ! grep -qx wasm32-unknown-unknown <<<"$installed"; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local components
  components="$(rustup component list --installed)"
  for component in rustfmt clippy; do
    if ! grep -q "^$component" <<<"$components"; then
      say "adding $component"
      rustup component add "$component"
    fi
  done
}

ensure_npm_packages() {
  # npm ci only when package-lock.json changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  # Trunk downloads wasm-bindgen itself unless the one on PATH matches
  # Cargo.lock exactly, and downloads fail here: install that exact version.
  local wanted
  wanted="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wanted" ]; then
    say "installing wasm-bindgen-cli $wanted (about 3 minutes, once)"
    # Not --locked: the CLI's own lockfile pins a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$wanted"
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver from Debian"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

ensure_crates() {
  # Trunk builds offline (so it never tries a download); fetch crates first.
  cargo fetch --locked >/dev/null
}

ensure_echarts_bundle() {
  # Trunk's pre_build hook makes it too; the wasm tests include it before Trunk runs.
  node scripts/bundle-echarts.mjs
}

ensure_rust_target
ensure_npm_packages
ensure_trunk
ensure_wasm_bindgen
ensure_chromium
ensure_crates
ensure_echarts_bundle

# npm's binaryen (wasm-opt 132) must win over any other wasm-opt on PATH.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
