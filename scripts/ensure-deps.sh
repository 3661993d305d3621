#!/usr/bin/env bash
# Installs npm packages exactly as locked, once per lockfile change (a stamp in node_modules remembers).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
stamp=node_modules/.touchpoint-lock-sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "[deps] installing npm packages (npm ci)" >&2
npm ci --no-audit --no-fund --loglevel=error >&2
printf '%s\n' "$want" >"$stamp"
