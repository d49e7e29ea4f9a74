package org.emoaudionet.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Inverted dropout (Srivastava et al. 2014, as Keras and PyTorch apply it: each value kept with
 * probability 1 - rate and scaled by 1 / (1 - rate) in training, the identity otherwise) whose mask
 * is drawn on JVM threads ({@link DropoutMask}) instead of by PyTorch's {@code bernoulli_}.
 *
 * <p>Why: {@code bernoulli_} on the CPU fills the mask on one thread at about 15 ns a value; it was
 * 31 % of a {@code small} training step and 19 % of a {@code paper} step, whose first dropout masks
 * 8 x 128 x 224 x 224 = 51 M values ({@code ./emo bench --profile}). The mask here is one seed drawn
 * from the engine's generator (so {@code Engine.setRandomSeed}, which the trainer calls per epoch,
 * still makes a run reproducible, and a resumed run draws the same masks), expanded in parallel by a
 * counter-based stream, written straight into a direct buffer that PyTorch reads without a copy,
 * and applied by one multiplication. On a GPU it calls PyTorch's dropout.
 *
 * <p>It keeps DJL {@code Dropout}'s encoding (version 2, no parameters), so parameter files saved
 * before it load unchanged.
 */
public final class SeededDropout extends AbstractBlock {
  /** DJL's {@code ai.djl.nn.norm.Dropout} encoding version. */
  private static final byte VERSION = 2;

  private final float rate;
  /** The last mask's buffer, reused once the array that aliases it is closed. */
  private ByteBuffer buffer;
  private NDArray lastMask;

  public SeededDropout(float rate) {
    super(VERSION);
    if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    this.rate = rate;
  }

  public float rate() {
    return rate;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (!training || rate == 0f) return inputs;
    // On a GPU PyTorch's own kernel is fast, and a mask made here would cross the bus.
    if (x.getDevice().isGpu()) return Dropout.dropout(x, rate, true);
    NDManager manager = x.getManager();
    // One draw from the engine's generator seeds the whole mask.
    long seed = manager.randomInteger(0, Long.MAX_VALUE, new Shape(1), DataType.INT64).toLongArray()[0];
    long n = x.getShape().size();
    NDArray mask = manager.create(fill(n, seed), x.getShape(), DataType.FLOAT32);
    if (x.getDataType() != DataType.FLOAT32) mask = mask.toType(x.getDataType(), false);
    lastMask = mask;
    return new NDList(x.mul(mask));
  }

  /**
   * A buffer holding the mask; PyTorch aliases it (no copy), so the previous one is reused only
   * when its array has been released.
   */
  private synchronized ByteBuffer fill(long n, long seed) {
    long bytes = n * Float.BYTES;
    if (bytes > Integer.MAX_VALUE) throw new IllegalArgumentException("dropout input of " + n + " values is too large");
    boolean reusable = buffer != null && buffer.capacity() == bytes
        && (lastMask == null || lastMask.isReleased());
    if (!reusable) buffer = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    DropoutMask.fill(buffer, (int) n, 1f - rate, seed);
    buffer.rewind();
    return buffer;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
    if (loadVersion == version) {
      readInputShapes(is);
    } else if (loadVersion != 1) {
      throw new MalformedModelException("Unsupported encoding version: " + loadVersion);
    }
  }
}
