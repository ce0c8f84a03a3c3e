package org.linden.crypto.keystore;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt for keystore files. BouncyCastle's {@link SCrypt} does the work, except where it
 * refuses parameters that geth (golang.org/x/crypto/scrypt) accepts: it enforces RFC 7914's
 * N &lt; 2^(16·r), so r = 1 with N ≥ 65536 is rejected, yet such files exist (the
 * KeyStoreTests fixture has one with N = 2^18, r = 1, p = 8). For that case the same
 * algorithm runs here, built from BouncyCastle's PBKDF2 and Salsa20 core; the bound is a
 * recommendation about the integerify step, not part of the computation.
 */
final class ScryptKdf {
  private static final int SALSA_ROUNDS = 8;

  private ScryptKdf() {}

  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
    if (r == 1 && n >= 65536) {
      return deriveDirect(password, salt, n, r, p, dkLen);
    }
    return SCrypt.generate(password, salt, n, r, p, dkLen);
  }

  /** scrypt without the RFC 7914 N bound; package-private so tests can hold it against BouncyCastle. */
  static byte[] deriveDirect(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
    int blockBytes = 128 * r;
    byte[] b = pbkdf2Once(password, salt, p * blockBytes);
    int[] x = new int[32 * r];
    int[] v = new int[32 * r * n];
    for (int i = 0; i < p; i++) {
      toInts(b, i * blockBytes, x);
      roMix(x, v, n, r);
      toBytes(x, b, i * blockBytes);
    }
    byte[] dk = pbkdf2Once(password, b, dkLen);
    Arrays.fill(b, (byte) 0);
    Arrays.fill(v, 0);
    Arrays.fill(x, 0);
    return dk;
  }

  /** RFC 7914 section 5: fill V with successive BlockMix outputs, then walk it pseudo-randomly. */
  private static void roMix(int[] x, int[] v, int n, int r) {
    int len = 32 * r;
    int[] y = new int[len];
    int[] t = new int[16];
    int[] s = new int[16];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, 0, v, i * len, len);
      blockMix(x, y, r, t, s);
    }
    int last = (2 * r - 1) * 16;
    for (int i = 0; i < n; i++) {
      // Integerify: the low word of the last 64-byte block; n is a power of two.
      int j = x[last] & (n - 1);
      int base = j * len;
      for (int k = 0; k < len; k++) {
        x[k] ^= v[base + k];
      }
      blockMix(x, y, r, t, s);
    }
  }

  /** RFC 7914 section 4: Salsa20/8 chained over the 2·r blocks, even outputs first, then odd. */
  private static void blockMix(int[] b, int[] y, int r, int[] t, int[] s) {
    System.arraycopy(b, (2 * r - 1) * 16, s, 0, 16);
    for (int i = 0; i < 2 * r; i++) {
      for (int k = 0; k < 16; k++) {
        t[k] = s[k] ^ b[i * 16 + k];
      }
      Salsa20Engine.salsaCore(SALSA_ROUNDS, t, s);
      int dest = ((i & 1) == 0 ? i / 2 : r + i / 2) * 16;
      System.arraycopy(s, 0, y, dest, 16);
    }
    System.arraycopy(y, 0, b, 0, y.length);
  }

  private static byte[] pbkdf2Once(byte[] password, byte[] salt, int length) {
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
    gen.init(password, salt, 1);
    return ((KeyParameter) gen.generateDerivedParameters(length * 8)).getKey();
  }

  private static void toInts(byte[] src, int offset, int[] dest) {
    for (int i = 0; i < dest.length; i++) {
      int o = offset + 4 * i;
      dest[i] = (src[o] & 0xff) | (src[o + 1] & 0xff) << 8 | (src[o + 2] & 0xff) << 16 | (src[o + 3] & 0xff) << 24;
    }
  }

  private static void toBytes(int[] src, byte[] dest, int offset) {
    for (int i = 0; i < src.length; i++) {
      int o = offset + 4 * i;
      dest[o] = (byte) src[i];
      dest[o + 1] = (byte) (src[i] >>> 8);
      dest[o + 2] = (byte) (src[i] >>> 16);
      dest[o + 3] = (byte) (src[i] >>> 24);
    }
  }
}
