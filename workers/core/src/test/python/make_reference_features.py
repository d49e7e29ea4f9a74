#!/usr/bin/env python3
"""Reference fixtures for the Java feature code (org.emoaudionet.features), from librosa and
matplotlib themselves.

Run from the repository root, in a venv OUTSIDE the repo:
    python3 -m venv /work/venv-ref && /work/venv-ref/bin/pip install numpy librosa matplotlib soundfile
    /work/venv-ref/bin/python workers/core/src/test/python/make_reference_features.py

Deterministic (fixed seeds). The signals are SYNTHETIC, made to look like speech to the
feature extractors (harmonic glottal source with vibrato through formant resonators, breath
noise, a pause, fricative noise and plosive bursts); no recording is used.

Writes to workers/core/src/test/resources/reference/, for each signal NAME:
    NAME_signal.npy   float32 (n,)         the signal, 44.1 kHz
    NAME_mfcc.npy     float32 (13, T)      librosa.feature.mfcc(y=y, sr=44100, n_mfcc=13)
    NAME_mfcc177.npy  float32 (177,)       its mean over the 13 coefficients, first 177 frames,
                                           zero-padded (the authors' MFCC branch input)
    NAME_psd_db.npy   float32 (129, C)     10*log10(Pxx), Pxx from
                                           matplotlib.mlab.specgram(y, NFFT=256, Fs=44100, noverlap=128)
and for one signal:
    vowel_male_viridis.npy  uint8 (129, C, 3)  viridis(Normalize()(psd_db)) with bytes=True,
                                           RGB, computed from the stored float32 dB matrix
                                           (cast to float64) so Java can redo it bit for bit.
    vowel_male_mpl_image.npy uint8 (224, 224, 3)  the picture through matplotlib and PIL:
                                           plt.specgram(y, Fs=44100) on a 19 x 12 inch figure
                                           (dpi 100) with the axes filling it and turned off,
                                           saved as PNG, then PIL ImageOps.fit to 224 x 224
                                           (centre cover crop) with the BOX filter: the geometry
                                           SpectrogramImage models, for an end-to-end check.
"""
import json
import os
import sys

import io

import librosa
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import colormaps, colors, mlab  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402
from scipy.signal import lfilter

SR = 44100
FRAMES = 177
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")


def resonator(x, freq, bw):
    """Two-pole formant resonator (Klatt), unit gain at DC."""
    r = np.exp(-np.pi * bw / SR)
    c = -r * r
    b = 2 * r * np.cos(2 * np.pi * freq / SR)
    a0 = 1 - b - c
    return lfilter([a0], [1, -b, -c], x)


def glottal(n, f0, vibrato_hz, vibrato_depth, drift, rng):
    """Harmonic source, -12 dB/octave, with vibrato, pitch drift and slight jitter."""
    t = np.arange(n) / SR
    f = f0 * (1 + drift * t / t[-1]) * (1 + vibrato_depth * np.sin(2 * np.pi * vibrato_hz * t))
    f *= 1 + 0.003 * np.cumsum(rng.standard_normal(n)) / np.sqrt(n)
    phase = 2 * np.pi * np.cumsum(f) / SR
    src = np.zeros(n)
    for h in range(1, 40):
        ok = h * f < SR / 2 - 500
        src += ok * np.sin(h * phase) / (h * h)
    return src


def envelope(n, segments):
    """Piecewise amplitude with 20 ms raised-cosine ramps; segments = [(start_s, end_s, gain)]."""
    env = np.zeros(n)
    ramp = int(0.02 * SR)
    for s, e, g in segments:
        a, b = int(s * SR), int(e * SR)
        w = np.ones(b - a) * g
        k = np.arange(ramp)
        w[:ramp] *= 0.5 - 0.5 * np.cos(np.pi * k / ramp)
        w[-ramp:] *= (0.5 - 0.5 * np.cos(np.pi * k / ramp))[::-1]
        env[a:b] += w
    return env


def voiced(n, f0, formants, rng, vibrato_hz=5.0, vibrato_depth=0.02, drift=0.15):
    src = glottal(n, f0, vibrato_hz, vibrato_depth, drift, rng)
    y = np.zeros(n)
    for freq, bw, gain in formants:
        y += gain * resonator(src, freq, bw)
    return y / np.max(np.abs(y))


def breath(n, rng, lo=0.3):
    noise = rng.standard_normal(n)
    return noise - lo * np.concatenate([[0], noise[:-1]])  # gentle high-pass tilt


def vowel_male(rng):
    n = int(2.5 * SR)
    a = voiced(n, 120.0, [(730, 90, 1.0), (1090, 110, 0.5), (2440, 170, 0.25)], rng)
    o = voiced(n, 125.0, [(570, 80, 1.0), (840, 100, 0.6), (2410, 170, 0.2)], rng, drift=-0.1)
    env_a = envelope(n, [(0.05, 1.10, 0.6)])
    env_o = envelope(n, [(1.55, 2.45, 0.5)])  # pause 1.10 .. 1.55 s
    y = env_a * a + env_o * o + 0.004 * breath(n, rng) + 1e-4 * rng.standard_normal(n)
    return y


