"""The two network inputs computed the Python way, timed as `./emo bench` times ours.

The feature peer of `./emo bench --peers`: per 2.5 s segment at 44.1 kHz, on one thread,
  - MFCC input: librosa.feature.mfcc(y, sr, n_mfcc=13), mean over the 13 coefficients of each
    frame, first 177 frames (the authors' code; workers/core MfccFeature);
  - spectrogram image: matplotlib.mlab.specgram(y, NFFT=256, Fs=sr, noverlap=128) in dB, the
    matrix normalised min..max, viridis as bytes, high frequencies on top, the centre 12/19 of the
    time axis resampled to size x size by area averaging (PIL's BOX filter with a fractional crop
    box); the numeric steps of the authors' plt.specgram + savefig + resize, without drawing a
    figure or writing a PNG (workers/core SpectrogramImage).
The signal is the Java FeatureBench's (harmonics of 150 Hz plus a little noise); the cost does
not depend on content. One warm-up of 5 segments (librosa's first call compiles with numba).

Prints one JSON line: {"framework", "version", "segments", "mfcc_ms", "image_ms", "both_ms"}
(milliseconds per segment). Usage (the bench runs it; by hand as well):

  python features_peer.py --audio-seconds 60 --image-size 224
"""
import argparse
import json
import os

# One thread, as ours: set before numpy loads its BLAS.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import time  # noqa: E402

import numpy as np  # noqa: E402

SAMPLE_RATE = 44100
SEGMENT_SECONDS = 2.5
MFCC_FRAMES = 177
FIGURE_WIDTH, FIGURE_HEIGHT = 19.0, 12.0


def synthetic_segment(n, sr, seed=7):
    rng = np.random.default_rng(seed)
    t = np.arange(n) / sr
    v = sum(np.sin(2 * np.pi * 150 * h * t) / h for h in range(1, 21))
    return (0.1 * v + 0.01 * rng.standard_normal(n)).astype(np.float32)


def mfcc_input(y, sr):
    import librosa
    m = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13)
    out = np.zeros(MFCC_FRAMES, dtype=np.float32)
    means = m.mean(axis=0)[:MFCC_FRAMES]
    out[:len(means)] = means
    return out


def image_input(y, sr, size):
    from matplotlib import cm, mlab
    from PIL import Image
    pxx, _, _ = mlab.specgram(y, NFFT=256, Fs=sr, noverlap=128)
    db = 10.0 * np.log10(np.maximum(pxx, 1e-20))
    lo, hi = db.min(), db.max()
    v = (db - lo) / (hi - lo) if hi > lo else np.zeros_like(db)
    rgb = cm.viridis(v[::-1], bytes=True)[..., :3]  # row 0 = highest frequency, as drawn
    cols = rgb.shape[1]
    # The square "cover" crop of a 19 x 12 figure keeps the centre 12/19 of the time axis.
    keep = cols * FIGURE_HEIGHT / FIGURE_WIDTH
    x0 = (cols - keep) / 2
    img = Image.fromarray(np.ascontiguousarray(rgb)).resize(
        (size, size), Image.BOX, box=(x0, 0, x0 + keep, rgb.shape[0]))
    return np.asarray(img).transpose(2, 0, 1).copy()  # channel-major, as SegmentFeatures


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--audio-seconds", type=float, default=60.0)
    p.add_argument("--image-size", type=int, default=224)
    a = p.parse_args()
    import librosa
    import matplotlib
    import PIL
    sr = SAMPLE_RATE
    seg = synthetic_segment(int(round(SEGMENT_SECONDS * sr)), sr)
    segments = max(1, int(np.ceil(a.audio_seconds / SEGMENT_SECONDS)))
    for _ in range(5):
        mfcc_input(seg, sr)
        image_input(seg, sr, a.image_size)
    t0 = time.perf_counter()
    for _ in range(segments):
        mfcc_input(seg, sr)
    t1 = time.perf_counter()
    for _ in range(segments):
        image_input(seg, sr, a.image_size)
    t2 = time.perf_counter()
    ms = lambda s: 1e3 * s / segments  # noqa: E731
    print(json.dumps({
        "framework": "numpy-librosa-matplotlib",
        "version": f"numpy {np.__version__}, librosa {librosa.__version__}, "
                   f"matplotlib {matplotlib.__version__}, pillow {PIL.__version__}",
        "segments": segments, "image_size": a.image_size,
        "mfcc_ms": ms(t1 - t0), "image_ms": ms(t2 - t1), "both_ms": ms(t2 - t0)}))


if __name__ == "__main__":
    main()
