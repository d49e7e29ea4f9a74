#!/usr/bin/env bash
# Creates "${EMO_HOME:-<repo>/.emo}/svm-venv" with the packages pinned in requirements-svm.txt
# (opensmile, scikit-learn, librosa, soundfile, numpy, scipy) for svm_baseline.py.
# Idempotent: a marker file holding a copy of the requirements makes a second run a no-op;
# editing requirements-svm.txt makes the next run install again. The venv is never used by
# the Maven test suite.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
EMO_HOME="${EMO_HOME:-$ROOT/.emo}"
PYTHON="${PYTHON:-python3}"
VENV="$EMO_HOME/svm-venv"
REQ="$HERE/requirements-svm.txt"
MARKER="$VENV/.emo-svm-setup-done"

if [[ -f "$MARKER" && -x "$VENV/bin/python" ]] && cmp -s "$MARKER" "$REQ"; then
  echo "setup-svm-venv: $VENV is ready (requirements unchanged)"
  exit 0
fi
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "setup-svm-venv: $PYTHON is $("$PYTHON" --version 2>&1); the pins need Python >= 3.10" >&2
  exit 2
fi
mkdir -p "$EMO_HOME"
start=$(date +%s)
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup-svm-venv: [1/3] creating $VENV with $("$PYTHON" --version 2>&1)"
  "$PYTHON" -m venv "$VENV"
else
  echo "setup-svm-venv: [1/3] reusing $VENV"
fi
echo "setup-svm-venv: [2/3] upgrading pip"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
echo "setup-svm-venv: [3/3] installing $REQ (a few minutes the first time)"
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -r "$REQ" \
  | grep -E '^(Collecting|Successfully)' | sed 's/^/setup-svm-venv:   /' || true
# pip's status is lost in the pipe above: check the result directly (this also runs openSMILE once).
"$VENV/bin/python" - <<'PY'
import numpy as np, sklearn, librosa, soundfile, opensmile
smile = opensmile.Smile(feature_set=opensmile.FeatureSet.eGeMAPSv02,
                        feature_level=opensmile.FeatureLevel.Functionals)
n = smile.process_signal(np.zeros(16000, dtype=np.float32) + 1e-3, 16000).shape[1]
print(f"setup-svm-venv: opensmile {opensmile.__version__} ({n} eGeMAPSv02 functionals), "
      f"scikit-learn {sklearn.__version__}, librosa {librosa.__version__}, numpy {np.__version__}")
PY
cp "$REQ" "$MARKER"
echo "setup-svm-venv: done in $(( $(date +%s) - start )) s"
