#!/usr/bin/env bash
# Creates "${EMO_HOME:-<repo>/.emo}/svm-venv" with the packages pinned in requirements-svm.txt
# (opensmile, scikit-learn, librosa, soundfile, numpy, scipy) for svm_baseline.py (venv-lib.sh
# says how; about 40 s on a 2-core machine). The check runs openSMILE once.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/venv-lib.sh"
emo_bench_venv svm-venv "$HERE/requirements-svm.txt" 10 99 '
import numpy as np, sklearn, librosa, soundfile, opensmile
smile = opensmile.Smile(feature_set=opensmile.FeatureSet.eGeMAPSv02,
                        feature_level=opensmile.FeatureLevel.Functionals)
n = smile.process_signal(np.zeros(16000, dtype=np.float32) + 1e-3, 16000).shape[1]
print(f"setup-svm-venv: opensmile {opensmile.__version__} ({n} eGeMAPSv02 functionals), "
      f"scikit-learn {sklearn.__version__}, librosa {librosa.__version__}, numpy {np.__version__}")
'
