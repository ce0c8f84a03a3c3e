package org.linden.p2p.rlpx;

import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;

/**
 * Disconnect (0x01): the peer is about to close the connection.
 *
 * @param reason why
 */
public record Disconnect(DisconnectReason reason) implements P2pMessage {
  @Override
  public int code() {
    return DISCONNECT;
  }

  /** rlp [reason]. */
  @Override
  public byte[] encode() {
    return new RlpWriter().startList().writeLong(reason.code()).endList().toBytes().toArray();
  }

  /**
   * Accepts [reason], a bare reason, and an empty list or string (reason 0): clients
   * in the wild send all of these.
   */
  static Disconnect decode(byte[] payload) {
    RlpReader reader = RlpReader.of(payload);
    if (reader.isDone()) {
      return new Disconnect(DisconnectReason.REQUESTED);
    }
    if (reader.nextIsList()) {
      RlpReader list = reader.readList();
      return new Disconnect(DisconnectReason.of(list.isDone() ? 0 : list.readLong()));
    }
    return new Disconnect(DisconnectReason.of(reader.readLong()));
  }
}
