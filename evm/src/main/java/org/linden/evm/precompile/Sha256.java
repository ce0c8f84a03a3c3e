package org.linden.evm.precompile;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/** SHA256 at 0x02: the SHA-256 digest of the input. 60 gas plus 12 per 32-byte word. */
public final class Sha256 implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x02);

  private static final long BASE_GAS = 60;
  private static final long WORD_GAS = 12;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GasMath.add(BASE_GAS, GasMath.mul(WORD_GAS, GasMath.words(input.size())));
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    return PrecompileResult.ok(Bytes.wrap(digest(input.unsafeArray(), 0, input.size())));
  }

  /** SHA-256 of a slice; shared with the KZG precompile, which hashes the commitment. */
  static byte[] digest(byte[] data, int offset, int length) {
    SHA256Digest sha = new SHA256Digest();
    sha.update(data, offset, length);
    byte[] out = new byte[sha.getDigestSize()];
    sha.doFinal(out, 0);
    return out;
  }
}
