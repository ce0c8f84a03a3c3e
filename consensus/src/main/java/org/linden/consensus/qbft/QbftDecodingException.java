package org.linden.consensus.qbft;

/** Bytes that are not a well-formed QBFT message or extraData. */
public final class QbftDecodingException extends RuntimeException {
  public QbftDecodingException(String message) {
    super(message);
  }

  public QbftDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
