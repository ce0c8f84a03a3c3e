package org.linden.p2p.transport;

import org.linden.p2p.rlpx.Capability;

/**
 * A sub-protocol version offered in Hello, for example {@code eth/68} with 17 message
 * codes. To offer several versions of one protocol, register one {@code Protocol} per
 * version (they may share a handler); the highest version both sides know is the one
 * that runs, and the handler is told which in
 * {@link ProtocolHandler#onConnect(Peer, Capability)}.
 *
 * @param capability name and version
 * @param messageCount how many message codes this version reserves on the wire
 * @param handler receives the protocol's messages
 */
public record Protocol(Capability capability, int messageCount, ProtocolHandler handler) {
  public Protocol {
    if (capability == null || handler == null) {
      throw new IllegalArgumentException("a protocol needs a capability and a handler");
    }
    if (messageCount < 1) {
      throw new IllegalArgumentException("a protocol needs at least one message code");
    }
  }

  /** Shorthand for {@code new Protocol(new Capability(name, version), messageCount, handler)}. */
  public static Protocol of(String name, int version, int messageCount, ProtocolHandler handler) {
    return new Protocol(new Capability(name, version), messageCount, handler);
  }
}
