#!/usr/bin/env bash
# The README's start command: installs what is missing, builds the builder, starts the whole product.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/ensure-deps.sh
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  bash scripts/install-tools.sh temporal
fi
echo "[start] building the builder" >&2
npm run build -w @touchpoint/builder --silent >/dev/null
exec npx tsx engine/src/main/start-all.ts
