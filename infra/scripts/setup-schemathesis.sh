#!/usr/bin/env bash
# Creates $EMO_HOME/schemathesis-venv with schemathesis, the property-based API tester that
# SchemathesisIT points at the API's served OpenAPI document. A venv of its own: its pins
# (hypothesis, jsonschema, ...) must not move MLflow's in $EMO_HOME/venv.
# Idempotent: a marker file naming the pinned version makes a second run a no-op.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EMO_HOME="${EMO_HOME:-$ROOT/.emo}"
PYTHON="${PYTHON:-python3}"
VENV="$EMO_HOME/schemathesis-venv"
WANT="schemathesis==${SCHEMATHESIS_VERSION:-4.32.5}"
MARKER="$VENV/.emo-setup-done"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" && -x "$VENV/bin/schemathesis" ]]; then
  echo "setup-schemathesis: $VENV is ready ($WANT)"
  exit 0
fi
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "setup-schemathesis: $PYTHON is $("$PYTHON" --version 2>&1); schemathesis 4 needs Python >= 3.10" >&2
  exit 2
fi
mkdir -p "$EMO_HOME"
start=$(date +%s)
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup-schemathesis: [1/2] creating $VENV with $("$PYTHON" --version 2>&1)"
  "$PYTHON" -m venv "$VENV"
else
  echo "setup-schemathesis: [1/2] reusing $VENV"
fi
echo "setup-schemathesis: [2/2] installing $WANT"
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off "$WANT" \
  | grep -E '^(Collecting|Successfully)' | sed 's/^/setup-schemathesis:   /' || true
# pip's status is lost in the pipe above: check the result directly.
"$VENV/bin/schemathesis" --version | sed 's/^/setup-schemathesis: /'
echo "$WANT" > "$MARKER"
echo "setup-schemathesis: done in $(( $(date +%s) - start )) s"
