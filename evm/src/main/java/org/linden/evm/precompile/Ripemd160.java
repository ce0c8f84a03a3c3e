package org.linden.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * RIPEMD160 at 0x03: the RIPEMD-160 digest of the input, left-padded with zeros to a
 * 32-byte word. 600 gas plus 120 per 32-byte word.
 */
public final class Ripemd160 implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x03);

  private static final long BASE_GAS = 600;
  private static final long WORD_GAS = 120;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GasMath.add(BASE_GAS, GasMath.mul(WORD_GAS, GasMath.words(input.size())));
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    ripemd.update(input.unsafeArray(), 0, input.size());
    byte[] out = new byte[32];
    // The 20-byte digest goes into the low end of the word.
    ripemd.doFinal(out, 32 - ripemd.getDigestSize());
    return PrecompileResult.ok(Bytes.wrap(out));
  }
}
