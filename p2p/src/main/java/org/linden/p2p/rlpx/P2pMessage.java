package org.linden.p2p.rlpx;

import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.rlp.RlpException;

/**
 * A message of the devp2p base protocol, which owns message ids 0x00–0x0f on every
 * connection; sub-protocols start at 0x10.
 */
public sealed interface P2pMessage permits Hello, Disconnect, Ping, Pong {
  int HELLO = 0x00;
  int DISCONNECT = 0x01;
  int PING = 0x02;
  int PONG = 0x03;
  /** The first message id available to sub-protocols. */
  int BASE_PROTOCOL_LENGTH = 0x10;

  /** This message's id. */
  int code();

  /** The RLP payload, without the message id. */
  byte[] encode();

  /**
   * Decodes a base-protocol payload. Unknown ids within the base range and malformed
   * payloads are {@link Reason#MALFORMED_MESSAGE}.
   */
  static P2pMessage decode(int code, byte[] payload) {
    try {
      return switch (code) {
        case HELLO -> Hello.decode(payload);
        case DISCONNECT -> Disconnect.decode(payload);
        case PING -> Ping.INSTANCE;
        case PONG -> Pong.INSTANCE;
        default -> throw new RlpxException(Reason.MALFORMED_MESSAGE, "unknown base protocol message 0x" + Integer.toHexString(code));
      };
    } catch (RlpException | IllegalArgumentException e) {
      throw new RlpxException(Reason.MALFORMED_MESSAGE, "bad payload for message 0x" + Integer.toHexString(code), e);
    }
  }
}
