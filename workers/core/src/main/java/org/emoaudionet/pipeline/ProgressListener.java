package org.emoaudionet.pipeline;

/** Long work reports here: a CLI draws a bar, a Temporal activity heartbeats. */
@FunctionalInterface
public interface ProgressListener {
  /** {@code done} of {@code total} units of {@code stage} finished; {@code detail} may be empty. */
  void progress(String stage, long done, long total, String detail);

  ProgressListener NONE = (s, d, t, x) -> {};
}
