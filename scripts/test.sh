#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every check the project has.
# Fails on the first failure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
step() { printf '\n== %s\n' "$*" >&2; }

step "npm packages"
bash scripts/ensure-deps.sh
step "servers and browser (Temporal dev + test server, production Temporal server built from Go, PostgreSQL, Chromium)"
bash scripts/install-tools.sh temporal test-server temporal-server postgres chromium
step "format"
npx prettier --check . --log-level warn
step "lint"
npx eslint . --max-warnings=0
step "typecheck"
npx tsc -b
step "build the builder (browser tests drive the built app)"
npm run build -w @touchpoint/builder --silent
step "tests"
npx vitest run "$@"
