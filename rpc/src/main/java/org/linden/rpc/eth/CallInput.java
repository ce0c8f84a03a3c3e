package org.linden.rpc.eth;

import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.StateReader;
import org.linden.evm.state.WorldState;

/**
 * Everything one call needs: the request, the block it runs in (overrides applied), the
 * state of the block it runs on, and the state overrides. Each {@link #newState()} is a
 * fresh, disposable state, so the gas estimator and the access-list builder can run the
 * same call many times from the same start.
 */
public record CallInput(CallRequest call, CallBlock block, StateReader base, StateOverrides overrides) {
  /** A new journaled state over the block's state with the overrides written in. */
  public WorldState newState() {
    JournaledWorldState state = new JournaledWorldState(base);
    overrides.applyTo(state);
    return state;
  }
}
