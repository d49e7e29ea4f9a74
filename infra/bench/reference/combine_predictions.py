#!/usr/bin/env python3
"""Seed spread, seed ensembles and prior correction, from ``predictions_recording.csv`` files.

Every ``./emo train`` / ``eval-corpus`` output folder holds ``predictions_recording.csv`` (one
row per test recording: ``recording_id,true,predicted,p_<class>...``, the mean of the file's
segment probabilities). Given the files of several trainings that differ only in ``--seed``,
this prints, at file level:

* each training alone, and their mean and population std (the seed noise of one figure);
* the seed ensemble: the mean of the trainings' probabilities, then argmax;
* with ``--manifest``: the ensemble after a post-hoc prior correction (logit adjustment,
  Menon et al. 2021): argmax of log p(c|x) - tau * log prior(c), prior = class shares of the
  manifest's rows outside the test split. tau = 1 is the decision rule for balanced error, tau = 0
  plain argmax. The sweep is on the test split itself: it shows the size of the effect, it is not
  a selection (a product would choose tau on validation speakers).

Macro-F1 is over the classes present in the truth, as ``metrics.json`` and ``svm_baseline.py``
compute it. Standard library only: ``python3 combine_predictions.py A/predictions_recording.csv
B/predictions_recording.csv ... [--manifest labels.csv]``.
"""
import argparse
import csv
import math
import statistics
import sys
from collections import Counter


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{path}: no rows")
    classes = [k[2:] for k in rows[0] if k.startswith("p_")]
    return classes, {r["recording_id"]: r for r in rows}


def macro_f1(truth, pred):
    scores = []
    for c in sorted(set(truth)):
        tp = sum(1 for t, p in zip(truth, pred) if t == c and p == c)
        fp = sum(1 for t, p in zip(truth, pred) if t != c and p == c)
        fn = sum(1 for t, p in zip(truth, pred) if t == c and p != c)
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


def accuracy(truth, pred):
    return sum(t == p for t, p in zip(truth, pred)) / len(truth)


def decide(probs, classes, prior=None, tau=0.0):
    out = []
    for row in probs:
        scores = [math.log(max(p, 1e-12)) - (tau * math.log(prior[i]) if prior else 0.0)
                  for i, p in enumerate(row)]
        out.append(classes[max(range(len(scores)), key=scores.__getitem__)])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("predictions", nargs="+", help="predictions_recording.csv of each training")
    ap.add_argument("--manifest", help="the manifest CSV (label, split): prior from its non-test rows")
    ap.add_argument("--taus", default="0.25,0.5,1.0", help="prior-correction strengths to show")
    a = ap.parse_args()

    runs = [read(p) for p in a.predictions]
    classes, first = runs[0]
    for path, (c, rows) in zip(a.predictions, runs):
        if c != classes or set(rows) != set(first):
            sys.exit(f"{path}: other classes or other test recordings than {a.predictions[0]}")
    ids = sorted(first)
    truth = [first[i]["true"] for i in ids]

    print("| system | file accuracy | file macro-F1 |")
    print("|---|---|---|")
    singles = []
    for path, (_, rows) in zip(a.predictions, runs):
        pred = [rows[i]["predicted"] for i in ids]
        singles.append((accuracy(truth, pred), macro_f1(truth, pred)))
        print(f"| {path} | {singles[-1][0]:.3f} | {singles[-1][1]:.3f} |")
    if len(runs) > 1:
        accs, f1s = zip(*singles)
        print(f"| mean ± std of {len(runs)} | {statistics.mean(accs):.3f} ± {statistics.pstdev(accs):.3f}"
              f" | {statistics.mean(f1s):.3f} ± {statistics.pstdev(f1s):.3f} |")
    mean = [[sum(float(rows[i]["p_" + c]) for _, rows in runs) / len(runs) for c in classes] for i in ids]
    pred = decide(mean, classes)
    print(f"| ensemble of {len(runs)} (mean probabilities) | {accuracy(truth, pred):.3f} | {macro_f1(truth, pred):.3f} |")
    if a.manifest:
        with open(a.manifest, newline="", encoding="utf-8") as f:
            counts = Counter(r["label"] for r in csv.DictReader(f) if r.get("split", "") != "test")
        total = sum(counts[c] for c in classes)
        if total == 0 or any(counts[c] == 0 for c in classes):
            sys.exit(f"{a.manifest}: every class needs rows outside the test split; counts {dict(counts)}")
        prior = [counts[c] / total for c in classes]
        for tau in (float(t) for t in a.taus.split(",")):
            pred = decide(mean, classes, prior, tau)
            print(f"| ensemble, prior-corrected tau={tau:g} (sweep on test) | {accuracy(truth, pred):.3f}"
                  f" | {macro_f1(truth, pred):.3f} |")


if __name__ == "__main__":
    main()
