package org.emoaudionet.model;

import ai.djl.engine.Engine;

/**
 * PyTorch's autograd switch is per thread and starts ON in every new thread; DJL turns it off only
 * on the thread that loaded the engine, and its gradient collector restores the thread's previous
 * value on close. On a pooled thread (a Temporal activity executor) it therefore stays on, and the
 * optimiser's in-place update of a parameter fails ("a leaf Variable that requires grad is being
 * used in an in-place operation"). Training and inference call {@link #off()} on their own thread.
 */
public final class GradMode {
  private GradMode() {}

  public static void off() {
    if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
      ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }
  }
}
