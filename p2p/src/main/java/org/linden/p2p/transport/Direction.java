package org.linden.p2p.transport;

/** Who opened a connection: the remote node ({@link #INBOUND}) or we ({@link #OUTBOUND}). */
public enum Direction {
  INBOUND,
  OUTBOUND
}
