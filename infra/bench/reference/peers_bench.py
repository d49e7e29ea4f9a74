"""EmoAudioNet in PyTorch (eager) and in Keras (TensorFlow), timed as `./emo bench` times ours.

The peers of `./emo bench --peers`: the same network (SpectrogramBranch + MfccBranch,
concatenated, one Linear; the Java EmoAudioNetFactory's layers, as workers/keras-reference
builds them too), the same random inputs' shapes, RMSProp and cross-entropy, the same batch
sizes, threads and step counts, one warm-up step. The sizes come from the command line, which
`./emo bench` fills from the preset's YAML, so no number of a preset is written twice.

Prints one JSON object per line: {"framework", "version", "preset", "train_samples_per_s",
"infer_samples_per_s", ...}. Usage (the bench runs it; by hand as well):

  python peers_bench.py --framework torch --preset small --image-size 64 --channels 16 \
      --dropout 0.1 --classes 10 --train-batch 32 --train-steps 20 --infer-batch 32 \
      --infer-steps 10 --threads 2 --learning-rate 1e-3
"""
import argparse
import json
import os
import sys
import time

MFCC_LENGTH = 177  # EmoAudioNetFactory.MFCC_LENGTH
POOL_2D = 8        # SpectrogramBranch.POOL
POOL_1D = 8        # MfccBranch.POOL
KERNEL_1D = 5      # MfccBranch.KERNEL


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--framework", choices=["torch", "keras"], required=True)
    p.add_argument("--preset", required=True)
    p.add_argument("--image-size", type=int, required=True)
    p.add_argument("--channels", type=int, required=True)
    p.add_argument("--dropout", type=float, required=True)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--train-batch", type=int, required=True)
    p.add_argument("--train-steps", type=int, required=True)
    p.add_argument("--infer-batch", type=int, default=32)
    p.add_argument("--infer-steps", type=int, required=True)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--learning-rate", type=float, default=1e-3)
    p.add_argument("--channels-last", action="store_true",
                   help="torch only: NHWC tensors and weights (oneDNN's preferred layout)")
    p.add_argument("--profile", action="store_true",
                   help="torch only: print the ops of one training step by time (stderr)")
    return p.parse_args()


def timed(step, steps):
    """One warm-up call, then `steps` timed calls: seconds per call."""
    step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - t0) / steps


def run_torch(a):
    import torch
    from torch import nn
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    c, s = a.channels, a.image_size
    side = (s // POOL_2D) // POOL_2D

    def conv2d(cin):
        return [nn.Conv2d(cin, c, 3, padding=1), nn.ReLU()]

    class EmoAudioNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.spectrogram = nn.Sequential(
                *conv2d(3), *conv2d(c), nn.Dropout(a.dropout), nn.MaxPool2d(POOL_2D),
                *conv2d(c), *conv2d(c), *conv2d(c), nn.Dropout(a.dropout),
                *conv2d(c), nn.Dropout(a.dropout), nn.MaxPool2d(POOL_2D), nn.Flatten())
            self.mfcc = nn.Sequential(
                nn.Conv1d(1, c, KERNEL_1D, padding=KERNEL_1D // 2), nn.ReLU(),
                nn.Conv1d(c, c, KERNEL_1D, padding=KERNEL_1D // 2), nn.ReLU(),
                nn.Dropout(a.dropout), nn.MaxPool1d(POOL_1D), nn.Flatten())
            self.classifier = nn.Linear(c * side * side + c * (MFCC_LENGTH // POOL_1D), a.classes)

        def forward(self, mfcc, image):
            return self.classifier(torch.cat([self.spectrogram(image), self.mfcc(mfcc)], dim=1))

    fmt = torch.channels_last if a.channels_last else torch.contiguous_format
    model = EmoAudioNet().to(memory_format=fmt)
    opt = torch.optim.RMSprop(model.parameters(), lr=a.learning_rate, alpha=0.9, eps=1e-7)
    loss = nn.CrossEntropyLoss()

    def inputs(n):
        return (torch.randn(n, 1, MFCC_LENGTH),
                torch.rand(n, 3, s, s).contiguous(memory_format=fmt),
                torch.randint(0, a.classes, (n,)))

    m, i, y = inputs(a.train_batch)

    def train():
        opt.zero_grad(set_to_none=True)
        loss(model(m, i), y).backward()
        opt.step()

    model.train()
    train_s = timed(train, a.train_steps)
    if a.profile:
        from torch.profiler import ProfilerActivity, profile
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            train()
        print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=15), file=sys.stderr)
    mi, ii, _ = inputs(a.infer_batch)
    model.eval()

    def infer():
        with torch.inference_mode():
            model(mi, ii).softmax(dim=1)

    infer_s = timed(infer, a.infer_steps)
    name = "pytorch-eager" + ("-channels-last" if a.channels_last else "")
    return name, torch.__version__, train_s, infer_s


def run_keras(a):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import numpy as np
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(a.threads)
    tf.config.threading.set_inter_op_parallelism_threads(a.threads)
    import keras
    from keras import layers
    keras.utils.set_random_seed(1)
    c, s = a.channels, a.image_size

    def conv2d(x):
        return layers.Conv2D(c, 3, padding="same", activation="relu")(x)

    image = keras.Input(shape=(s, s, 3), name="image")
    x = conv2d(conv2d(image))
    x = layers.MaxPooling2D(POOL_2D)(layers.Dropout(a.dropout)(x))
    x = layers.Dropout(a.dropout)(conv2d(conv2d(conv2d(x))))
    x = layers.MaxPooling2D(POOL_2D)(layers.Dropout(a.dropout)(conv2d(x)))
    mfcc = keras.Input(shape=(MFCC_LENGTH, 1), name="mfcc")
    y = layers.Conv1D(c, KERNEL_1D, padding="same", activation="relu")(mfcc)
    y = layers.Conv1D(c, KERNEL_1D, padding="same", activation="relu")(y)
    y = layers.MaxPooling1D(POOL_1D)(layers.Dropout(a.dropout)(y))
    fused = layers.Concatenate()([layers.Flatten()(x), layers.Flatten()(y)])
    model = keras.Model([mfcc, image], layers.Dense(a.classes)(fused))
    # what a Keras user gets: compile's defaults (a traced tf.function per step)
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=a.learning_rate, rho=0.9,
                                                     epsilon=1e-7),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    rng = np.random.default_rng(1)

    def inputs(n):
        return (rng.standard_normal((n, MFCC_LENGTH, 1), dtype=np.float32),
                rng.random((n, s, s, 3), dtype=np.float32),
                rng.integers(0, a.classes, n))

    m, i, y = inputs(a.train_batch)
    train_s = timed(lambda: model.train_on_batch([m, i], y), a.train_steps)
    mi, ii, _ = inputs(a.infer_batch)
    infer_s = timed(lambda: model.predict_on_batch([mi, ii]), a.infer_steps)
    return "keras-tensorflow", f"keras {keras.__version__}, tensorflow {tf.__version__}", \
        train_s, infer_s


def main():
    a = parse()
    name, version, train_s, infer_s = (run_torch if a.framework == "torch" else run_keras)(a)
    print(json.dumps({
        "framework": name, "version": version, "preset": a.preset, "threads": a.threads,
        "train_batch": a.train_batch, "train_steps": a.train_steps,
        "train_samples_per_s": a.train_batch / train_s,
        "infer_batch": a.infer_batch, "infer_steps": a.infer_steps,
        "infer_samples_per_s": a.infer_batch / infer_s}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
