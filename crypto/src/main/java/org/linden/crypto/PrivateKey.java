package org.linden.crypto;

import java.security.SecureRandom;
import org.linden.types.Address;
import org.linden.types.Bytes;

/** A secp256k1 private key: 32 bytes, non-zero and below the curve order. */
public final class PrivateKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Bytes bytes;

  private PrivateKey(Bytes bytes) {
    this.bytes = bytes;
  }

  public static PrivateKey of(Bytes bytes) {
    if (bytes.size() != 32) {
      throw new IllegalArgumentException("a private key is 32 bytes, got " + bytes.size());
    }
    if (!Secp256k1.isValidPrivateKey(bytes)) {
      throw new IllegalArgumentException("private key is zero or not below the secp256k1 order");
    }
    return new PrivateKey(bytes);
  }

  public static PrivateKey fromHex(String hex) {
    return of(Bytes.fromHex(hex));
  }

  /** A fresh key from a cryptographically strong random source. */
  public static PrivateKey random() {
    while (true) {
      byte[] b = new byte[32];
      RANDOM.nextBytes(b);
      Bytes candidate = Bytes.wrap(b);
      if (Secp256k1.isValidPrivateKey(candidate)) {
        return new PrivateKey(candidate);
      }
    }
  }

  public Bytes bytes() {
    return bytes;
  }

  public PublicKey publicKey() {
    return Secp256k1.publicKeyOf(this);
  }

  public Address address() {
    return publicKey().address();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrivateKey k && bytes.equals(k.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  /** Never prints the key itself. */
  @Override
  public String toString() {
    return "PrivateKey[" + address() + "]";
  }
}
