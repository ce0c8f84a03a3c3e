package org.linden.p2p.rlpx;

import java.util.Arrays;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.types.Bytes;

/**
 * secp256k1 Diffie-Hellman returning the raw x coordinate of the shared point, which is
 * what RLPx and its ECIES use. libsecp256k1's own {@code ecdh} hashes the point with
 * SHA-256, so the point is computed with a public-key tweak multiplication instead.
 */
public final class Ecdh {
  private static final fr.acinq.secp256k1.Secp256k1 NATIVE = org.linden.crypto.NativeSecp256k1.get();

  private Ecdh() {}

  /** x(privateKey · publicKey), 32 bytes. */
  public static byte[] agree(PrivateKey privateKey, PublicKey publicKey) {
    byte[] point = Bytes.concat(Bytes.of((byte) 4), publicKey.bytes()).toArray();
    byte[] product;
    try {
      product = NATIVE.pubKeyTweakMul(point, privateKey.bytes().toArray());
    } catch (RuntimeException e) {
      throw new RlpxException(Reason.INVALID_PUBLIC_KEY, "not a secp256k1 point", e);
    }
    // Compressed (33) or uncompressed (65) serialisation: either way x follows the prefix byte.
    return Arrays.copyOfRange(product, 1, 33);
  }

  /** Parses a 65-byte uncompressed point (0x04‖X‖Y), checking that it is on the curve. */
  static PublicKey parseUncompressed(byte[] data, int offset) {
    if (data[offset] != 4) {
      throw new RlpxException(Reason.INVALID_PUBLIC_KEY, "expected an uncompressed point");
    }
    return checked(Bytes.copyOf(data, offset + 1, 64));
  }

  /** Wraps 64 bytes X‖Y as a public key after checking that the point is on the curve. */
  static PublicKey checked(Bytes xy) {
    if (xy.size() != 64) {
      throw new RlpxException(Reason.INVALID_PUBLIC_KEY, "a public key is 64 bytes, got " + xy.size());
    }
    try {
      NATIVE.pubkeyParse(Bytes.concat(Bytes.of((byte) 4), xy).toArray());
    } catch (RuntimeException e) {
      throw new RlpxException(Reason.INVALID_PUBLIC_KEY, "not a secp256k1 point", e);
    }
    return new PublicKey(xy);
  }
}
