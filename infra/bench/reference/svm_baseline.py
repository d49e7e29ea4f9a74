#!/usr/bin/env python3
"""Classic speech-emotion baseline: one feature vector per recording + RBF SVM.

Usage (with the venv made by setup-svm-venv.sh):

    svm_baseline.py MANIFEST.csv [--folds-csv FOLDS.csv] [--out DIR] [--json]

Input
-----
MANIFEST.csv has the columns ``path,label,speaker,split,gender,corpus``; ``path`` is relative to
the manifest's folder and ``split`` is ``train``, ``val`` or ``test``. Every WAV is read with
soundfile, downmixed to mono (mean of the channels) and resampled to 16 kHz (librosa.resample,
soxr_hq). A file that cannot be read (or has no samples) is reported on stderr with its path,
skipped, and listed under ``skipped`` in results.json.

Features (recording level: exactly one vector per file)
-------------------------------------------------------
* ``egemaps``: openSMILE eGeMAPSv02 functionals (88 values) via the ``opensmile`` package.
* ``mfcc``: 13 MFCCs with librosa's defaults at 16 kHz (n_fft=2048, hop_length=512, 128 mel
  bands, power-to-dB), then the mean and the standard deviation (numpy, ddof=0) of each
  coefficient over all frames: 26 values, means first.

Both vectors of a file are cached in ``<out>/features/<sha1(path)>.npz`` together with the
file's size and mtime and a feature-version string; a cached entry is reused only when all of
these still match, so a second run skips the audio entirely.

Classifier and model selection
------------------------------
``Pipeline(StandardScaler(), SVC(kernel='rbf', class_weight='balanced'))`` with sklearn's other
defaults (gamma='scale'). The scaler is fitted on the training rows only (it is part of the
pipeline). C is chosen from {0.1, 1, 10, 100}: for each C the pipeline is fitted on the train
rows and scored by macro-F1 on the val rows; the C with the highest val macro-F1 wins, ties going
to the smaller C. The model that is scored on test is the one fitted on train only with that C
(val is not added back to the training data). The test rows are never used for any choice.

Protocols
---------
1. ``test split``: train/val/test from the manifest's ``split`` column.
2. ``k folds`` (only with --folds-csv): the CSV has the header
   ``path,speaker,fold0,fold1,...,fold{K-1}``; each ``foldN`` cell is ``train``, ``val`` or
   ``test`` for that file in fold N (written by the Java side so both sides use identical
   splits; ``path`` must equal the manifest's ``path`` exactly). Each fold selects its own C on
   its own val rows, fits on its train rows, and is scored on its test rows. The folds' accuracy
   and macro-F1 are summarised as mean and POPULATION standard deviation (numpy std, ddof=0)
   over the K folds.

Metrics
-------
accuracy, and macro-F1 = ``sklearn.metrics.f1_score(y_true, y_pred, average='macro')`` with no
``labels`` argument, i.e. the unweighted mean of the F1 of every label present in
y_true ∪ y_pred of that test set (a label predicted but absent from the test set counts with
F1 0; a label absent from both is not counted). The same rule is used for val macro-F1 in the
selection of C. The per-class F1s over those labels, the confusion matrix, the chosen C and
every C's val macro-F1 are written to results.json.

Output
------
A markdown table ``feature set | protocol | accuracy | macro-F1`` on stdout (or, with --json,
the results document on stdout instead), and ``<out>/results.json``. Progress goes to stderr.
--out defaults to a folder under the system temp dir; a folder inside this git repository is
refused, because the corpora's licences forbid copying derived data into the repo.
"""

import argparse
import csv
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

# Keep CPU use modest (shared machine): one BLAS / OpenMP / numba thread unless the caller set one.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

TARGET_SR = 16000
C_GRID = (0.1, 1.0, 10.0, 100.0)
SPLITS = ("train", "val", "test")
FEATURE_SETS = ("egemaps", "mfcc")
FEATURE_VERSION = "v1:mono-mean;librosa.resample-soxr_hq-16k;egemapsv02-functionals;mfcc13-mean-std"
REPO_ROOT = Path(__file__).resolve().parents[3]


