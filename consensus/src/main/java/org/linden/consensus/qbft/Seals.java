package org.linden.consensus.qbft;

import java.util.Optional;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** 65-byte r‖s‖v signatures (v = recovery id 0 or 1), as Besu puts them on the wire and in headers. */
final class Seals {
  static final int SIZE = 65;

  private Seals() {}

  static Bytes encode(Signature signature) {
    return signature.toBytes();
  }

  static Signature decode(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new QbftDecodingException("a signature has 65 bytes, got " + bytes.size());
    }
    int v = bytes.getUnsigned(64);
    if (v > 1) {
      throw new QbftDecodingException("signature recovery id must be 0 or 1, got " + v);
    }
    return new Signature(UInt256.fromBytes(bytes.slice(0, 32)), UInt256.fromBytes(bytes.slice(32, 32)), v);
  }

  /**
   * The signer of {@code hash}, or empty for a malformed signature. High-s signatures are
   * refused so that one signer cannot produce two encodings of the same seal (malleability
   * would defeat duplicate suppression).
   */
  static Optional<Address> recover(Hash hash, Signature signature) {
    if (!signature.isLowS()) {
      return Optional.empty();
    }
    return Secp256k1.recover(hash, signature).map(k -> k.address());
  }
}
