package org.linden.node;

import org.linden.crypto.keystore.KdfParams;
import picocli.CommandLine.Option;

/** {@code --light-kdf}: geth's cheaper scrypt cost, for test keys and small machines. */
final class KdfOption {
  @Option(
      names = "--light-kdf",
      description = "Use light scrypt parameters (n=4096, p=6: fast, weaker against guessing) "
          + "instead of the standard n=262144, r=8, p=1 (about 256 MiB and a second).")
  boolean light;

  KdfParams params() {
    return light ? KdfParams.scryptLight() : KdfParams.scryptStandard();
  }
}
