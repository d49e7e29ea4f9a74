package org.emoaudionet.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where networks run: the first GPU when DJL's engine sees one, else the CPU. */
public final class Devices {
  private Devices() {}

  public static Device preferred() {
    return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
