#!/usr/bin/env bash
# Measures what readers feel, and asserts nothing: the release build's sizes
# (gzip -9, first view and whole site), the slider's latency to the painted
# frame, first-load and Monte Carlo timings (measure-perf.mjs), the main
# thread's blocking time after the first paint from a Chromium trace
# (measure-tbt.mjs, a steadier stand-in for Lighthouse's TBT), and
# Lighthouse mobile scores of the full app and the embed view, gzip-served
# (measure-lighthouse.mjs). Timings depend on the machine and its load: they
# are printed for the README's Performance table, never asserted (the test
# command asserts only the size budgets).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

say "release build"
trunk build --release
node -e "import('./scripts/app-facts.mjs').then((facts) => facts.writeChartList())"

say "sizes"
node scripts/measure-size.mjs dist || true

say "timings"
node scripts/measure-perf.mjs dist

say "blocking time (the TBT stand-in)"
node scripts/measure-tbt.mjs dist || say "the blocking-time measurement failed; Lighthouse still runs"

say "Lighthouse"
node scripts/measure-lighthouse.mjs dist
