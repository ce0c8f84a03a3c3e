package org.linden.p2p.discovery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * A discovery endpoint {@code [ip, udp-port, tcp-port]}, with the IP as 4 or 16 bytes.
 * A TCP port of 0 means the node does not accept TCP connections (or, in a Ping's
 * {@code to}, that the sender does not know it).
 */
public record Endpoint(InetAddress ip, int udpPort, int tcpPort) {
  public Endpoint {
    if (ip == null) {
      throw new IllegalArgumentException("endpoint IP is null");
    }
    if (udpPort < 0 || udpPort > 65535 || tcpPort < 0 || tcpPort > 65535) {
      throw new IllegalArgumentException("endpoint ports must be in 0..65535");
    }
  }

  void writeTo(RlpWriter w) {
    w.startList().writeBytes(ip.getAddress()).writeLong(udpPort).writeLong(tcpPort).endList();
  }

  /** Reads {@code [ip, udp, tcp, ...]}; extra elements are ignored for forward compatibility. */
  static Endpoint readFrom(RlpReader r) {
    RlpReader list = r.readList();
    InetAddress ip = readIp(list);
    int udp = readPort(list);
    int tcp = readPort(list);
    return new Endpoint(ip, udp, tcp);
  }

  static InetAddress readIp(RlpReader r) {
    Bytes b = r.readBytes();
    if (b.size() != 4 && b.size() != 16) {
      throw new DiscoveryException(DiscoveryException.Reason.MALFORMED,
          "IP address must be 4 or 16 bytes, got " + b.size());
    }
    try {
      return InetAddress.getByAddress(b.toArray());
    } catch (UnknownHostException e) {
      throw new DiscoveryException(DiscoveryException.Reason.MALFORMED, "bad IP address", e);
    }
  }

  static int readPort(RlpReader r) {
    long v = readUnsigned(r);
    if (v < 0 || v > 65535) {
      throw new DiscoveryException(DiscoveryException.Reason.MALFORMED, "port " + Long.toUnsignedString(v) + " is above 65535");
    }
    return (int) v;
  }

  /**
   * Reads an unsigned integer of at most 8 bytes, accepting leading zero bytes. Strict
   * RLP forbids them, but ethereumjs writes ports as fixed 2-byte strings (so port 0 is
   * {@code 0x0000}) and the signature covers the bytes as sent, so tolerating them costs
   * nothing and keeps those peers reachable.
   */
  static long readUnsigned(RlpReader r) {
    Bytes b = r.readBytes();
    if (b.size() > 8) {
      throw new DiscoveryException(DiscoveryException.Reason.MALFORMED,
          "integer of " + b.size() + " bytes does not fit in 64 bits");
    }
    long v = 0;
    for (int i = 0; i < b.size(); i++) {
      v = (v << 8) | b.getUnsigned(i);
    }
    return v;
  }
}
