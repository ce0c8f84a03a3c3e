package org.linden.crypto.sign;

import java.util.Optional;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The 65-byte r‖s‖v signature that {@code eth_sign}, {@code personal_sign} and {@code
 * eth_signTypedData_v4} return, with v = 27 + recovery id as wallets and {@code ecrecover}
 * expect (not the 0/1 of typed transactions).
 */
public final class MessageSignature {
  /** Length of r‖s‖v. */
  public static final int SIZE = 65;

  private MessageSignature() {}

  /** Signs a 32-byte digest; the result is r‖s‖v with low s and v = 27 or 28. */
  public static Bytes sign(Hash digest, PrivateKey key) {
    return toBytes(Secp256k1.sign(digest, key));
  }

  /** r‖s‖v with v = 27 + recovery id. */
  public static Bytes toBytes(Signature signature) {
    return Bytes.concat(signature.r().toBytes32(), signature.s().toBytes32(),
        Bytes.of((byte) (27 + signature.recoveryId())));
  }

  /**
   * Reads r‖s‖v. v may be 27/28 or, as some hardware wallets write it, 0/1.
   *
   * @throws IllegalArgumentException if the length or v is wrong
   */
  public static Signature fromBytes(Bytes signature) {
    if (signature.size() != SIZE) {
      throw new IllegalArgumentException("a message signature is 65 bytes (r‖s‖v), got " + signature.size());
    }
    int v = signature.getUnsigned(64);
    int recoveryId = switch (v) {
      case 0, 1 -> v;
      case 27, 28 -> v - 27;
      default -> throw new IllegalArgumentException("signature v must be 27 or 28 (or 0/1), got " + v);
    };
    return new Signature(UInt256.fromBytes(signature.slice(0, 32)), UInt256.fromBytes(signature.slice(32, 32)),
        recoveryId);
  }

  /**
   * The address that signed {@code digest}, or empty if the signature matches no key. High s
   * is accepted, as {@code ecrecover} accepts it.
   *
   * @throws IllegalArgumentException if the signature is not 65 bytes or v is wrong
   */
  public static Optional<Address> recoverAddress(Hash digest, Bytes signature) {
    return Secp256k1.recover(digest, fromBytes(signature)).map(PublicKey::address);
  }
}
