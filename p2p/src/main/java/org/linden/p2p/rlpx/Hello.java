package org.linden.p2p.rlpx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.linden.crypto.PublicKey;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;

/**
 * Hello (0x00): the first framed message each side sends.
 *
 * @param protocolVersion devp2p version; 5 means Snappy-compressed messages after Hello
 * @param clientId free-form client name
 * @param capabilities sub-protocols offered
 * @param listenPort TCP port advertised (0 now that discovery carries endpoints)
 * @param nodeId the sender's static public key, which must match the handshake's
 */
public record Hello(int protocolVersion, String clientId, List<Capability> capabilities, int listenPort, PublicKey nodeId)
    implements P2pMessage {
  /** The devp2p version we speak. */
  public static final int VERSION = 5;
  /** The lowest devp2p version at which messages after Hello are Snappy-compressed. */
  public static final int SNAPPY_VERSION = 5;

  public Hello {
    capabilities = List.copyOf(capabilities);
  }

  /** Our Hello: version {@link #VERSION}, listen port 0. */
  public static Hello of(String clientId, List<Capability> capabilities, PublicKey nodeId) {
    return new Hello(VERSION, clientId, capabilities, 0, nodeId);
  }

  /** Whether messages after this pair of Hellos are compressed. */
  public static boolean snappyBetween(Hello local, Hello remote) {
    return local.protocolVersion() >= SNAPPY_VERSION && remote.protocolVersion() >= SNAPPY_VERSION;
  }

  @Override
  public int code() {
    return HELLO;
  }

  @Override
  public byte[] encode() {
    RlpWriter w = new RlpWriter().startList().writeLong(protocolVersion).writeBytes(clientId.getBytes(StandardCharsets.UTF_8));
    w.startList();
    for (Capability c : capabilities) {
      w.startList().writeBytes(c.name().getBytes(StandardCharsets.US_ASCII)).writeLong(c.version()).endList();
    }
    w.endList();
    return w.writeLong(listenPort).writeBytes(nodeId.bytes()).endList().toBytes().toArray();
  }

  /** Decodes a Hello, ignoring extra list elements and extra capability fields (EIP-8). */
  static Hello decode(byte[] payload) {
    RlpReader list = RlpReader.of(payload).readList();
    int version = list.readInt();
    String clientId = new String(list.readBytes().toArray(), StandardCharsets.UTF_8);
    RlpReader caps = list.readList();
    List<Capability> capabilities = new ArrayList<>();
    while (!caps.isDone()) {
      RlpReader cap = caps.readList();
      capabilities.add(new Capability(new String(cap.readBytes().toArray(), StandardCharsets.US_ASCII), cap.readInt()));
    }
    int port = list.readInt();
    PublicKey id = new PublicKey(list.readBytes(64));
    return new Hello(version, clientId, capabilities, port, id);
  }
}
