package org.linden.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256). */
public final class Keccak {
  /** keccak256 of the empty string. */
  public static final Hash EMPTY_HASH = hash256(Bytes.EMPTY);
  /** keccak256(rlp([])), the hash of an empty uncle list. */
  public static final Hash EMPTY_LIST_HASH = hash256(Bytes.of((byte) 0xc0));

  private Keccak() {}

  public static Hash hash256(Bytes input) {
    return Hash.wrap(digest(input.unsafeArray(), 0, input.size()));
  }

  public static Hash hash256(byte[] input) {
    return Hash.wrap(digest(input, 0, input.length));
  }

  public static byte[] digest(byte[] input, int offset, int length) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(input, offset, length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
