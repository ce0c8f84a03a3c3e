package org.linden.light;

/** An upstream server could not be reached or answered with a JSON-RPC error. */
public final class UpstreamException extends RuntimeException {
  private final int code;

  public UpstreamException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The JSON-RPC error code the server gave, or 0 when it could not be reached. */
  public int code() {
    return code;
  }
}
