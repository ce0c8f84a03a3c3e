package org.linden.chain.execution;

/**
 * A block that breaks a consensus rule. {@link #rule()} names the rule (for logs, peer
 * penalties and test reports); the message gives the values that broke it.
 */
public final class BlockValidationException extends Exception {
  private final String rule;

  public BlockValidationException(String rule, String message) {
    super(rule + ": " + message);
    this.rule = rule;
  }

  public BlockValidationException(String rule, String message, Throwable cause) {
    super(rule + ": " + message, cause);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
