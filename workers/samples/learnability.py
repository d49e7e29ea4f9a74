#!/usr/bin/env python3
"""Optional sanity check of the SYNTHETIC sample corpora: can a simple classifier learn each
label across speakers? Logistic regression on band-energy statistics of 2.5 s segments
(0.5 s hop, crude -45 dBFS silence removal), leave-speakers-out folds. A stand-in for the
small CNNs, not part of the platform. Needs numpy and sox.

Usage: python3 learnability.py [ls] [man] [daic] [recola]
"""
import sys, os, csv, subprocess, zipfile, numpy as np
R = os.path.dirname(os.path.abspath(__file__))
SR = 16000
def load(p=None, data=None):
    args = ["sox", p if p else "-", "-t", "raw", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", "-L", "-"]
    if data is not None: args = ["sox", "-t", "wav", "-"] + args[2:]
    raw = subprocess.run(args, input=data, capture_output=True, check=True).stdout
    return np.frombuffer(raw, "<i2").astype(np.float32) / 32768
MEL = None
def feats(x):
    global MEL
    n = 512; hop = 256
    fr = np.lib.stride_tricks.sliding_window_view(x, n)[::hop] * np.hanning(n)
    P = np.abs(np.fft.rfft(fr, axis=1)) ** 2 + 1e-10
    if MEL is None:
        edges = np.linspace(0, P.shape[1] - 1, 26).astype(int)
        MEL = [(edges[i], edges[i + 2]) for i in range(24)]
    B = np.log(np.stack([P[:, a:b].sum(1) for a, b in MEL], 1))
    e = np.log(P.sum(1))
    de = np.abs(np.diff(e))
    return np.concatenate([B.mean(0), B.std(0), [e.mean(), e.std(), de.mean()]])
def segments(x):
    # drop silent 20 ms frames (crude silence removal), then 2.5 s / 0.5 s hop
    fr = x[: len(x) // 320 * 320].reshape(-1, 320)
    keep = np.sqrt((fr ** 2).mean(1)) > 10 ** (-45 / 20)
    y = fr[keep].ravel()
    L, H = int(2.5 * SR), int(0.5 * SR)
    return [y[s:s + L] for s in range(0, len(y) - L + 1, H)]
def evaluate(name, items, nfold=4):
    # items: (speaker, label, audio)
    X, Y, S = [], [], []
    for spk, lab, x in items:
        for seg in segments(x):
            X.append(feats(seg)); Y.append(lab); S.append(spk)
    X, Y, S = np.array(X), np.array(Y), np.array(S)
    labs = sorted(set(Y)); yi = np.array([labs.index(v) for v in Y])
    spks = sorted(set(S)); rng = np.random.default_rng(0); rng.shuffle(spks)
    accs = []
    for k in range(nfold):
        test = set(spks[k::nfold]); te = np.array([s in test for s in S])
        mu, sd = X[~te].mean(0), X[~te].std(0) + 1e-6
        Xt = (X - mu) / sd
        W = np.zeros((X.shape[1], len(labs))); b = np.zeros(len(labs))
        Yh = np.eye(len(labs))[yi]
        for _ in range(500):
            z = Xt[~te] @ W + b; z -= z.max(1, keepdims=True); p = np.exp(z); p /= p.sum(1, keepdims=True)
            g = (p - Yh[~te]) / (~te).sum()
            W -= 0.5 * (Xt[~te].T @ g + 1e-2 * W); b -= 0.5 * g.sum(0)
        pred = (Xt[te] @ W + b).argmax(1)
        accs.append((pred == yi[te]).mean())
    chance = np.bincount(yi).max() / len(yi)
    print(f"{name}: {len(Y)} segments, {len(spks)} speakers, classes {[str(l) for l in labs]}, leave-speakers-out accuracy {np.mean(accs):.2f} (folds {np.round(accs,2)}), majority {chance:.2f}")
which = sys.argv[1:] or ["ls", "man", "daic", "recola"]
if "ls" in which:
    items = []
    spk_sex = {}
    for l in open(f"{R}/librispeech/LibriSpeech/SPEAKERS.TXT"):
        if not l.startswith(";"):
            p = [t.strip() for t in l.split("|")]; spk_sex[p[0]] = p[1]
    for d, _, fs in os.walk(f"{R}/librispeech/LibriSpeech/dev-clean"):
        for f in fs:
            if f.endswith(".flac"):
                spk = f.split("-")[0]; items.append((spk, spk_sex[spk], load(os.path.join(d, f))))
    evaluate("librispeech gender", items)
if "man" in which:
    items = [(r["speaker"], r["label"], load(f"{R}/manifest/" + r["path"])) for r in csv.DictReader(open(f"{R}/manifest/manifest.csv"))]
    evaluate("manifest emotion", items)
if "daic" in which:
    lab = {}
    for f in ["train_split_Depression_AVEC2017.csv", "dev_split_Depression_AVEC2017.csv"]:
        for r in csv.DictReader(open(f"{R}/daic-woz/{f}")): lab[r["Participant_ID"]] = r["PHQ8_Binary"]
    for r in csv.DictReader(open(f"{R}/daic-woz/full_test_split.csv")): lab[r["Participant_ID"]] = r["PHQ_Binary"]
    items = []
    for e in sorted(os.listdir(f"{R}/daic-woz")):
        pid = e.split("_")[0]
        if e.endswith("_P"):
            x = load(f"{R}/daic-woz/{e}/{pid}_AUDIO.wav"); tr = open(f"{R}/daic-woz/{e}/{pid}_TRANSCRIPT.csv").read()
        elif e.endswith(".zip"):
            z = zipfile.ZipFile(f"{R}/daic-woz/{e}"); x = load(data=z.read(f"{pid}_AUDIO.wav")); tr = z.read(f"{pid}_TRANSCRIPT.csv").decode()
        else: continue
        parts = [x[int(float(a) * SR):int(float(b) * SR)] for a, b, who, _ in (l.split("\t") for l in tr.strip().split("\n")[1:]) if who == "Participant"]
        items.append((pid, lab[pid], np.concatenate(parts)))
    evaluate("daic binary", items, nfold=6)
if "recola" in which:
    for dim in ("arousal", "valence"):
        items = []
        for f in sorted(os.listdir(f"{R}/recola/recordings_audio")):
            name = f[:-4]; x = load(f"{R}/recola/recordings_audio/{f}")
            g = np.array([float(l.split(",")[2]) for l in open(f"{R}/recola/ratings_gold_standard/{dim}/{name}.arff") if l.startswith("'")])
            # per 2.5 s window (no silence removal), label: mean gold in 3 bins (low/mid/high) for a coarse check
            L, H = int(2.5 * SR), int(0.5 * SR)
            for s in range(0, len(x) - L + 1, H):
                m = g[int(s / SR / 0.04):int((s + L) / SR / 0.04)].mean()
                items.append((name, "hi" if m > 0.2 else ("lo" if m < -0.2 else "mid"), x[s:s + L]))
        globals()["segments"] = lambda a: [a]  # windows are already cut
        evaluate(f"recola {dim} (3 coarse bins, no silence removal)", items, nfold=4)
