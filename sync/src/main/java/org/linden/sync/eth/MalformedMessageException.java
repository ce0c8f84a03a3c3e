package org.linden.sync.eth;

/**
 * An {@code eth} message payload that does not decode: not canonical RLP, the wrong shape,
 * a field out of range, or a message code the negotiated version does not have. The
 * message and field are named so that a disconnect can say exactly what the peer got
 * wrong. A peer that sends one should be disconnected.
 */
public final class MalformedMessageException extends Exception {
  private final String messageName;
  private final String field;

  public MalformedMessageException(String messageName, String field, String detail) {
    this(messageName, field, detail, null);
  }

  public MalformedMessageException(String messageName, String field, String detail, Throwable cause) {
    super(messageName + "." + field + ": " + detail, cause);
    this.messageName = messageName;
    this.field = field;
  }

  /** The message as the spec names it, e.g. {@code BlockHeaders}. */
  public String messageName() {
    return messageName;
  }

  /** The path of the offending field inside the message, e.g. {@code headers[3]}. */
  public String field() {
    return field;
  }
}
