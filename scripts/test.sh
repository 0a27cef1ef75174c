#!/usr/bin/env bash
# Runs every test: formatting and lints, native unit/property/golden tests,
# wasm component tests in headless Chromium, the release build with its size
# budget, a second build with fault injection, and the end-to-end browser
# tests (monkey, soak and graceful failure among them) against dist/ on
# 127.0.0.1. Timings and Lighthouse scores are measurements, not tests:
# scripts/bench.sh prints them.
# Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

started=$SECONDS
step() { say "$1 ($((SECONDS - started)) s)"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy, wasm32"
cargo clippy --workspace --lib --bins --target wasm32-unknown-unknown --locked -- -D warnings
# The app's tests too; the pure crates' dev-dependencies (proptest, criterion) are native-only.
cargo clippy -p ai-gap-explorer --tests --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests: model, dataset, texts and numbers, chart builders, URL parsing"
# The app crate's own tests run in the browser (next step): natively it would
# only build Leptos once more for nothing.
cargo test --workspace --exclude ai-gap-explorer --locked

step "wasm component tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test -p ai-gap-explorer --target wasm32-unknown-unknown --locked

step "release build"
trunk build --release
# The chart list the measurements and browser tests read, from gap-charts' ChartId.
node -e "import('./scripts/app-facts.mjs').then((facts) => facts.writeChartList())"

step "size budget"
node scripts/measure-size.mjs dist

step "test build with fault injection (for the graceful-failure tests)"
trunk build --release --features fault-injection --dist target/dist-faults

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
