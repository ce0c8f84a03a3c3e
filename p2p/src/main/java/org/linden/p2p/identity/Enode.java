package org.linden.p2p.identity;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.linden.crypto.PublicKey;
import org.linden.types.Bytes;

/**
 * An {@code enode://<public key>@<ip>:<tcp port>?discport=<udp port>} URL, the form in
 * which bootnodes and static peers are configured. Only IP literals are accepted: a host
 * name would make parsing depend on DNS, which a configuration check must not do.
 * The {@code discport} parameter is printed only when the UDP port differs from the TCP
 * port, as geth does.
 */
public record Enode(PublicKey publicKey, InetAddress ip, int tcpPort, int udpPort) {
  private static final String SCHEME = "enode://";

  public Enode {
    if (publicKey == null || ip == null) {
      throw new IllegalArgumentException("enode needs a public key and an IP address");
    }
    checkPort("TCP", tcpPort);
    checkPort("UDP", udpPort);
  }

  /** An enode whose discovery (UDP) port is its TCP port. */
  public static Enode of(PublicKey publicKey, InetAddress ip, int port) {
    return new Enode(publicKey, ip, port, port);
  }

  /** The node id (keccak256 of the public key). */
  public NodeId nodeId() {
    return NodeId.of(publicKey);
  }

  /**
   * Parses an enode URL.
   *
   * @throws IllegalArgumentException naming the part of the URL that is wrong
   */
  public static Enode parse(String url) {
    if (url == null) {
      throw new IllegalArgumentException("enode URL is null");
    }
    String s = url.strip();
    if (!s.startsWith(SCHEME)) {
      throw bad(url, "must start with " + SCHEME);
    }
    s = s.substring(SCHEME.length());
    int at = s.indexOf('@');
    if (at < 0) {
      throw bad(url, "missing '@' between the node id and the address");
    }
    PublicKey key = parseKey(url, s.substring(0, at));
    String rest = s.substring(at + 1);
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String host;
    String portText;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
        throw bad(url, "an IPv6 address must be written as [address]:port");
      }
      host = rest.substring(1, close);
      portText = rest.substring(close + 2);
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon < 0) {
        throw bad(url, "missing ':<tcp port>' after the IP address");
      }
      host = rest.substring(0, colon);
      portText = rest.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw bad(url, "an IPv6 address must be written as [address]:port");
      }
    }
    InetAddress ip = parseIp(url, host);
    int tcp = parsePort(url, "TCP port", portText);
    int udp = tcp;
    if (query != null && !query.isEmpty()) {
      for (String param : query.split("&", -1)) {
        if (param.startsWith("discport=")) {
          udp = parsePort(url, "discport", param.substring("discport=".length()));
        } else {
          throw bad(url, "unknown query parameter '" + param + "' (only discport is defined)");
        }
      }
    }
    return new Enode(key, ip, tcp, udp);
  }

  private static PublicKey parseKey(String url, String hex) {
    if (hex.length() != 128) {
      throw bad(url, "the node id must be 128 hex characters (a 64-byte public key), got " + hex.length());
    }
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw bad(url, "the node id contains a non-hex character '" + hex.charAt(i) + "'");
      }
    }
    PublicKey key = new PublicKey(Bytes.fromHex(hex));
    if (!PublicKeys.isOnCurve(key)) {
      throw bad(url, "the node id is not a public key on secp256k1");
    }
    return key;
  }

  /** Parses an IPv4 dotted quad or an IPv6 literal without ever consulting DNS. */
  static InetAddress parseIp(String url, String host) {
    if (host.isEmpty()) {
      throw bad(url, "missing IP address");
    }
    boolean v6 = host.indexOf(':') >= 0;
    if (!v6 && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw bad(url, "'" + host + "' is not an IP address (host names are not accepted)");
    }
    if (v6 && !host.matches("[0-9A-Fa-f:.]+")) {
      throw bad(url, "'" + host + "' is not an IPv6 address");
    }
    if (!v6) {
      for (String part : host.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          throw bad(url, "'" + host + "' is not an IPv4 address: " + part + " > 255");
        }
      }
    }
    try {
      // Only literals reach this point, so getByName does not perform a lookup.
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw bad(url, "'" + host + "' is not an IP address");
    }
  }

  private static int parsePort(String url, String what, String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      throw bad(url, what + " '" + text + "' is not a number from 0 to 65535");
    }
    int port = Integer.parseInt(text);
    if (port > 65535) {
      throw bad(url, what + " " + port + " is above 65535");
    }
    return port;
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " port " + port + " is outside 0..65535");
    }
  }

  private static IllegalArgumentException bad(String url, String why) {
    return new IllegalArgumentException("invalid enode URL '" + url + "': " + why);
  }

  @Override
  public String toString() {
    String host = ip instanceof Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress();
    String s = SCHEME + publicKey.bytes().toUnprefixedHex() + "@" + host + ":" + tcpPort;
    return udpPort == tcpPort ? s : s + "?discport=" + udpPort;
  }
}
