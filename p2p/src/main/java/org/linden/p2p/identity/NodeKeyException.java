package org.linden.p2p.identity;

/** The node key file cannot be read, written or parsed; the message names the file. */
public final class NodeKeyException extends RuntimeException {
  public NodeKeyException(String message) {
    super(message);
  }

  public NodeKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
