package org.emoaudionet.workflows.conf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which IP addresses are on the public internet. A data set URL that reaches anything else
 * (the cloud metadata service at 169.254.169.254, a database on 10.0.0.5, the worker's own
 * loopback) would let whoever triggers a run read what only the worker can reach, so such
 * addresses are refused unless an operator lists the host in {@code EMO_DATA_HOSTS}.
 */
final class PublicAddresses {
  private PublicAddresses() {}

  /** An IPv4 range that is not public, with the words a refusal names it by. */
  private record Range(long net, long mask, String why) {
    static Range of(String dotted, int bits, String why) {
      return new Range(toLong(dotted), (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL, why);
    }
  }

  private static final Range[] IPV4 = {
    Range.of("0.0.0.0", 8, "an unspecified (\"this network\") address (0.0.0.0/8)"),
    Range.of("10.0.0.0", 8, "a private address (10.0.0.0/8)"),
    Range.of("100.64.0.0", 10, "a carrier-grade NAT address (100.64.0.0/10)"),
    Range.of("127.0.0.0", 8, "a loopback address (127.0.0.0/8)"),
    Range.of("169.254.0.0", 16, "a link-local address (169.254.0.0/16, cloud metadata services)"),
    Range.of("172.16.0.0", 12, "a private address (172.16.0.0/12)"),
    Range.of("192.0.0.0", 24, "an IETF protocol address (192.0.0.0/24)"),
    Range.of("192.168.0.0", 16, "a private address (192.168.0.0/16)"),
    Range.of("198.18.0.0", 15, "a benchmarking address (198.18.0.0/15)"),
    Range.of("224.0.0.0", 4, "a multicast address (224.0.0.0/4)"),
    Range.of("240.0.0.0", 4, "a reserved or broadcast address (240.0.0.0/4)"),
  };

  /**
   * Why {@code a} is not a public address, or null when it is. IPv6 forms that carry an IPv4
   * address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
   * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address inside, so
   * {@code ::ffff:127.0.0.1} is loopback like {@code 127.0.0.1}.
   */
  static String whyNotPublic(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 4 ? ipv4(b) : ipv6(b);
  }

  private static String ipv4(byte[] b) {
    long v = (b[0] & 0xFFL) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    for (Range r : IPV4) {
      if ((v & r.mask()) == r.net()) return r.why();
    }
    return null;
  }

  private static String ipv6(byte[] b) {
    boolean zero10 = allZero(b, 0, 10);
    if (zero10 && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
      return embedded(b, 12, "IPv4-mapped");
    }
    if (allZero(b, 0, 16)) return "the unspecified address (::)";
    if (allZero(b, 0, 15) && b[15] == 1) return "the loopback address (::1)";
    if (zero10 && b[10] == 0 && b[11] == 0) return embedded(b, 12, "IPv4-compatible");
    if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
        && (b[3] & 0xFF) == 0x9B && allZero(b, 4, 12)) {
      return embedded(b, 12, "NAT64");
    }
    if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) return embedded(b, 2, "6to4");
    int first = b[0] & 0xFF;
    int second = b[1] & 0xFF;
    if (first == 0xFE && (second & 0xC0) == 0x80) return "a link-local address (fe80::/10)";
    if (first == 0xFE && (second & 0xC0) == 0xC0) return "a site-local address (fec0::/10)";
    if ((first & 0xFE) == 0xFC) return "a unique local (private) address (fc00::/7)";
    if (first == 0xFF) return "a multicast address (ff00::/8)";
    if (first == 0x01 && second == 0x00 && allZero(b, 2, 8)) {
      return "a discard-only address (100::/64)";
    }
    return null;
  }

  /** The IPv4 address at {@code off} judged; a public one inside keeps the IPv6 form public. */
  private static String embedded(byte[] b, int off, String form) {
    String why = ipv4(new byte[] {b[off], b[off + 1], b[off + 2], b[off + 3]});
    return why == null ? null : "the " + form + " IPv6 form of " + why;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }

  private static long toLong(String dotted) {
    try {
      byte[] b = ((Inet4Address) InetAddress.getByName(dotted)).getAddress(); // a literal: no DNS
      return (b[0] & 0xFFL) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(dotted, e);
    }
  }
}