def log(msg):
    print(f"svm_baseline: {msg}", file=sys.stderr, flush=True)


class Fail(Exception):
    """An input error that ends the run with a one-line message."""


# --------------------------------------------------------------------------- inputs

def read_manifest(manifest):
    rows = []
    with open(manifest, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        need = {"path", "label", "speaker", "split"}
        missing = need - set(reader.fieldnames or [])
        if missing:
            raise Fail(f"{manifest}: missing column(s) {sorted(missing)} (have {reader.fieldnames})")
        seen = set()
        for n, row in enumerate(reader, start=2):
            path = row["path"]
            if path in seen:
                raise Fail(f"{manifest}:{n}: duplicate path {path!r}")
            seen.add(path)
            if row["split"] not in SPLITS:
                raise Fail(f"{manifest}:{n}: split {row['split']!r} is not one of {SPLITS}")
            rows.append({"path": path, "label": row["label"], "speaker": row["speaker"],
                         "split": row["split"]})
    if not rows:
        raise Fail(f"{manifest}: no rows")
    return rows


def read_folds(folds_csv, manifest_rows):
    """Returns (fold names, {path: [split per fold]}); checks paths/speakers against the manifest."""
    by_path = {r["path"]: r for r in manifest_rows}
    with open(folds_csv, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if not header or header[:2] != ["path", "speaker"] or len(header) < 3:
            raise Fail(f"{folds_csv}: header must be path,speaker,fold0,...; got {header}")
        folds = header[2:]
        if folds != [f"fold{i}" for i in range(len(folds))]:
            raise Fail(f"{folds_csv}: fold columns must be fold0..fold{len(folds) - 1}; got {folds}")
        assign = {}
        for n, rec in enumerate(reader, start=2):
            if not rec:
                continue
            if len(rec) != len(header):
                raise Fail(f"{folds_csv}:{n}: {len(rec)} fields, header has {len(header)}")
            path, speaker, cells = rec[0], rec[1], rec[2:]
            if path not in by_path:
                raise Fail(f"{folds_csv}:{n}: path {path!r} is not in the manifest")
            if path in assign:
                raise Fail(f"{folds_csv}:{n}: duplicate path {path!r}")
            if speaker != by_path[path]["speaker"]:
                raise Fail(f"{folds_csv}:{n}: speaker {speaker!r} for {path!r}, manifest says "
                           f"{by_path[path]['speaker']!r}")
            for fold, cell in zip(folds, cells):
                if cell not in SPLITS:
                    raise Fail(f"{folds_csv}:{n}: {fold}={cell!r} is not one of {SPLITS}")
            assign[path] = cells
    missing = [p for p in by_path if p not in assign]
    if missing:
        raise Fail(f"{folds_csv}: {len(missing)} manifest path(s) have no fold row, "
                   f"e.g. {missing[0]!r}")
    return folds, assign


# --------------------------------------------------------------------------- features

class Extractor:
    def __init__(self, cache_dir):
        import librosa
        import opensmile
        import soundfile
        self.librosa, self.soundfile = librosa, soundfile
        self.smile = opensmile.Smile(feature_set=opensmile.FeatureSet.eGeMAPSv02,
                                     feature_level=opensmile.FeatureLevel.Functionals)
        self.egemaps_names = list(self.smile.feature_names)
        self.cache_dir = cache_dir
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.versions = {"opensmile": opensmile.__version__, "librosa": librosa.__version__,
                         "soundfile": soundfile.__version__, "numpy": np.__version__}
        self.hits = self.computed = 0

    def load(self, wav):
        data, sr = self.soundfile.read(str(wav), dtype="float32", always_2d=True)
        if data.shape[0] == 0:
            raise ValueError("no samples")
        mono = data.mean(axis=1)
        if sr != TARGET_SR:
            mono = self.librosa.resample(mono, orig_sr=sr, target_sr=TARGET_SR, res_type="soxr_hq")
        return np.ascontiguousarray(mono, dtype=np.float32), sr, data.shape[1]

    def compute(self, wav):
        y, _, _ = self.load(wav)
        eg = self.smile.process_signal(y, TARGET_SR).to_numpy(dtype=np.float64).reshape(-1)
        mf = self.librosa.feature.mfcc(y=y, sr=TARGET_SR, n_mfcc=13)
        mfcc = np.concatenate([mf.mean(axis=1), mf.std(axis=1)]).astype(np.float64)
        if eg.shape != (88,) or mfcc.shape != (26,):
            raise ValueError(f"unexpected feature shapes egemaps {eg.shape} mfcc {mfcc.shape}")
        return {"egemaps": eg, "mfcc": mfcc}

    def features(self, rel, wav):
        st = wav.stat()
        key = f"{FEATURE_VERSION}|{st.st_size}|{st.st_mtime_ns}"
        cache = self.cache_dir / (hashlib.sha1(rel.encode("utf-8")).hexdigest() + ".npz")
        if cache.exists():
            try:
                with np.load(cache, allow_pickle=False) as z:
                    if str(z["key"]) == key and str(z["path"]) == rel:
                        self.hits += 1
                        return {name: z[name] for name in FEATURE_SETS}
            except Exception:  # a broken cache entry is simply recomputed
                pass
        feats = self.compute(wav)
        tmp = cache.with_suffix(".tmp.npz")
        np.savez(tmp, key=np.array(key), path=np.array(rel), **feats)
        os.replace(tmp, cache)
        self.computed += 1
        return feats


def extract_all(rows, base, extractor):
    kept, skipped, feats = [], [], {name: [] for name in FEATURE_SETS}
    t0 = time.time()
    for i, row in enumerate(rows, start=1):
        wav = base / row["path"]
        try:
            f = extractor.features(row["path"], wav)
        except Exception as exc:  # soundfile / openSMILE errors, missing file, ...
            msg = f"{type(exc).__name__}: {exc}".strip()
            log(f"ERROR cannot read {wav}: {msg} -- row skipped")
            skipped.append({"path": row["path"], "error": msg})
            continue
        bad = [n for n in FEATURE_SETS if not np.all(np.isfinite(f[n]))]
        if bad:
            log(f"ERROR non-finite {'/'.join(bad)} features for {wav} -- row skipped")
            skipped.append({"path": row["path"], "error": f"non-finite features: {bad}"})
            continue
        kept.append(row)
        for name in FEATURE_SETS:
            feats[name].append(f[name])
        if i % 100 == 0 or i == len(rows):
            log(f"features {i}/{len(rows)} ({extractor.hits} cached, {extractor.computed} computed, "
                f"{time.time() - t0:.0f} s)")
    if not kept:
        raise Fail("no readable file in the manifest")
    return kept, {n: np.vstack(v) for n, v in feats.items()}, skipped, time.time() - t0


# --------------------------------------------------------------------------- model

def make_model(c):
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    return Pipeline([("scaler", StandardScaler()),
                     ("svc", SVC(kernel="rbf", C=c, class_weight="balanced"))])


def macro_f1(y_true, y_pred):
    from sklearn.metrics import f1_score
    return float(f1_score(y_true, y_pred, average="macro", zero_division=0))


def run_split(X, y, split, where):
    """Select C on val, fit on train, score test. `split` is an array of train/val/test."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
    idx = {s: np.flatnonzero(split == s) for s in SPLITS}
    for s in SPLITS:
        if idx[s].size == 0:
            raise Fail(f"{where}: the {s} split is empty")
    if np.unique(y[idx["train"]]).size < 2:
        raise Fail(f"{where}: the train split has fewer than 2 labels")
    Xtr, ytr = X[idx["train"]], y[idx["train"]]
    val_scores, best = {}, None
    for c in C_GRID:
        model = make_model(c).fit(Xtr, ytr)
        score = macro_f1(y[idx["val"]], model.predict(X[idx["val"]]))
        val_scores[str(c)] = score
        if best is None or score > best[1]:  # strict '>': ties keep the smaller C
            best = (c, score, model)
    c, _, model = best
    yt = y[idx["test"]]
    pred = model.predict(X[idx["test"]])
    labels = sorted(set(yt) | set(pred))
    per_class = f1_score(yt, pred, labels=labels, average=None, zero_division=0)
    return {
        "C": c,
        "val_macro_f1_by_C": val_scores,
        "n": {s: int(idx[s].size) for s in SPLITS},
        "accuracy": float(accuracy_score(yt, pred)),
        "macro_f1": macro_f1(yt, pred),
        "labels": labels,
        "per_class_f1": {lab: float(v) for lab, v in zip(labels, per_class)},
        "test_support": {lab: int(np.sum(yt == lab)) for lab in labels},
        "confusion_matrix": {"rows_true_cols_pred": labels,
                             "matrix": confusion_matrix(yt, pred, labels=labels).tolist()},
    }


def speaker_normalised(X, speakers):
    """Each speaker's rows minus that speaker's mean, over its std (a speaker's files of every
    split: transductive, as speaker normalisation in emotion recognition usually is)."""
    Z = np.empty_like(X)
    spk = np.array(speakers)
    for s in np.unique(spk):
        i = spk == s
        Z[i] = (X[i] - X[i].mean(axis=0)) / (X[i].std(axis=0) + 1e-8)
    return Z


def speaker_leaks(speakers, split):
    """Speakers that appear in more than one split (should be none for speaker-independent splits)."""
    seen = {}
    for spk, s in zip(speakers, split):
        seen.setdefault(spk, set()).add(s)
    return sorted(spk for spk, ss in seen.items() if len(ss) > 1)


# --------------------------------------------------------------------------- output

def fmt(x):
    return f"{x:.3f}"


def table(results):
    lines = ["| feature set | protocol | accuracy | macro-F1 |", "|---|---|---|---|"]
    for name in FEATURE_SETS:
        for proto in results["protocols"].values():
            r = proto["by_feature_set"][name]
            if proto["kind"] == "folds":
                s = r["summary"]
                acc = f"{fmt(s['accuracy_mean'])} ± {fmt(s['accuracy_std'])}"
                f1 = f"{fmt(s['macro_f1_mean'])} ± {fmt(s['macro_f1_std'])}"
            else:
                acc, f1 = fmt(r["accuracy"]), fmt(r["macro_f1"])
            lines.append(f"| {FEATURE_LABELS[name]} | {proto['title']} | {acc} | {f1} |")
    return "\n".join(lines)


FEATURE_LABELS = {"egemaps": "eGeMAPSv02 functionals (88) + SVM",
                  "mfcc": "MFCC-13 mean/std (26) + SVM"}


def inside_repo(path):
    try:
        path.resolve().relative_to(REPO_ROOT)
        return (REPO_ROOT / ".git").exists()
    except ValueError:
        return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring / README.md for the protocol.")
    ap.add_argument("manifest", type=Path)
    ap.add_argument("--folds-csv", type=Path)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "emo-svm-baseline")
    ap.add_argument("--json", action="store_true", help="print results.json to stdout instead of the table")
    ap.add_argument("--speaker-norm", action="store_true",
                    help="z-score every feature per speaker (over all of that speaker's files, any "
                         "split) before the pipeline: a test of speaker normalisation, not the baseline")
    args = ap.parse_args(argv)

    if inside_repo(args.out):
        raise Fail(f"--out {args.out} is inside the repository {REPO_ROOT}; derived data of the corpus "
                   "must not go into the repo: use /tmp or another folder outside it")
    started = time.time()
    rows = read_manifest(args.manifest)
    folds, assign = (read_folds(args.folds_csv, rows) if args.folds_csv else (None, None))
    args.out.mkdir(parents=True, exist_ok=True)
    base = args.manifest.resolve().parent

    extractor = Extractor(args.out / "features")
    log(f"{len(rows)} rows in {args.manifest}; cache {args.out / 'features'}")
    kept, X, skipped, feat_s = extract_all(rows, base, extractor)
    y = np.array([r["label"] for r in kept])
    speakers = [r["speaker"] for r in kept]
    if args.speaker_norm:
        X = {n: speaker_normalised(X[n], speakers) for n in X}
        log("features z-scored per speaker (--speaker-norm)")

    protocols = {}
    t0 = time.time()
    split = np.array([r["split"] for r in kept])
    protocols["test_split"] = {
        "kind": "split", "title": "test split",
        "speaker_leaks": speaker_leaks(speakers, split),
        "by_feature_set": {n: run_split(X[n], y, split, f"manifest split ({n})") for n in FEATURE_SETS},
    }
    if folds:
        per_fold_split = [np.array([assign[r["path"]][k] for r in kept]) for k in range(len(folds))]
        by_fs = {}
        for n in FEATURE_SETS:
            fold_results = []
            for k, fsplit in enumerate(per_fold_split):
                fr = run_split(X[n], y, fsplit, f"{args.folds_csv} {folds[k]} ({n})")
                fr["fold"] = folds[k]
                fold_results.append(fr)
            acc = np.array([f["accuracy"] for f in fold_results])
            f1 = np.array([f["macro_f1"] for f in fold_results])
            by_fs[n] = {"summary": {"k": len(folds), "std": "population (numpy ddof=0)",
                                    "accuracy_mean": float(acc.mean()), "accuracy_std": float(acc.std(ddof=0)),
                                    "macro_f1_mean": float(f1.mean()), "macro_f1_std": float(f1.std(ddof=0))},
                        "folds": fold_results}
        protocols["folds"] = {
            "kind": "folds", "title": f"{len(folds)} folds", "folds_csv": str(args.folds_csv),
            "speaker_leaks": {folds[k]: speaker_leaks(speakers, s) for k, s in enumerate(per_fold_split)},
            "by_feature_set": by_fs,
        }
    for p in protocols.values():
        leaks = p["speaker_leaks"]
        if any(leaks.values()) if isinstance(leaks, dict) else leaks:
            log(f"WARNING {p['title']}: some speakers are in more than one split: {leaks}")

    import sklearn
    results = {
        "manifest": str(args.manifest.resolve()),
        "n_rows": len(rows), "n_used": len(kept), "skipped": skipped,
        "label_counts": {lab: int(c) for lab, c in zip(*np.unique(y, return_counts=True))},
        "features": {"egemaps": {"dim": int(X["egemaps"].shape[1]), "names": extractor.egemaps_names},
                     "mfcc": {"dim": int(X["mfcc"].shape[1]),
                              "names": [f"mfcc{i}_mean" for i in range(13)] + [f"mfcc{i}_std" for i in range(13)]},
                     "sample_rate": TARGET_SR, "version": FEATURE_VERSION},
        "speaker_norm": bool(args.speaker_norm),
        "model": "StandardScaler + SVC(kernel='rbf', class_weight='balanced', gamma='scale')",
        "selection": f"C in {list(C_GRID)} by val macro-F1 (ties -> smaller C); model fit on train only",
        "macro_f1_rule": "sklearn f1_score(average='macro') over labels in y_true ∪ y_pred of the test set",
        "versions": {**extractor.versions, "scikit-learn": sklearn.__version__},
        "timing_s": {"features": round(feat_s, 1), "models": round(time.time() - t0, 1),
                     "total": round(time.time() - started, 1)},
        "cache": {"hits": extractor.hits, "computed": extractor.computed},
        "protocols": protocols,
    }
    out_json = args.out / "results.json"
    out_json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"wrote {out_json} ({len(kept)} files used, {len(skipped)} skipped, "
        f"{results['timing_s']['total']} s)")
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(table(results))
        for p in protocols.values():
            if p["kind"] == "split":
                cs = ", ".join(f"{n} C={p['by_feature_set'][n]['C']:g}" for n in FEATURE_SETS)
            else:
                cs = "; ".join(f"{n} C per fold=" + ",".join(f"{f['C']:g}" for f in p["by_feature_set"][n]["folds"])
                               for n in FEATURE_SETS)
            print(f"\n{p['title']}: chosen {cs}")
        if skipped:
            print(f"\nskipped {len(skipped)} unreadable file(s):")
            for s in skipped:
                print(f"- {s['path']}: {s['error']}")
        print("\nmacro-F1 = mean F1 over labels in y_true ∪ y_pred of each test set; "
              "fold std = population std (ddof=0).")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Fail as exc:
        log(f"error: {exc}")
        sys.exit(2)
