package org.linden.evm.precompile;

import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/** IDENTITY at 0x04: returns its input unchanged. 15 gas plus 3 per 32-byte word. */
public final class Identity implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x04);

  private static final long BASE_GAS = 15;
  private static final long WORD_GAS = 3;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GasMath.add(BASE_GAS, GasMath.mul(WORD_GAS, GasMath.words(input.size())));
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    // Bytes is immutable, so the input itself is a safe output.
    return PrecompileResult.ok(input);
  }
}
