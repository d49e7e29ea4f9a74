"""Builds EmoAudioNet in Keras, exports it as a SavedModel, and records what it outputs.

The fixture for the platform's Keras import (KerasSavedModel, DJL's TensorFlow engine): the
paper's topology (spectrogram-image 2-D CNN + MFCC 1-D CNN, concatenated, Dense, softmax) with
the layer structure of the Java EmoAudioNetFactory / SpectrogramBranch / MfccBranch at the
`small` preset's sizes, so the files stay small. Weights are Keras's own seeded initialisation:
the point is that DJL/TensorFlow reproduces Keras's outputs, not that the model is any good.

Inputs are written in the platform's own form (what SegmentFeatures holds): raw MFCC-mean
vectors [N, 177] (dB-like) and spectrogram images as bytes, channel-major [N, 3, S, S]. The
manifest (keras.json) says how the platform turns them into this model's inputs: MFCC
standardisation, image bytes / 255, and the channels-last layouts Keras uses.

Usage: python make_fixture.py OUT_MODEL_DIR OUT_IO_DIR (generate.sh runs it).
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ["PYTHONHASHSEED"] = "0"

import keras
import numpy as np
import tensorflow as tf
from keras import layers

SEED = 42
# The small preset (PipelineConfig.small()): 64x64 images, 16 channels, dropout 0.1.
IMAGE_SIZE = 64
CHANNELS = 16
DROPOUT = 0.1
MFCC_LENGTH = 177  # EmoAudioNetFactory.MFCC_LENGTH
# The bundled manifest sample's task: `label`, classes sorted as ManifestReader sorts them, so
# that `./emo evaluate --dataset manifest:workers/samples/manifest/manifest.csv` can use it.
TASK = "label"
CLASSES = ["angry", "happy", "neutral", "sad"]
# MFCC standardisation the platform applies before the network (MfccScaling), as a model
# trained on our features would carry it.
MFCC_MEAN, MFCC_STD = -25.0, 12.0
N_SEGMENTS = 8


def spectrogram_branch(image):
    """SpectrogramBranch: conv x2, dropout, pool 8, conv x3, dropout, conv, dropout, pool 8."""
    x = image
    for _ in range(2):
        x = layers.Conv2D(CHANNELS, 3, padding="same", activation="relu")(x)
    x = layers.Dropout(DROPOUT)(x)
    x = layers.MaxPooling2D(8)(x)
    for _ in range(3):
        x = layers.Conv2D(CHANNELS, 3, padding="same", activation="relu")(x)
    x = layers.Dropout(DROPOUT)(x)
    x = layers.Conv2D(CHANNELS, 3, padding="same", activation="relu")(x)
    x = layers.Dropout(DROPOUT)(x)
    x = layers.MaxPooling2D(8)(x)
    return layers.Flatten()(x)


def mfcc_branch(mfcc):
    """MfccBranch: conv1d kernel 5 'same' x2, dropout, pool 8."""
    x = mfcc
    for _ in range(2):
        x = layers.Conv1D(CHANNELS, 5, padding="same", activation="relu")(x)
    x = layers.Dropout(DROPOUT)(x)
    x = layers.MaxPooling1D(8)(x)
    return layers.Flatten()(x)


def build():
    mfcc = keras.Input(shape=(MFCC_LENGTH, 1), name="mfcc")
    image = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 3), name="image")
    # Spectrogram features first, as EmoAudioNetBlock concatenates them.
    fused = layers.Concatenate()([spectrogram_branch(image), mfcc_branch(mfcc)])
    # Non-zero biases, so that a misplaced bias would show in the outputs.
    out = layers.Dense(len(CLASSES), activation="softmax", name="probabilities",
                       bias_initializer=keras.initializers.RandomNormal(stddev=0.5, seed=SEED))(fused)
    return keras.Model(inputs=[mfcc, image], outputs=out, name="emoaudionet_small")


def fixed_inputs():
    rng = np.random.default_rng(SEED)
    # dB-like MFCC means with a slow trend, like real frame means.
    t = np.linspace(0, 1, MFCC_LENGTH, dtype=np.float32)
    mfcc = (MFCC_MEAN + MFCC_STD * rng.standard_normal((N_SEGMENTS, MFCC_LENGTH))
            + 10 * np.sin(2 * np.pi * t * rng.integers(1, 4, (N_SEGMENTS, 1)))).astype(np.float32)
    # Smooth images (a gradient per channel plus noise), channel-major as SegmentFeatures.image.
    ramp = np.linspace(0, 255, IMAGE_SIZE)
    base = np.stack([np.add.outer(ramp, ramp) / 2, np.add.outer(ramp, 255 - ramp) / 2,
                     np.full((IMAGE_SIZE, IMAGE_SIZE), 128.0)])
    image = np.clip(base[None] + 60 * rng.standard_normal((N_SEGMENTS, 3, IMAGE_SIZE, IMAGE_SIZE)),
                    0, 255).astype(np.uint8)
    return mfcc, image


def to_model_inputs(mfcc, image):
    """What KerasSavedModel feeds: standardised MFCC [N, L, 1], image / 255 [N, S, S, 3]."""
    m = ((mfcc - MFCC_MEAN) / MFCC_STD).astype(np.float32)[:, :, None]
    i = (image.astype(np.float32) / 255.0).transpose(0, 2, 3, 1)
    return m, i


def signature_names(export_dir):
    """The serving signature's input and output keys, as the SavedModel stores them."""
    loaded = tf.saved_model.load(export_dir)
    fn = loaded.signatures["serving_default"]
    inputs = {spec.name: key for key, spec in fn.structured_input_signature[1].items()}
    outputs = list(fn.structured_outputs.keys())
    return loaded, fn, inputs, outputs


