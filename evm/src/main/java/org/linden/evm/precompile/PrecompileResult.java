package org.linden.evm.precompile;

import org.linden.types.Bytes;

/**
 * The outcome of a precompile call: output on success; on failure the call consumes all
 * gas given to it and returns nothing. {@code reason} says why it failed, for traces.
 */
public record PrecompileResult(boolean success, Bytes output, String reason) {
  public static PrecompileResult ok(Bytes output) {
    return new PrecompileResult(true, output, null);
  }

  public static PrecompileResult failure(String reason) {
    return new PrecompileResult(false, Bytes.EMPTY, reason);
  }
}
