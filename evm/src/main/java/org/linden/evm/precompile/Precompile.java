package org.linden.evm.precompile;

import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * A precompiled contract: a function at a fixed address with its own gas rule. The
 * interpreter charges {@link #gas} first; if the caller cannot pay, the call fails with
 * all its gas consumed and {@link #run} is never invoked.
 */
public interface Precompile {
  /**
   * The gas this call costs. Implementations saturate at {@link Long#MAX_VALUE} rather
   * than overflow, so a huge input is simply unaffordable.
   */
  long gas(Bytes input, Fork fork);

  /** Runs the precompile on input whose gas has been paid. Invalid input is a failure, never an exception. */
  PrecompileResult run(Bytes input, Fork fork);
}
