package org.linden.evm.tracing;

/**
 * A tracer could not be built: its name is unknown or its configuration is malformed. The
 * message is fit to return to a JSON-RPC caller as it is.
 */
public final class TracerException extends IllegalArgumentException {
  /** Why the tracer could not be built. */
  public enum Reason {
    UNKNOWN_TRACER,
    INVALID_CONFIG
  }

  private final Reason reason;

  public TracerException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
