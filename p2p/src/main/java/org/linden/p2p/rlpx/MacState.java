package org.linden.p2p.rlpx;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * A running keccak-256 state, the form RLPx's egress and ingress MACs take: it keeps
 * absorbing bytes for the life of the connection, and its current digest is read
 * without finalising the state.
 */
public final class MacState {
  private final KeccakDigest digest;

  /** A state that has absorbed {@code initial}. */
  public MacState(byte[] initial) {
    this.digest = new KeccakDigest(256);
    update(initial);
  }

  /** Absorbs {@code data}. */
  public void update(byte[] data) {
    digest.update(data, 0, data.length);
  }

  /** The keccak-256 of everything absorbed so far; the state itself continues. */
  public byte[] digest() {
    KeccakDigest snapshot = new KeccakDigest(digest);
    byte[] out = new byte[32];
    snapshot.doFinal(out, 0);
    return out;
  }
}
