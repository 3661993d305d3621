#!/usr/bin/env bash
# Property-based fuzzing of the API from its own OpenAPI document (/docs/json) with schemathesis:
# every operation, the admin key, checks for 5xx and for answers that break their declared schema,
# status code, content type or headers.
# Starts the product on a free loopback port with a throwaway database (test/src/fuzz/serve-for-fuzz.ts)
# and stops it after. Not part of `npm test` (minutes long).
#   bash scripts/fuzz-api.sh [max examples per operation, default 100] [extra schemathesis args…]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SCHEMATHESIS_VERSION=4.32.5
# FUZZ_VENV: a venv of your own, when .tools is shared with other checkouts.
VENV=${FUZZ_VENV:-.tools/venv}
EXAMPLES=${1:-100}
shift || true

if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi
bash scripts/install-tools.sh temporal postgres >&2

mkdir -p .artifacts/fuzz
SERVER_LOG=.artifacts/fuzz/server.log
rm -f .artifacts/fuzz/server.json
# The config names the rows the server seeded (ids, signed tracking tokens), so operations on `{id}`
# reach their logic instead of answering 404.
CONFIG=.artifacts/fuzz/schemathesis.toml
# tsx itself, not npx: npx does not pass the TERM on, which left every run's server behind.
node_modules/.bin/tsx test/src/fuzz/serve-for-fuzz.ts .artifacts/fuzz/server.json "$CONFIG" >"$SERVER_LOG" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ -s .artifacts/fuzz/server.json ] && break
  kill -0 $SERVER 2>/dev/null || { cat "$SERVER_LOG" >&2; exit 1; }
  sleep 1
done
API_URL=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).apiUrl)' <.artifacts/fuzz/server.json)
ADMIN_KEY=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).adminKey)' <.artifacts/fuzz/server.json)

"$VENV/bin/schemathesis" --config-file "$CONFIG" run "$API_URL/docs/json" \
  --url "$API_URL" \
  --header "Authorization: Bearer $ADMIN_KEY" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance,response_headers_conformance \
  --workers "${FUZZ_WORKERS:-2}" \
  --max-examples "$EXAMPLES" \
  --request-timeout 30 \
  --seed 1 \
  --report junit --report-dir .artifacts/fuzz \
  "$@"
