#!/usr/bin/env bash
# Creates "${EMO_HOME:-<repo>/.emo}/peers-venv" with requirements-peers.txt (PyTorch,
# TensorFlow, Keras; librosa, matplotlib, Pillow) for peers_bench.py and features_peer.py, what
# `./emo bench --peers` runs (venv-lib.sh says how).
# The download is large: PyPI's torch wheel brings CUDA libraries, about 5 GB installed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/venv-lib.sh"
emo_bench_venv peers-venv "$HERE/requirements-peers.txt" 10 13 '
import os
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import torch, tensorflow as tf, keras, librosa, matplotlib, PIL
print(f"setup-peers-venv: torch {torch.__version__}, tensorflow {tf.__version__}, keras {keras.__version__},"
      f" librosa {librosa.__version__}, matplotlib {matplotlib.__version__}, pillow {PIL.__version__}")
'
