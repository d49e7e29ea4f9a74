#!/usr/bin/env bash
# Regenerates the Keras SavedModel test fixture (never run by the build or CI: its outputs are
# committed). Makes its own virtual environment (tensorflow-cpu is ~200 MB from PyPI), not the
# platform's .emo/venv, so the MLflow server's environment is never touched.
#   workers/keras-reference/generate.sh            # venv in workers/keras-reference/.venv
#   KERAS_VENV=/tmp/kv workers/keras-reference/generate.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${KERAS_VENV:-$HERE/.venv}"
OUT="$HERE/../core/src/test/resources/keras"
if [[ ! -x "$VENV/bin/python" ]]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
rm -rf "$OUT/emoaudionet-small" "$OUT/fixture-io"
"$VENV/bin/python" "$HERE/make_fixture.py" "$OUT/emoaudionet-small" "$OUT/fixture-io"
# An empty assets/ folder is not kept by git; the SavedModel loads without it.
rmdir "$OUT/emoaudionet-small/assets" 2>/dev/null || true
