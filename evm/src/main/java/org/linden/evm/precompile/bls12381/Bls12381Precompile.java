package org.linden.evm.precompile.bls12381;

import org.linden.evm.precompile.Precompile;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * Shared shape of the seven EIP-2537 precompiles: {@link #compute} works on the raw input and
 * signals bad input with {@link InvalidInputException}, which becomes a failed call here.
 */
abstract class Bls12381Precompile implements Precompile {
  @Override
  public final PrecompileResult run(Bytes input, Fork fork) {
    try {
      return PrecompileResult.ok(Bytes.wrap(compute(input.unsafeArray())));
    } catch (InvalidInputException e) {
      return PrecompileResult.failure(e.getMessage());
    }
  }

  /** The output for {@code input}, which must not be modified. */
  abstract byte[] compute(byte[] input) throws InvalidInputException;

  static void requireLength(byte[] input, int expected) throws InvalidInputException {
    if (input.length != expected) {
      throw new InvalidInputException(InvalidInputException.INVALID_LENGTH);
    }
  }

  /** For the variable-length calls: a positive whole number of {@code unit}-byte records. */
  static int requireRecords(byte[] input, int unit) throws InvalidInputException {
    if (input.length == 0 || input.length % unit != 0) {
      throw new InvalidInputException(InvalidInputException.INVALID_LENGTH);
    }
    return input.length / unit;
  }
}
