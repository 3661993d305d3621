#!/usr/bin/env bash
# Installs npm packages as locked, once per lockfile change (a stamp in node_modules remembers).
#
# `npm install`, not `npm ci`: npm 11 leaves other platforms' optional native bindings (unrs-resolver's,
# pulled in by the ESLint import resolver) out of the lockfile it writes, and `npm ci` then refuses the
# lockfile as "out of sync". `npm install` resolves exactly the locked versions all the same.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
stamp=node_modules/.touchpoint-lock-sha
lock_sha() { sha256sum package-lock.json | cut -d' ' -f1; }
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(lock_sha)" ]; then
  exit 0
fi
echo "[deps] installing npm packages (npm install, as locked)" >&2
npm install --no-audit --no-fund --loglevel=error >&2
lock_sha >"$stamp"
