package org.linden.p2p.rlpx;

/**
 * A capability both peers run on a connection, with the message-id range it owns.
 *
 * @param capability name and the version agreed on
 * @param offset first message id of this capability on the wire
 * @param messageCount number of ids it reserves
 */
public record SharedCapability(Capability capability, int offset, int messageCount) {
  /** Whether wire message id {@code id} belongs to this capability. */
  public boolean owns(int id) {
    return id >= offset && id < offset + messageCount;
  }
}
