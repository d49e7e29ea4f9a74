package org.emoaudionet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * An image batch [B, C, H, W] with the same values, stored channels-last (NHWC in memory, PyTorch's
 * {@code memory_format=torch.channels_last}). DJL has no memory-format switch, but PyTorch derives
 * the format from the strides: a contiguous NHWC copy seen through a permutation back to NCHW is a
 * channels-last tensor, and oneDNN's convolutions, ReLU and pooling then keep that layout downstream.
 *
 * <p>Always at inference (the paper preset's forward ran 1.5x faster on an AVX2 CPU); in training
 * only where {@link ChannelsLastTraining} says so, because there the backward decides and it
 * depends on the CPU.
 */
public final class ChannelsLast {
  private ChannelsLast() {}

  public static NDArray of(NDArray nchw) {
    Shape s = nchw.getShape();
    if (s.dimension() != 4) throw new IllegalArgumentException("channels-last needs [B, C, H, W], got " + s);
    long b = s.get(0);
    // reshape of the permuted view to [B, -1] cannot be a view, so it copies in NHWC order.
    return nchw.transpose(0, 2, 3, 1).reshape(b, -1).reshape(b, s.get(2), s.get(3), s.get(1))
        .transpose(0, 3, 1, 2);
  }
}
