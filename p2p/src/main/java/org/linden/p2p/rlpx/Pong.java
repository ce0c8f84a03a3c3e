package org.linden.p2p.rlpx;

/** Pong (0x03): the answer to a Ping; its payload is the empty list. */
public record Pong() implements P2pMessage {
  /** The only Pong there is. */
  public static final Pong INSTANCE = new Pong();

  @Override
  public int code() {
    return PONG;
  }

  @Override
  public byte[] encode() {
    return new byte[] {(byte) 0xc0};
  }
}
