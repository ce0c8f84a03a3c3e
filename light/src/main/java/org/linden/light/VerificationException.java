package org.linden.light;

/** An upstream answer that did not verify; the message says what did not match. */
public final class VerificationException extends RuntimeException {
  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
