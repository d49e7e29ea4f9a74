package org.emoaudionet.api;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who made this request, as {@link BearerAuthFilter} verified it: resources read the user from
 * here instead of decoding the Authorization header again. Null on the public endpoints.
 */
@RequestScoped
public class CurrentUser {
  private String name;

  void set(String name) {
    this.name = name;
  }

  /** The JWT's subject, or null where no token was needed. */
  public String name() {
    return name;
  }
}
