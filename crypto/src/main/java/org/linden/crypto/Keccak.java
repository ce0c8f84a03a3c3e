package org.linden.crypto;

import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256), on our own
 * allocation-light Keccak-f[1600] (checked against BouncyCastle's in the tests).
 */
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
    if (offset < 0 || length < 0 || offset + length > input.length) {
      throw new IndexOutOfBoundsException("range " + offset + "+" + length + " of " + input.length + " bytes");
    }
    byte[] out = new byte[32];
    KeccakF1600.keccak256(input, offset, length, out, 0);
    return out;
  }
}
