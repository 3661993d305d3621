#!/usr/bin/env bash
# The README's start command: installs what is missing, builds the builder, starts the whole product.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/ensure-deps.sh
# The time-skipping test server runs every test path and forecast, whichever Temporal the product uses.
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  bash scripts/install-tools.sh temporal test-server
else
  bash scripts/install-tools.sh test-server
fi
echo "[start] building the builder" >&2
npm run build -w @touchpoint/builder --silent >/dev/null
exec npx tsx engine/src/main/start-all.ts
