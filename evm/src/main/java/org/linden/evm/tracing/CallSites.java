package org.linden.evm.tracing;

import org.linden.evm.Frame;
import org.linden.evm.Message;
import org.linden.evm.state.WorldState;

/**
 * Pairs call-like steps with the frames they start. A step is captured before it runs;
 * if it runs without halting, the next frame to start is its child. If instead the same
 * frame goes on (or ends), the call failed before its frame could start, and the site is
 * handed back so the tracer can report it the way geth does.
 */
final class CallSites {
  private final WorldState state;
  private CallSite captured;
  private CallSite pending;

  CallSites(WorldState state) {
    this.state = state;
  }

  /** Before a step: returns a call site whose frame never started, or null; then captures this step. */
  CallSite beforeStep(Frame frame, int op) {
    CallSite failed = pending;
    pending = null;
    captured = CallSite.capture(frame, op, state);
    return failed;
  }

  /** After a step: a captured call that did not halt now waits for its frame. */
  void afterStep(Frame frame, long gasCost, String error) {
    if (captured != null && error == null) {
      captured.stepDone(frame, gasCost);
      pending = captured;
    }
    captured = null;
  }

  /** The call site that started this frame, or null for the top-level message. */
  CallSite enterFrame(Message message) {
    CallSite site = pending;
    pending = null;
    return site;
  }

  /** A frame ends: its last step's call site if that call never started a frame, or null. */
  CallSite exitFrame() {
    CallSite failed = pending;
    pending = null;
    return failed;
  }
}
