package org.emoaudionet.stack;

import java.time.Duration;
import java.util.Optional;

/** A Temporal server run elsewhere ({@code EMO_TEMPORAL=external}): only checked, never stopped. */
final class ExternalTemporal implements TemporalServer {
  private final String address;

  private ExternalTemporal(String address) {
    this.address = address;
  }

  static ExternalTemporal connect(String address, String namespace) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("EMO_TEMPORAL=external needs EMO_TEMPORAL_ADDRESS "
          + "(host:port of the Temporal frontend)");
    }
    TemporalServer.awaitReady(address, namespace, true, Duration.ofSeconds(30), null);
    return new ExternalTemporal(address);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public Optional<String> uiUrl() {
    return Optional.empty();
  }

  @Override
  public String limitations() {
    return "";
  }

  @Override
  public void close() {}
}