def vowel_female(rng):
    n = int(2.5 * SR)
    i = voiced(n, 220.0, [(310, 60, 1.0), (2790, 150, 0.4), (3310, 200, 0.3)], rng, 5.5, 0.03, 0.2)
    e = voiced(n, 205.0, [(530, 70, 1.0), (1840, 120, 0.5), (2480, 170, 0.3)], rng, 6.0, 0.025, -0.15)
    env_i = envelope(n, [(0.10, 0.90, 0.45)])
    env_e = envelope(n, [(1.30, 2.30, 0.55)])
    y = env_i * i + env_e * e + 0.006 * breath(n, rng, 0.6) + 1e-4 * rng.standard_normal(n)
    return y


def fricative_burst(rng):
    n = int(2.5 * SR)
    noise = rng.standard_normal(n)
    s = resonator(noise, 6500, 2500) - resonator(noise, 2000, 1500) * 0.3   # /s/-like
    sh = resonator(noise, 3000, 1200)                                        # /sh/-like
    y = envelope(n, [(0.10, 0.55, 0.25)]) * s / np.max(np.abs(s))
    y += envelope(n, [(1.20, 1.70, 0.3)]) * sh / np.max(np.abs(sh))
    for t0 in (0.75, 0.95, 1.95, 2.2):  # plosive bursts: decaying broadband clicks
        a = int(t0 * SR)
        k = np.arange(int(0.03 * SR))
        y[a:a + len(k)] += 0.6 * np.exp(-k / (0.004 * SR)) * rng.standard_normal(len(k))
    v = voiced(n, 140.0, [(500, 80, 1.0), (1500, 120, 0.4), (2500, 170, 0.2)], rng)
    y += envelope(n, [(1.75, 2.15, 0.3)]) * v
    y += 0.003 * breath(n, rng) + 1e-4 * rng.standard_normal(n)
    return y


def reference(name, y, with_viridis=False):
    y = np.asarray(y, dtype=np.float32)
    np.save(os.path.join(OUT, f"{name}_signal.npy"), y)
    m = librosa.feature.mfcc(y=y, sr=SR, n_mfcc=13)
    np.save(os.path.join(OUT, f"{name}_mfcc.npy"), m.astype(np.float32))
    mean = np.mean(m, axis=0)[:FRAMES]
    v = np.zeros(FRAMES, dtype=np.float32)
    v[: len(mean)] = mean
    np.save(os.path.join(OUT, f"{name}_mfcc177.npy"), v)
    pxx, freqs, t = mlab.specgram(y, NFFT=256, Fs=SR, noverlap=128)
    with np.errstate(divide="ignore"):
        db = np.ascontiguousarray((10.0 * np.log10(pxx)).astype(np.float32))
    np.save(os.path.join(OUT, f"{name}_psd_db.npy"), db)
    if with_viridis:
        z = db.astype(np.float64)
        rgba = colormaps["viridis"](colors.Normalize()(z), bytes=True)
        np.save(os.path.join(OUT, f"{name}_viridis.npy"), np.ascontiguousarray(rgba[..., :3]))
    if with_viridis:
        fig = plt.figure(figsize=(19, 12))
        ax = fig.add_axes([0, 0, 1, 1])
        ax.specgram(y, Fs=SR)
        ax.axis("off")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
        buf.seek(0)
        im = ImageOps.fit(Image.open(buf).convert("RGB"), (224, 224), Image.BOX)
        np.save(os.path.join(OUT, f"{name}_mpl_image.npy"), np.asarray(im, dtype=np.uint8))
    return {"samples": len(y), "mfcc_frames": m.shape[1], "psd_shape": list(db.shape),
            "psd_db_min": float(db.min()), "psd_db_max": float(db.max())}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261124)
    male = vowel_male(rng)
    info = {
        "librosa": librosa.__version__, "matplotlib": matplotlib.__version__, "numpy": np.__version__,
        "vowel_male": reference("vowel_male", 0.5 * male, with_viridis=True),
        "vowel_female": reference("vowel_female", 0.5 * vowel_female(rng)),
        "fricative_burst": reference("fricative_burst", fricative_burst(rng) / 1.5),
        # 0.3 s: fewer than 177 MFCC frames (zero padding of the vector)
        "short": reference("short", 0.5 * male[int(0.2 * SR): int(0.5 * SR)]),
        # 200 samples: shorter than NFFT, mlab zero-pads to 256 (one column)
        "tiny": reference("tiny", 0.5 * male[int(0.4 * SR): int(0.4 * SR) + 200]),
    }
    with open(os.path.join(OUT, "README.json"), "w") as f:
        json.dump(info, f, indent=2)
        f.write("\n")
    json.dump(info, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
