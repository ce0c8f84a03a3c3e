package org.linden.p2p.rlpx;

/** Ping (0x02): asks the peer for a Pong; its payload is the empty list. */
public record Ping() implements P2pMessage {
  /** The only Ping there is. */
  public static final Ping INSTANCE = new Ping();

  @Override
  public int code() {
    return PING;
  }

  @Override
  public byte[] encode() {
    return new byte[] {(byte) 0xc0};
  }
}
