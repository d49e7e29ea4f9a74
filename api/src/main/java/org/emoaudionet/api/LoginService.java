package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.emoaudionet.api.AirflowModels.Token;

/** A login: throttled per user and address, checked against the credentials, a JWT issued. */
@ApplicationScoped
public class LoginService {
  @Inject Credentials credentials;
  @Inject JwtCodec jwt;
  @Inject LoginThrottle throttle;

  /** @param address the client's address (null when unknown): failures back off per address too */
  Token login(LoginRequest req, String address, long lifetimeSeconds) {
    String user = req.username();
    // Checked before the password, so that a guess during the back-off learns nothing.
    var wait = throttle.retryAfter(user, address);
    if (wait.isPresent()) {
      throw ApiException.tooManyRequests("Too many failed logins; try again in " + wait.get()
          + " s", wait.get());
    }
    if (!credentials.matches(user, req.password())) {
      throttle.failed(user, address);
      throw new ApiException(401, "Invalid credentials");
    }
    throttle.succeeded(user, address);
    return new Token(jwt.issue(user, lifetimeSeconds));
  }
}
