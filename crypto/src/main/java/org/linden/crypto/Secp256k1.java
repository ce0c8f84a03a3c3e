package org.linden.crypto;

import java.util.Optional;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * secp256k1 signing, verification and public-key recovery on the native libsecp256k1
 * (through ACINQ's JNI binding). Signatures are produced deterministically (RFC 6979)
 * and always in low-s form.
 */
public final class Secp256k1 {
  /** The order n of the curve's base point. */
  public static final UInt256 ORDER =
      UInt256.fromBytes(Bytes.fromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
  /** n / 2, the largest s allowed by EIP-2. */
  public static final UInt256 HALF_ORDER =
      UInt256.fromBytes(Bytes.fromHex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0"));

  private static final fr.acinq.secp256k1.Secp256k1 NATIVE = NativeSecp256k1.get();

  private Secp256k1() {}

  static boolean isValidPrivateKey(Bytes key) {
    return key.size() == 32 && NATIVE.secKeyVerify(key.unsafeArray());
  }

  static PublicKey publicKeyOf(PrivateKey key) {
    byte[] uncompressed = NATIVE.pubkeyCreate(key.bytes().unsafeArray());
    return new PublicKey(Bytes.copyOf(uncompressed, 1, 64));
  }

  /** Signs a 32-byte message hash. */
  public static Signature sign(Hash message, PrivateKey key) {
    byte[] msg = message.bytes().unsafeArray();
    byte[] compact = NATIVE.sign(msg, key.bytes().unsafeArray(), null);
    byte[] pub = NATIVE.pubkeyCreate(key.bytes().unsafeArray());
    UInt256 r = UInt256.fromBytes(Bytes.copyOf(compact, 0, 32));
    UInt256 s = UInt256.fromBytes(Bytes.copyOf(compact, 32, 32));
    // The binding does not return the recovery id; find the one that gives our key back.
    for (int recId = 0; recId < 2; recId++) {
      byte[] recovered = NATIVE.ecdsaRecover(compact, msg, recId);
      if (java.util.Arrays.equals(recovered, pub)) {
        return new Signature(r, s, recId);
      }
    }
    throw new IllegalStateException("could not determine the recovery id of a fresh signature");
  }

  /**
   * Recovers the public key that produced {@code signature} over {@code message}, or
   * empty if r or s is out of range or no point matches. High s is accepted here: the
   * rules that forbid it belong to the caller (EIP-2 for transactions, not ecrecover).
   */
  public static Optional<PublicKey> recover(Hash message, Signature signature) {
    if (signature.recoveryId() > 1 || !inRange(signature.r()) || !inRange(signature.s())) {
      return Optional.empty();
    }
    byte[] compact = Bytes.concat(signature.r().toBytes32(), signature.s().toBytes32()).unsafeArray();
    try {
      byte[] pub = NATIVE.ecdsaRecover(compact, message.bytes().unsafeArray(), signature.recoveryId());
      return Optional.of(new PublicKey(Bytes.copyOf(pub, 1, 64)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Verifies a low-s signature against a public key. */
  public static boolean verify(Hash message, Signature signature, PublicKey key) {
    if (!signature.isLowS() || !inRange(signature.r()) || !inRange(signature.s())) {
      return false;
    }
    byte[] compact = Bytes.concat(signature.r().toBytes32(), signature.s().toBytes32()).unsafeArray();
    byte[] pub = Bytes.concat(Bytes.of((byte) 4), key.bytes()).unsafeArray();
    try {
      return NATIVE.verify(compact, message.bytes().unsafeArray(), pub);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean inRange(UInt256 v) {
    return !v.isZero() && UInt256.compareUnsigned(v, ORDER) < 0;
  }
}
