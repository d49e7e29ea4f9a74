# Sourced by the setup-*-venv.sh scripts beside it: one way to make a benchmark's own venv.
#   emo_bench_venv NAME REQUIREMENTS MIN_MINOR MAX_MINOR CHECK_PY
# creates "$EMO_HOME/NAME" (EMO_HOME defaults to <repo>/.emo) with the pinned REQUIREMENTS, for
# Python 3.MIN_MINOR..3.MAX_MINOR ($PYTHON, default python3), then runs the Python snippet
# CHECK_PY in it (pip's status is lost in the pipe below: the snippet proves the install).
# Idempotent: a marker holding a copy of REQUIREMENTS makes a second run a no-op; editing the
# requirements makes the next run install again. These venvs are never used by the test suite.
emo_bench_venv() {
  local name="$1" req="$2" min_minor="$3" max_minor="$4" check="$5"
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
  local home="${EMO_HOME:-$root/.emo}" python="${PYTHON:-python3}"
  local venv="$home/$name" marker="$home/$name/.emo-setup-done" tag="setup-$name"
  if [[ -f "$marker" && -x "$venv/bin/python" ]] && cmp -s "$marker" "$req"; then
    echo "$tag: $venv is ready (requirements unchanged)"
    return 0
  fi
  if ! "$python" -c "import sys; sys.exit(0 if (3, $min_minor) <= sys.version_info[:2] <= (3, $max_minor) else 1)"; then
    echo "$tag: $python is $("$python" --version 2>&1); the pins need Python 3.$min_minor-3.$max_minor" >&2
    return 2
  fi
  mkdir -p "$home"
  local start; start=$(date +%s)
  if [[ ! -x "$venv/bin/python" ]]; then
    echo "$tag: [1/3] creating $venv with $("$python" --version 2>&1)"
    "$python" -m venv "$venv"
  else
    echo "$tag: [1/3] reusing $venv"
  fi
  echo "$tag: [2/3] upgrading pip"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  echo "$tag: [3/3] installing $req (minutes the first time)"
  "$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off -r "$req" \
    | grep -E '^(Collecting|Successfully)' | sed "s/^/$tag:   /" || true
  "$venv/bin/python" -c "$check"
  cp "$req" "$marker"
  echo "$tag: done in $(( $(date +%s) - start )) s"
}
