package org.linden.crypto.sign;

/**
 * Typed data that cannot be hashed under EIP-712: malformed JSON, an unknown type, a missing
 * field, a value of the wrong kind or out of range. The message starts with where the problem
 * is, e.g. {@code message.to[0].wallet: ...}, so that an RPC error can show it as it is.
 */
public final class TypedDataException extends IllegalArgumentException {
  private final String location;

  public TypedDataException(String location, String problem) {
    super(location + ": " + problem);
    this.location = location;
  }

  /** Where in the typed data the problem is, e.g. {@code types.Mail[1].type} or {@code message.to}. */
  public String location() {
    return location;
  }
}
