package org.linden.p2p.rlpx;

/** The reason codes of the devp2p Disconnect message. */
public enum DisconnectReason {
  REQUESTED(0x00),
  TCP_ERROR(0x01),
  PROTOCOL_BREACH(0x02),
  USELESS_PEER(0x03),
  TOO_MANY_PEERS(0x04),
  ALREADY_CONNECTED(0x05),
  INCOMPATIBLE_VERSION(0x06),
  NULL_IDENTITY(0x07),
  CLIENT_QUITTING(0x08),
  UNEXPECTED_IDENTITY(0x09),
  SELF_CONNECTION(0x0a),
  PING_TIMEOUT(0x0b),
  SUBPROTOCOL_ERROR(0x10);

  private final int code;

  DisconnectReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The reason for {@code code}; codes nobody defined count as a subprotocol error ("other"). */
  public static DisconnectReason of(long code) {
    for (DisconnectReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return SUBPROTOCOL_ERROR;
  }
}
