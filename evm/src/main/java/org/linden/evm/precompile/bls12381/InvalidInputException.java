package org.linden.evm.precompile.bls12381;

/**
 * Rejected precompile input. Thrown from deep inside decoding and turned into a
 * {@code PrecompileResult.failure} at the precompile boundary, so it never escapes the package.
 * The reasons reuse go-ethereum's wording, which the EIP's failure vectors quote.
 */
final class InvalidInputException extends Exception {
  static final String INVALID_LENGTH = "invalid input length";
  static final String TOP_BYTES = "invalid field element top bytes";
  static final String NOT_CANONICAL = "invalid fp.Element encoding";
  static final String NOT_ON_CURVE = "invalid point: not on curve";
  static final String G1_NOT_IN_SUBGROUP = "g1 point is not in the correct subgroup";
  static final String G2_NOT_IN_SUBGROUP = "g2 point is not in the correct subgroup";

  InvalidInputException(String reason) {
    // No stack trace: this is ordinary control flow for bad input, not a bug.
    super(reason, null, false, false);
  }
}
