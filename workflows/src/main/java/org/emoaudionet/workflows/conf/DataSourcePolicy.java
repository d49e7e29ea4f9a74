package org.emoaudionet.workflows.conf;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a run may make the worker read data from ({@code dataset_uri}, {@code import_model}, the
 * files a manifest CSV lists). Whoever may trigger a run must not be able to make the worker read
 * its own secrets ({@code file:///etc/passwd}) or fetch from networks only it can reach (the
 * cloud metadata service at {@code http://169.254.169.254/}).
 *
 * <ul>
 *   <li>{@code s3://}: the platform's own S3 (EMO_S3_ENDPOINT), any bucket, always allowed.
 *   <li>{@code https://}: any public host, or only the hosts in {@code EMO_DATA_HOSTS} when it
 *       is set. A host whose addresses are loopback, private, link-local, unspecified,
 *       multicast or reserved (IPv4-mapped IPv6 forms included) is refused unless it is listed.
 *   <li>{@code http://}: only for hosts listed in {@code EMO_DATA_HOSTS} (e.g. 127.0.0.1 for
 *       a test server): plain http to the internet can be altered on the way.
 *   <li>{@code file://} and plain paths: only inside the data roots ({@code EMO_DATA_ROOTS}),
 *       judged after symbolic links are resolved.
 *   <li>Any other scheme ({@code ftp:}, {@code gopher:}, {@code jar:}, {@code data:}, ...) is
 *       refused.
 * </ul>
 *
 * <p>The API checks a run's conf with it at trigger time ({@link ConfValidator}), so the refusal
 * is a 422 naming the field; the worker checks again right before it reads (a conf can reach a
 * worker without this API, and DNS answers change), and refuses with a non-retryable failure.
 */
public final class DataSourcePolicy {
  public static final String ROOTS_ENV = "EMO_DATA_ROOTS";
  public static final String HOSTS_ENV = "EMO_DATA_HOSTS";
  /** The bundled synthetic sample corpora, relative to the repository root. */
  static final String SAMPLES = "workers/samples";
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final String ALLOWED = "allowed are s3://, https://, http:// (only hosts in "
      + HOSTS_ENV + "), file:// and paths inside the data roots";

  /** A host name to all its addresses: {@link InetAddress#getAllByName}, or a stand-in in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A source this policy refuses; the message names the field, the value and the rule. */
  public static final class Refused extends IllegalArgumentException {
    public Refused(String message) {
      super(message);
    }
  }

  private final DataRoots roots;
  private final Set<String> hosts;
  private final Resolver resolver;

  /**
   * @param roots folders local data may come from
   * @param hosts the http(s) hosts data may come from; empty: any public host over https
   */
  public DataSourcePolicy(List<Path> roots, Collection<String> hosts, Resolver resolver) {
    this.roots = new DataRoots(roots);
    Set<String> h = new LinkedHashSet<>();
    for (String s : hosts) {
      String c = canonicalHost(s.trim());
      if (!c.isEmpty()) h.add(c);
    }
    this.hosts = Set.copyOf(h);
    this.resolver = resolver;
  }

  public static DataSourcePolicy of(List<Path> roots, Collection<String> hosts) {
    return new DataSourcePolicy(roots, hosts, InetAddress::getAllByName);
  }

  /** This process's policy: {@code EMO_DATA_ROOTS}, {@code EMO_DATA_HOSTS}, {@code EMO_HOME}. */
  public static DataSourcePolicy fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * {@code EMO_DATA_ROOTS} is a {@link File#pathSeparator}-separated list of folders (default:
   * the bundled sample corpora when this runs from a checkout, and {@code $EMO_HOME/data});
   * {@code EMO_DATA_HOSTS} a comma-separated list of host names or addresses (default: none
   * listed, so any public host over https).
   */
  public static DataSourcePolicy fromEnv(Map<String, String> env) {
    String rootList = env.get(ROOTS_ENV);
    List<Path> roots = new ArrayList<>();
    if (rootList != null && !rootList.isBlank()) {
      for (String r : rootList.split(Pattern.quote(File.pathSeparator))) {
        if (!r.isBlank()) roots.add(Path.of(r.trim()));
      }
    } else {
      roots.addAll(defaultRoots(Path.of(env.getOrDefault("EMO_HOME", ".emo"))));
    }
    String hostList = env.getOrDefault(HOSTS_ENV, "");
    return of(roots, Arrays.asList(hostList.split(",")));
  }

  /** The bundled samples (found above the working directory, as in a checkout) and home/data. */
  public static List<Path> defaultRoots(Path emoHome) {
    List<Path> out = new ArrayList<>();
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve(SAMPLES))) {
        out.add(d.resolve(SAMPLES));
        break;
      }
    }
    out.add(emoHome.toAbsolutePath().normalize().resolve("data"));
    return List.copyOf(out);
  }

  public List<Path> roots() {
    return roots.paths();
  }

  public Set<String> hosts() {
    return hosts;
  }

  /**
   * Checks a source as named in a conf (the API at trigger time, the worker before it fetches): a
   * local path is judged where it would lead on this machine even if it does not exist here, and
   * a host name that does not resolve here is let through (the worker's fetcher resolves it
   * through {@link #addresses} and decides).
   *
   * @throws Refused naming {@code field}, the value and the rule it breaks
   */
  public void check(String field, String value) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) throw refused(field, value, "is empty: name a path or URI");
    String scheme = scheme(v);
    if (scheme == null || scheme.equals("file")) {
      localPath(field, v);
      return;
    }
    switch (scheme) {
      case "s3" -> {
        if (!v.regionMatches(true, 0, "s3://", 0, 5)) {
          throw refused(field, v, "is not an s3://bucket/key URI");
        }
      }
      case "http", "https" -> {
        String host = host(field, v);
        checkUrl(field, v, scheme, host);
        if (!hosts.contains(canonicalHost(host))) {
          try {
            addresses(field, v, host);
          } catch (UnknownHostException e) {
            // this machine cannot resolve it; the worker resolves it again before connecting
          }
        }
      }
      default -> throw refused(field, v, "uses scheme '" + scheme + ":', which is not a data"
          + " source; " + ALLOWED);
    }
  }

  /**
   * The real path (links resolved) of a plain path or {@code file:} URI, when it is inside a data
   * root. A worker reads that path, not the one it was given: links are followed once, here.
   * (Whoever may write inside a root could still swap a folder for a link between this check and
   * the read; the roots are the operator's folders.)
   *
   * @throws Refused when it is no local path, outside every root, or cannot be resolved
   */
  public Path localPath(String field, String value) {
    String v = value.trim();
    String scheme = scheme(v);
    if (scheme != null && !scheme.equals("file")) {
      throw refused(field, v, "is not a local path or file: URI (scheme '" + scheme + ":')");
    }
    Path p;
    try {
      p = scheme != null ? Path.of(new URI(v)) : Path.of(v);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw refused(field, v, "is not a local path or file:///absolute/path URI ("
          + e.getMessage() + ")");
    }
    return insideRoots(field + " '" + v + "'", p);
  }

  /**
   * {@code path}'s real path when it is inside a data root.
   *
   * @param what how a refusal names it, e.g. {@code dataset_uri '/d/m.csv': line 3 lists 'x.wav'}
   */
  public Path insideRoots(String what, Path path) {
    Path real;
    try {
      real = DataRoots.real(path.toAbsolutePath());
    } catch (IOException e) {
      throw new Refused(what + " cannot be checked against the data roots (" + rootsSetting()
          + "): " + e.getMessage());
    }
    if (roots.contains(real)) return real;
    String resolved = real.equals(path.toAbsolutePath()) ? ""
        : "; it resolves to " + real;
    throw new Refused(what + " is outside the data roots (" + rootsSetting() + ")" + resolved
        + "; put the data under a root or add its folder to " + ROOTS_ENV);
  }

  /**
   * Checks the scheme and host of an http(s) URL about to be fetched (the first one, and each
   * redirect): the allow-list, plain http only for listed hosts, and an IP-address host's
   * address. A host name's addresses are checked by {@link #addresses} when they are looked up.
   *
   * @param shown the URL as a refusal names it
   */
  public void checkUrl(String field, String shown, String scheme, String host) {
    String s = scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("http") && !s.equals("https")) {
      throw refused(field, shown, "uses scheme '" + s + ":', which is not a data source; "
          + ALLOWED);
    }
    String h = canonicalHost(host);
    if (h.isEmpty()) throw refused(field, shown, "names no host");
    boolean listed = hosts.contains(h);
    if (!hosts.isEmpty() && !listed) {
      throw refused(field, shown, "names host '" + host + "', which is not in the allowed data"
          + " hosts (" + hostsSetting() + ")");
    }
    if (s.equals("http") && !listed) {
      throw refused(field, shown, "uses plain http://, which only hosts listed in " + HOSTS_ENV
          + " may serve (" + hostsSetting() + "); use https://");
    }
    if (!listed) {
      InetAddress literal = literal(field, shown, h);
      if (literal != null) checkAddress(field, shown, host, literal, false);
    }
  }

  /**
   * Every address of {@code host}, each checked: what a fetcher connects to, so the addresses
   * checked are the ones used (a second lookup could answer differently: DNS rebinding).
   *
   * @throws Refused when one of them is not public and the host is not listed
   */
  public List<InetAddress> addresses(String field, String shown, String host)
      throws UnknownHostException {
    String h = canonicalHost(host);
    InetAddress[] all = resolver.resolve(h);
    if (!hosts.contains(h)) {
      boolean named = literal(field, shown, h) == null;
      for (InetAddress a : all) checkAddress(field, shown, host, a, named);
    }
    return List.of(all);
  }

  private void checkAddress(String field, String shown, String host, InetAddress a,
      boolean resolved) {
    String why = PublicAddresses.whyNotPublic(a);
    if (why == null) return;
    throw refused(field, shown, "names host '" + host + "', "
        + (resolved ? "which resolves to " + a.getHostAddress() + ", " : "") + why
        + ", not a public address; a host on such a network must be listed in " + HOSTS_ENV);
  }

  /** {@code "EMO_DATA_ROOTS=/a:/b"}, as refusals quote it. */
  public String rootsSetting() {
    return ROOTS_ENV + "=" + roots.paths().stream().map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }

  private String hostsSetting() {
    return hosts.isEmpty() ? HOSTS_ENV + " is empty" : HOSTS_ENV + "=" + String.join(",", hosts);
  }

  /** The scheme in lower case, or null for a plain path. */
  static String scheme(String value) {
    Matcher m = SCHEME.matcher(value);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static String host(String field, String url) {
    try {
      String h = new URI(url).getHost();
      if (h != null && !h.isEmpty()) return h;
    } catch (URISyntaxException e) {
      throw refused(field, url, "is not a valid URL (" + e.getMessage() + ")");
    }
    throw refused(field, url, "names no host that can be read (letters, digits, '-' and '.')");
  }

  /** Lower case, no brackets or final dot; an IP address in Java's one spelling of it. */
  static String canonicalHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    if (looksLiteral(h)) {
      try {
        return InetAddress.getByName(h).getHostAddress(); // a literal: parsed, never looked up
      } catch (UnknownHostException e) {
        return h;
      }
    }
    return h;
  }

  /** An IP address written as one (IPv6 has ':', IPv4 only digits and dots), else null. */
  private static InetAddress literal(String field, String shown, String host) {
    if (!looksLiteral(host)) return null;
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw refused(field, shown, "names host '" + host + "', which is not a valid IP address");
    }
  }

  private static boolean looksLiteral(String h) {
    return h.contains(":")
        || !h.isEmpty() && h.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
  }

  private static Refused refused(String field, String value, String rule) {
    return new Refused(field + " '" + value + "' " + rule);
  }
}
