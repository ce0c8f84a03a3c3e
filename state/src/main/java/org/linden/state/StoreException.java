package org.linden.state;

/** The store could not be read or written: an I/O failure, or the store is closed. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