def main(model_dir, io_dir):
    keras.utils.set_random_seed(SEED)
    tf.config.experimental.enable_op_determinism()
    model = build()
    mfcc, image = fixed_inputs()
    m, i = to_model_inputs(mfcc, image)
    expected = model.predict([m, i], verbose=0).astype(np.float32)

    model.export(model_dir, format="tf_saved_model")
    loaded, fn, inputs, outputs = signature_names(model_dir)
    if len(outputs) != 1:
        sys.exit(f"expected one signature output, got {outputs}")
    # The SavedModel reloaded in Python must agree with Keras before Java is asked to.
    reloaded = fn(**{inputs.get("mfcc", "mfcc"): tf.constant(m),
                     inputs.get("image", "image"): tf.constant(i)})[outputs[0]].numpy()
    diff = float(np.max(np.abs(reloaded - expected)))
    if diff > 1e-5:
        sys.exit(f"reloaded SavedModel differs from Keras by {diff}")

    manifest = {
        "format": "emoaudionet-keras/1",
        "task": {"name": TASK, "classes": CLASSES, "binCenters": None, "binEdges": None},
        "preset": "small",
        "mfccLength": MFCC_LENGTH,
        "imageSize": IMAGE_SIZE,
        "mfccScaling": {"mean": MFCC_MEAN, "std": MFCC_STD},
        "tags": "serve",
        "signature": "serving_default",
        "inputs": {
            "mfcc": {"name": inputs.get("mfcc", "mfcc"), "layout": "NWC"},
            "image": {"name": inputs.get("image", "image"), "layout": "NHWC"},
        },
        "output": {"name": outputs[0], "kind": "probabilities"},
        "source": f"workers/keras-reference/make_fixture.py (TensorFlow {tf.__version__}, "
                  f"Keras {keras.__version__}, seed {SEED}, {model.count_params()} parameters)",
    }
    with open(os.path.join(model_dir, "keras.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")

    os.makedirs(io_dir, exist_ok=True)
    np.save(os.path.join(io_dir, "mfcc.npy"), mfcc)
    np.save(os.path.join(io_dir, "image.npy"), image)
    np.save(os.path.join(io_dir, "expected.npy"), expected)
    print(f"{model.count_params()} parameters; signature inputs {inputs}, output {outputs[0]}; "
          f"reload diff {diff:.2e}")
    print(expected)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_fixture.py OUT_MODEL_DIR OUT_IO_DIR")
    main(sys.argv[1], sys.argv[2])
