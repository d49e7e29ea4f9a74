#!/usr/bin/env bash
# Creates $EMO_HOME/venv with the Python side of the platform: the MLflow tracking server,
# boto3 (its S3 artifact store) and the official Airflow 3 REST client (to check the API).
# Idempotent: a marker file naming the pinned versions makes a second run a no-op.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EMO_HOME="${EMO_HOME:-$ROOT/.emo}"
PYTHON="${PYTHON:-python3}"
VENV="$EMO_HOME/venv"
PINS=(
  "mlflow==${MLFLOW_VERSION:-3.17.2}"
  "boto3==${BOTO3_VERSION:-1.44.8}"
  "apache-airflow-client==${AIRFLOW_CLIENT_VERSION:-3.3.2}"
)
MARKER="$VENV/.emo-setup-done"
WANT="${PINS[*]}"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" && -x "$VENV/bin/mlflow" ]]; then
  echo "setup-python: $VENV is ready ($WANT)"
  exit 0
fi
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "setup-python: $PYTHON is $("$PYTHON" --version 2>&1); MLflow 3 needs Python >= 3.10" >&2
  exit 2
fi
mkdir -p "$EMO_HOME"
start=$(date +%s)
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup-python: [1/3] creating $VENV with $("$PYTHON" --version 2>&1)"
  "$PYTHON" -m venv "$VENV"
else
  echo "setup-python: [1/3] reusing $VENV"
fi
echo "setup-python: [2/3] upgrading pip"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
echo "setup-python: [3/3] installing $WANT (a few minutes the first time)"
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off "${PINS[@]}" \
  | grep -E '^(Collecting|Successfully)' | sed 's/^/setup-python:   /' || true
# pip's status is lost in the pipe above: check the result directly.
"$VENV/bin/python" -c 'import mlflow, boto3, airflow_client.client; print("setup-python: mlflow", mlflow.__version__)'
echo "$WANT" > "$MARKER"
echo "setup-python: done in $(( $(date +%s) - start )) s"
