#!/usr/bin/env bash
# Builds the release site into dist/ and serves it on http://127.0.0.1:8080.
# Usage: scripts/serve.sh [port]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

PORT="${1:-8080}"
say "building the release site"
trunk build --release
say "serving dist/ at http://127.0.0.1:$PORT/ (Ctrl-C stops)"
exec node scripts/static-server.mjs dist "$PORT"
