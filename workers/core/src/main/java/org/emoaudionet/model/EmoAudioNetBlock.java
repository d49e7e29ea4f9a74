package org.emoaudionet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.emoaudionet.spec.Architecture;

/**
 * One of the three networks as a DJL block. Input NDList(mfcc [B,1,L], image [B,3,S,S]) for every
 * architecture (a baseline ignores the other input), output logits [B, classes]; softmax is
 * applied by the loss and by prediction. The final Linear is the child named {@link #CLASSIFIER},
 * so that transfer learning can tell it from the rest.
 */
public final class EmoAudioNetBlock extends AbstractBlock {
  public static final String CLASSIFIER = "classifier";

  private final Architecture architecture;
  private final int classes;
  private final Block spectrogram;
  private final Block mfcc;
  private final Block classifier;

  EmoAudioNetBlock(Architecture architecture, int channels, double dropout, int classes) {
    this.architecture = architecture;
    this.classes = classes;
    // Child order fixes parameter names ("01spectrogram_...", "03classifier_weight").
    spectrogram = architecture == Architecture.MFCC
        ? null : addChildBlock("spectrogram", new SpectrogramBranch(channels, dropout));
    mfcc = architecture == Architecture.SPECTROGRAM
        ? null : addChildBlock("mfcc", new MfccBranch(channels, dropout));
    classifier = addChildBlock(CLASSIFIER, Linear.builder().setUnits(classes).build());
  }

  public Architecture architecture() {
    return architecture;
  }

  public int classes() {
    return classes;
  }

  /** The branches that this architecture uses, in concatenation order (may be one). */
  Block spectrogramBranch() {
    return spectrogram;
  }

  Block mfccBranch() {
    return mfcc;
  }

  Block classifierBlock() {
    return classifier;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException(
          "EmoAudioNet expects NDList(mfcc [B,1,L], image [B,3,S,S]), got " + inputs.size() + " arrays");
    }
    NDArray features;
    if (architecture == Architecture.MFCC) {
      features = mfcc.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
    } else if (architecture == Architecture.SPECTROGRAM) {
      features = spectrogram.forward(ps, new NDList(image(inputs.get(1), training)), training).singletonOrThrow();
    } else {
      NDArray s = spectrogram.forward(ps, new NDList(image(inputs.get(1), training)), training).singletonOrThrow();
      NDArray m = mfcc.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
      features = NDArrays.concat(new NDList(s, m), 1);
    }
    return classifier.forward(ps, new NDList(features), training);
  }

  /**
   * The image input as the spectrogram branch gets it: channels-last at inference, and in training
   * where {@link ChannelsLastTraining} says that layout is the faster one on this machine.
   */
  private static NDArray image(NDArray image, boolean training) {
    if (training && !ChannelsLastTraining.enabled(image.getDevice())) return image;
    return ChannelsLast.of(image);
  }

  /** Length of the vector fed to the final Linear, for input shapes [mfcc, image]. */
  public long featureSize(Shape[] inputShapes) {
    long n = 0;
    if (spectrogram != null) n += spectrogram.getOutputShapes(new Shape[] {inputShapes[1]})[0].get(1);
    if (mfcc != null) n += mfcc.getOutputShapes(new Shape[] {inputShapes[0]})[0].get(1);
    return n;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    if (spectrogram != null) spectrogram.initialize(manager, dataType, inputShapes[1]);
    if (mfcc != null) mfcc.initialize(manager, dataType, inputShapes[0]);
    classifier.initialize(manager, dataType, new Shape(inputShapes[0].get(0), featureSize(inputShapes)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }
}
