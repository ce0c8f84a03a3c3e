package org.linden.crypto.keystore;

/**
 * Upper bounds on the KDF cost of a keystore file that is about to be opened. A file is
 * outside input: without bounds a crafted one could ask for gigabytes of memory or hours
 * of work before the password is even checked.
 *
 * @param maxScryptN largest scrypt n
 * @param maxScryptMemoryBytes largest scrypt memory, 128 · r · n bytes
 * @param maxScryptWork largest n · r · p, which the scrypt time is proportional to
 * @param maxPbkdf2Iterations largest PBKDF2 iteration count c
 */
public record KdfLimits(int maxScryptN, long maxScryptMemoryBytes, long maxScryptWork, int maxPbkdf2Iterations) {
  /**
   * n ≤ 2^20, memory ≤ 1 GiB, n·r·p ≤ 2^25 (16 times geth's standard), c ≤ 2^24: every
   * file written by geth, clef, ethers, web3.js or MyCrypto opens.
   */
  public static final KdfLimits DEFAULT = new KdfLimits(1 << 20, 1L << 30, 1L << 25, 1 << 24);

  /** Throws if {@code kdf} costs more than these limits allow; the error names the field. */
  public void check(KdfParams kdf) throws InvalidKeystoreException {
    switch (kdf) {
      case KdfParams.Scrypt s -> checkScrypt(s);
      case KdfParams.Pbkdf2 p -> {
        if (p.c() > maxPbkdf2Iterations) {
          throw new InvalidKeystoreException("crypto.kdfparams.c",
              p.c() + " PBKDF2 iterations exceed the limit of " + maxPbkdf2Iterations + " for keystore files");
        }
      }
    }
  }

  private void checkScrypt(KdfParams.Scrypt s) throws InvalidKeystoreException {
    if (s.n() > maxScryptN) {
      throw new InvalidKeystoreException("crypto.kdfparams.n",
          "scrypt n = " + s.n() + " exceeds the limit of " + maxScryptN + " for keystore files");
    }
    if (s.memoryBytes() > maxScryptMemoryBytes) {
      throw new InvalidKeystoreException("crypto.kdfparams.r",
          "scrypt would need " + mib(s.memoryBytes()) + " MiB of memory (128·r·n with r = " + s.r()
              + ", n = " + s.n() + "), over the limit of " + mib(maxScryptMemoryBytes) + " MiB");
    }
    long work = (long) s.n() * s.r() * s.p();
    if (work > maxScryptWork) {
      throw new InvalidKeystoreException("crypto.kdfparams.p",
          "scrypt cost n·r·p = " + work + " exceeds the limit of " + maxScryptWork + " for keystore files");
    }
  }

  private static long mib(long bytes) {
    return bytes >> 20;
  }
}
