package org.linden.crypto.keystore;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.linden.types.Bytes;

/**
 * The key-derivation function of a keystore file and its parameters: turns a password
 * into the derived key whose first 16 bytes are the AES key and whose next 16 bytes
 * authenticate the ciphertext.
 */
public sealed interface KdfParams permits KdfParams.Scrypt, KdfParams.Pbkdf2 {
  /** The smallest derived key that holds the AES key and the MAC key. */
  int MIN_DKLEN = 32;
  /** No writer uses more; a larger value only costs time. */
  int MAX_DKLEN = 64;

  /** geth's standard scrypt cost: n = 2^18, r = 8, p = 1 (256 MiB, about a second). */
  static Scrypt scryptStandard() {
    return scrypt(1 << 18, 8, 1);
  }

  /** geth's {@code --lightkdf} scrypt cost: n = 2^12, r = 8, p = 6 (4 MiB, fast). */
  static Scrypt scryptLight() {
    return scrypt(1 << 12, 8, 6);
  }

  /** scrypt with a fresh random 32-byte salt and a 32-byte derived key. */
  static Scrypt scrypt(int n, int r, int p) {
    return new Scrypt(n, r, p, MIN_DKLEN, randomSalt());
  }

  /** PBKDF2-HMAC-SHA256 with {@code c} iterations and a fresh random 32-byte salt. */
  static Pbkdf2 pbkdf2(int c) {
    return new Pbkdf2(c, MIN_DKLEN, randomSalt());
  }

  /** The name written in the file's {@code crypto.kdf} field. */
  String name();

  /** The derived-key length in bytes ({@code dklen}). */
  int dklen();

  /** The salt, any length. */
  Bytes salt();

  /** Derives the key from the password's bytes (UTF-8, as geth does). */
  byte[] deriveKey(byte[] password);

  private static Bytes randomSalt() {
    return Bytes.wrap(KeystoreRandom.bytes(32));
  }

  /**
   * scrypt (RFC 7914). {@code n} must be a power of two above 1; the memory used is
   * 128 · r · n bytes and the time grows with n · r · p.
   */
  record Scrypt(int n, int r, int p, int dklen, Bytes salt) implements KdfParams {
    public Scrypt {
      if (n < 2 || Integer.bitCount(n) != 1) {
        throw new IllegalArgumentException("n must be a power of two above 1, got " + n);
      }
      if (r < 1 || p < 1) {
        throw new IllegalArgumentException("r and p must be at least 1, got r=" + r + " p=" + p);
      }
      // RFC 7914 bounds r·p below 2^30; the working array of 32·r·n ints must fit a Java array.
      if ((long) r * p >= 1L << 30 || (long) n * r > 1L << 26) {
        throw new IllegalArgumentException("r·p or n·r too large (n=" + n + " r=" + r + " p=" + p + ")");
      }
      checkDklen(dklen);
      if (salt == null) {
        throw new IllegalArgumentException("salt is missing");
      }
    }

    @Override
    public String name() {
      return "scrypt";
    }

    /** Bytes of memory the derivation needs: 128 · r · n. */
    public long memoryBytes() {
      return 128L * r * n;
    }

    @Override
    public byte[] deriveKey(byte[] password) {
      return ScryptKdf.derive(password, salt.toArray(), n, r, p, dklen);
    }
  }

  /** PBKDF2 with HMAC-SHA256 ({@code prf: "hmac-sha256"}, the only PRF the format defines). */
  record Pbkdf2(int c, int dklen, Bytes salt) implements KdfParams {
    /** The only PRF name the format defines. */
    public static final String PRF = "hmac-sha256";

    public Pbkdf2 {
      if (c < 1) {
        throw new IllegalArgumentException("c (iterations) must be at least 1, got " + c);
      }
      checkDklen(dklen);
      if (salt == null) {
        throw new IllegalArgumentException("salt is missing");
      }
    }

    @Override
    public String name() {
      return "pbkdf2";
    }

    @Override
    public byte[] deriveKey(byte[] password) {
      PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
      gen.init(password, salt.toArray(), c);
      return ((KeyParameter) gen.generateDerivedParameters(dklen * 8)).getKey();
    }
  }

  private static void checkDklen(int dklen) {
    if (dklen < MIN_DKLEN || dklen > MAX_DKLEN) {
      throw new IllegalArgumentException(
          "dklen must be " + MIN_DKLEN + ".." + MAX_DKLEN + " bytes, got " + dklen);
    }
  }
}
