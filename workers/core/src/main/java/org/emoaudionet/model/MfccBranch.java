package org.emoaudionet.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.pooling.Pool;

/**
 * The MFCC CNN (paper Table III baseline): Conv1d kernel 5 'same' x2 with ReLU, Dropout, MaxPool
 * 8, flatten. Input [B, 1, L] (L = 177 frame means), output [B, channels * floor(L / 8)].
 */
public final class MfccBranch extends SequentialBlock {
  public static final int KERNEL = 5;
  public static final int POOL = 8;

  public MfccBranch(int channels, double dropout) {
    for (int i = 0; i < 2; i++) {
      add(Conv1d.builder().setKernelShape(new Shape(KERNEL)).optPadding(new Shape(KERNEL / 2))
          .setFilters(channels).build());
      add(Activation.reluBlock());
    }
    add(SpectrogramBranch.dropout(dropout));
    add(Pool.maxPool1dBlock(new Shape(POOL), new Shape(POOL)));
    add(Blocks.batchFlattenBlock());
  }

  public static int flattenedSize(int mfccLength, int channels) {
    return channels * (mfccLength / POOL);
  }
}
