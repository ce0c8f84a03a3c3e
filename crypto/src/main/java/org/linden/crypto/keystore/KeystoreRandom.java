package org.linden.crypto.keystore;

import java.security.SecureRandom;

/** The one strong random source for salts, IVs and ids of new keystore files. */
final class KeystoreRandom {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeystoreRandom() {}

  static byte[] bytes(int length) {
    byte[] b = new byte[length];
    RANDOM.nextBytes(b);
    return b;
  }
}
