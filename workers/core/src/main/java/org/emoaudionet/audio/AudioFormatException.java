package org.emoaudionet.audio;

import java.io.IOException;

/** Audio that cannot be used: the message always names the file and the reason. */
public final class AudioFormatException extends IOException {
  public AudioFormatException(String source, String reason) {
    super(source + ": " + reason);
  }

  public AudioFormatException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
  }
}
