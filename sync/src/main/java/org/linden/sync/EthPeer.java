package org.linden.sync;

import org.linden.sync.eth.EthMessage;

/**
 * A connected peer that speaks {@code eth}, as the sync code sees it: an id and a way to
 * send a message. The transport implements it over its session (encoding with
 * {@link EthMessage#encode()} and the message code) and feeds the peer's decoded responses
 * back into the downloaders. Sending never blocks and never throws; a message to a peer
 * that is gone is dropped.
 */
public interface EthPeer {
  /** A stable id for logs and bookkeeping (the node id in hex, for instance). */
  String id();

  void send(EthMessage message);
}
