package org.linden.p2p.identity;

import org.linden.crypto.PublicKey;
import org.linden.types.Bytes;

/**
 * Conversions between the 64-byte X‖Y public key form used by discovery v4 and the
 * 33-byte compressed form used by node records, with curve-membership checks: a key
 * taken from the wire must be a real point before anything is derived from it.
 */
public final class PublicKeys {
  private static final fr.acinq.secp256k1.Secp256k1 NATIVE = org.linden.crypto.NativeSecp256k1.get();

  private PublicKeys() {}

  /** True if the 64 bytes are the coordinates of a point on secp256k1. */
  public static boolean isOnCurve(PublicKey key) {
    try {
      NATIVE.pubkeyParse(Bytes.concat(Bytes.of((byte) 4), key.bytes()).unsafeArray());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The 33-byte compressed form (0x02 or 0x03, then X). */
  public static Bytes compress(PublicKey key) {
    return Bytes.wrap(NATIVE.pubKeyCompress(Bytes.concat(Bytes.of((byte) 4), key.bytes()).unsafeArray()));
  }

  /**
   * Decompresses a 33-byte key.
   *
   * @throws IllegalArgumentException if the bytes are not a compressed point on the curve
   */
  public static PublicKey decompress(Bytes compressed) {
    if (compressed.size() != 33 || (compressed.get(0) != 2 && compressed.get(0) != 3)) {
      throw new IllegalArgumentException("a compressed public key is 33 bytes starting with 02 or 03");
    }
    byte[] full;
    try {
      full = NATIVE.pubkeyParse(compressed.unsafeArray());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("compressed public key is not a point on secp256k1");
    }
    return new PublicKey(Bytes.copyOf(full, 1, 64));
  }
}
