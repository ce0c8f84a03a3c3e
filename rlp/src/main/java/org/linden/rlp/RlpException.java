package org.linden.rlp;

/**
 * Input that is not canonical RLP. {@link #reason()} says what is wrong and
 * {@link #offset()} where, counted in bytes from the start of the decoded input.
 */
public final class RlpException extends RuntimeException {
  /** The ways input can fail strict decoding. */
  public enum Reason {
    /** An item's declared length runs past the end of its enclosing input. */
    LENGTH_PAST_END,
    /** A length is not written in its shortest form. */
    NON_MINIMAL_LENGTH,
    /** A single byte below 0x80 is wrapped in a string prefix. */
    NON_CANONICAL_SINGLE_BYTE,
    /** An integer has leading zero bytes. */
    LEADING_ZEROS,
    /** Bytes remain after the last expected item. */
    TRAILING_BYTES,
    /** A list was found where a string was expected, or the other way round. */
    UNEXPECTED_TYPE,
    /** A value is too large for the type it is read into. */
    VALUE_TOO_LARGE,
    /** A read past the end of a list or the input. */
    NO_MORE_ITEMS,
    /** A string or list of a fixed size has a different size. */
    WRONG_SIZE
  }

  private final Reason reason;
  private final int offset;

  public RlpException(Reason reason, int offset, String detail) {
    super(detail + " (at byte " + offset + ")");
    this.reason = reason;
    this.offset = offset;
  }

  public Reason reason() {
    return reason;
  }

  public int offset() {
    return offset;
  }
}
