package org.linden.crypto;

import org.linden.types.Address;
import org.linden.types.Bytes;

/** A secp256k1 public key as the 64 bytes X‖Y (the uncompressed form without its 0x04). */
public record PublicKey(Bytes bytes) {
  public PublicKey {
    if (bytes.size() != 64) {
      throw new IllegalArgumentException("a public key is 64 bytes, got " + bytes.size());
    }
  }

  /** The account address: the last 20 bytes of keccak256(X‖Y). */
  public Address address() {
    return Address.wrap(Keccak.hash256(bytes).bytes().slice(12, 20));
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
