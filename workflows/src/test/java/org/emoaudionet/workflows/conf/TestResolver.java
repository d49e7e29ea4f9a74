package org.emoaudionet.workflows.conf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Host names answered from a table instead of DNS, so no test looks anything up on the network;
 * IP-address hosts are parsed as {@link InetAddress} parses them (no lookup either).
 */
final class TestResolver {
  private TestResolver() {}

  /** @param table host name to the addresses (IP literals) it resolves to */
  static DataSourcePolicy.Resolver of(Map<String, String[]> table) {
    return host -> {
      String[] answer = table.get(host);
      if (answer == null) {
        if (host.contains(":") || host.matches("[0-9.]+")) return InetAddress.getAllByName(host);
        throw new UnknownHostException(host + " (not in the test's table)");
      }
      InetAddress[] out = new InetAddress[answer.length];
      for (int i = 0; i < answer.length; i++) out[i] = InetAddress.getByName(answer[i]);
      return out;
    };
  }
}
