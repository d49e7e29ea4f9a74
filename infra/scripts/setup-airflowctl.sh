#!/usr/bin/env bash
# Creates $EMO_HOME/airflowctl-venv with apache-airflow-ctl, Airflow's own API command line
# (`airflowctl`), which AirflowCtlIT runs against the API. A venv of its own: its pins (httpx,
# keyring, pydantic, ...) must not move MLflow's in $EMO_HOME/venv.
# Idempotent: a marker file naming the pinned version makes a second run a no-op.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EMO_HOME="${EMO_HOME:-$ROOT/.emo}"
PYTHON="${PYTHON:-python3}"
VENV="$EMO_HOME/airflowctl-venv"
WANT="apache-airflow-ctl==${AIRFLOWCTL_VERSION:-0.1.5}"
MARKER="$VENV/.emo-setup-done"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" && -x "$VENV/bin/airflowctl" ]]; then
  echo "setup-airflowctl: $VENV is ready ($WANT)"
  exit 0
fi
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "setup-airflowctl: $PYTHON is $("$PYTHON" --version 2>&1); airflowctl needs Python >= 3.10" >&2
  exit 2
fi
mkdir -p "$EMO_HOME"
start=$(date +%s)
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup-airflowctl: [1/2] creating $VENV with $("$PYTHON" --version 2>&1)"
  "$PYTHON" -m venv "$VENV"
else
  echo "setup-airflowctl: [1/2] reusing $VENV"
fi
echo "setup-airflowctl: [2/2] installing $WANT"
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off "$WANT" \
  | grep -E '^Successfully' | sed 's/^/setup-airflowctl:   /' || true
# pip's status is lost in the pipe above: check the result directly (airflowctl has no
# --version; its distribution metadata names the version installed).
"$VENV/bin/python" -c 'import importlib.metadata as m; print("apache-airflow-ctl", m.version("apache-airflow-ctl"))' \
  | sed 's/^/setup-airflowctl: /'
"$VENV/bin/airflowctl" --help >/dev/null
echo "$WANT" > "$MARKER"
echo "setup-airflowctl: done in $(( $(date +%s) - start )) s"
