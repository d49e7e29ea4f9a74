#!/usr/bin/env bash
# Regenerates the SYNTHETIC sample corpora in workers/samples/ (see README.md).
# Installs espeak-ng, sox and flac with apt-get when they are missing (fresh Debian/Ubuntu).
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v sox >/dev/null || missing+=(sox)
command -v flac >/dev/null || missing+=(flac)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" libsox-fmt-all >/dev/null || \
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
sox -h | grep -q 'AUDIO FILE FORMATS:.* flac' || { echo "sox lacks FLAC support (install libsox-fmt-all)" >&2; exit 1; }
exec python3 generate.py "$@"
