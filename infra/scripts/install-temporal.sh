#!/usr/bin/env bash
# Installs the official Temporal CLI (which contains the dev server: `temporal server start-dev`)
# into $EMO_HOME/bin by building it from source through the Go module proxy: the only reachable
# registry that carries it (GitHub release downloads are not reachable from the build machines).
# Idempotent: does nothing when the pinned version is already installed.
#   --clean  build with throw-away Go caches under $EMO_HOME/.go-build and delete them after
#            (leaves only the 240 MB binary instead of ~1.8 GB modules + ~1.4 GB build cache)
# Measured (Go 1.26.8, 2 shared cores, empty caches): ~530 s of CPU, 1.8 GB peak RSS.
set -euo pipefail
CLEAN=0
[[ "${1:-}" == "--clean" ]] && CLEAN=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EMO_HOME="${EMO_HOME:-$ROOT/.emo}"
VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
BIN="$EMO_HOME/bin/temporal"
MARKER="$EMO_HOME/bin/.temporal-$VERSION"

if [[ -x "$BIN" && -f "$MARKER" ]]; then
  echo "temporal CLI $VERSION already installed at $BIN"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-temporal: 'go' not found on PATH; install Go >= 1.23 or use EMO_TEMPORAL=java" >&2
  exit 2
fi
mkdir -p "$EMO_HOME/bin"
echo "install-temporal: building github.com/temporalio/cli $VERSION with $(go version) (several minutes)"
start=$(date +%s)
if (( CLEAN )); then
  export GOPATH="$EMO_HOME/.go-build/gopath" GOMODCACHE="$EMO_HOME/.go-build/gopath/pkg/mod" \
    GOCACHE="$EMO_HOME/.go-build/cache"
  # Module files are read-only: `go clean -modcache` removes them, rm the rest.
  trap 'go clean -modcache >/dev/null 2>&1 || true; rm -rf "$EMO_HOME/.go-build"' EXIT
  trap 'exit 143' INT TERM
fi
# A progress line every 30 s: the compile itself prints nothing for minutes.
( while sleep 30; do echo "install-temporal: still building ($(( $(date +%s) - start )) s)"; done ) &
TICKER=$!
# CGO off: the dev server's SQLite is the pure-Go modernc driver, and a static binary needs no libc match.
if ! CGO_ENABLED=0 GOBIN="$EMO_HOME/bin" GOFLAGS="${GOFLAGS:--trimpath}" \
  go install "github.com/temporalio/cli/cmd/temporal@$VERSION"; then
  kill "$TICKER" 2>/dev/null || true
  exit 1
fi
kill "$TICKER" 2>/dev/null || true
rm -f "$EMO_HOME"/bin/.temporal-v*
touch "$MARKER"
echo "install-temporal: done in $(( $(date +%s) - start )) s: $("$BIN" --version)"
