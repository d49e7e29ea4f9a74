package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 JSON Web Tokens (RFC 7519), written out because the format is ten lines. */
@ApplicationScoped
public class JwtCodec {
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private static final String HEADER = ENC.encodeToString(
      "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  @Inject Credentials credentials;
  @Inject ApiSettings settings;
  @Inject ObjectMapper json;
  /** The time source; a test sets its own to see a token expire. */
  InstantSource clock = InstantSource.system();

  /**
   * A token for {@code subject} valid for {@code emo.jwt.expiry-seconds} (EMO_JWT_EXPIRY_SECONDS;
   * default 86400, Airflow 3's {@code [api_auth] jwt_expiration_time}).
   */
  public String issue(String subject) {
    return issue(subject, settings.jwtExpirySeconds());
  }

  /** A token for {@code subject} valid for {@code lifetimeSeconds}. */
  public String issue(String subject, long lifetimeSeconds) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject);
    claims.put("iss", "emo-api");
    claims.put("iat", now);
    claims.put("nbf", now);
    claims.put("exp", now + lifetimeSeconds);
    try {
      String payload = ENC.encodeToString(json.writeValueAsBytes(claims));
      String signingInput = HEADER + "." + payload;
      return signingInput + "." + ENC.encodeToString(sign(signingInput));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The subject of a valid, unexpired token; empty for anything else. */
  public Optional<String> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) return Optional.empty();
    try {
      JsonNode header = json.readTree(DEC.decode(parts[0]));
      if (!"HS256".equals(header.path("alg").asText())) return Optional.empty();
      byte[] expected = sign(parts[0] + "." + parts[1]);
      if (!MessageDigest.isEqual(expected, DEC.decode(parts[2]))) return Optional.empty();
      JsonNode claims = json.readTree(DEC.decode(parts[1]));
      long now = clock.instant().getEpochSecond();
      if (!claims.path("exp").canConvertToLong() || claims.get("exp").asLong() <= now) {
        return Optional.empty();
      }
      if (claims.has("nbf") && claims.get("nbf").asLong() > now + 60) return Optional.empty();
      String sub = claims.path("sub").asText("");
      return sub.isEmpty() ? Optional.empty() : Optional.of(sub);
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(credentials.jwtKey(), "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
