package org.emoaudionet.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

/**
 * The spectrogram CNN (paper Table IV baseline): Conv2d 3x3 'same' x2, Dropout, MaxPool 8x8,
 * Conv2d x3, Dropout, Conv2d, Dropout, MaxPool 8x8, flatten; ReLU after every convolution. Input
 * [B, 3, S, S] (RGB in [0, 1]), output [B, channels * (S/64)^2] (floor at each pooling).
 */
public final class SpectrogramBranch extends SequentialBlock {
  public static final int POOL = 8;

  public SpectrogramBranch(int channels, double dropout) {
    conv(channels);
    add(Activation.reluBlock());
    conv(channels);
    reluAfterPool(dropout);
    for (int i = 0; i < 3; i++) {
      conv(channels);
      add(Activation.reluBlock());
    }
    add(dropout(dropout));
    conv(channels);
    reluAfterPool(dropout);
    add(Blocks.batchFlattenBlock());
  }

  private void conv(int channels) {
    // 3x3 with padding 1 and stride 1 is Keras' padding='same'.
    add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
        .setFilters(channels).build());
  }

  /**
   * The paper's conv -> ReLU -> dropout -> 8x8 max-pool, computed as dropout -> pool -> ReLU.
   * Identical values and gradients: ReLU commutes with a max (both monotone) and with dropout's
   * non-negative scaling, relu(m x) = m relu(x). At 224 px the ReLU (forward and backward, 7 % of
   * a paper step on an AVX2 CPU) then touches 28 x 28 instead of 224 x 224 values per channel.
   * Parameterless blocks all store the same bytes, so models saved in the old order load.
   */
  private void reluAfterPool(double dropout) {
    add(dropout(dropout));
    add(Pool.maxPool2dBlock(new Shape(POOL, POOL), new Shape(POOL, POOL)));
    add(Activation.reluBlock());
  }

  static SeededDropout dropout(double rate) {
    return new SeededDropout((float) rate);
  }

  /** Side of the feature map after both poolings (224 -> 28 -> 3). */
  public static int pooledSide(int imageSize) {
    return imageSize / POOL / POOL;
  }

  public static int flattenedSize(int imageSize, int channels) {
    int side = pooledSide(imageSize);
    return channels * side * side;
  }
}
