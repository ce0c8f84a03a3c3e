package org.linden.sync.download;

/**
 * Told when a peer sent data that cannot be right (a body that does not match its header, a
 * header chain that does not link); the node disconnects the peer and may remember it. The
 * downloader has already stopped using the peer when this is called.
 */
@FunctionalInterface
public interface PeerReporter {
  void misbehaved(String peerId, String reason);
}
