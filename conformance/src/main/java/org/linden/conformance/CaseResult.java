package org.linden.conformance;

/**
 * The outcome of one fixture case. {@code fork} is null for suites without forks;
 * {@code error} is null when the case passed.
 */
public record CaseResult(String name, String suite, String fork, Status status, String error) {
  /** Pass, fail, or skipped because the case is for a fork Linden does not implement. */
  public enum Status {
    PASS,
    FAIL,
    SKIP
  }

  public static CaseResult pass(String name, String suite, String fork) {
    return new CaseResult(name, suite, fork, Status.PASS, null);
  }

  public static CaseResult fail(String name, String suite, String fork, String error) {
    return new CaseResult(name, suite, fork, Status.FAIL, error == null ? "failed" : error);
  }

  public static CaseResult skip(String name, String suite, String fork, String why) {
    return new CaseResult(name, suite, fork, Status.SKIP, why);
  }

  /** Runs {@code check}; an exception or an {@link AssertionError} becomes a failure. */
  public static CaseResult of(String name, String suite, String fork, Check check) {
    try {
      String problem = check.run();
      return problem == null ? pass(name, suite, fork) : fail(name, suite, fork, problem);
    } catch (Exception | AssertionError | StackOverflowError e) {
      String msg = e.getMessage();
      return fail(name, suite, fork, e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg));
    }
  }

  /** A check that returns null when the case passes, or what went wrong. */
  @FunctionalInterface
  public interface Check {
    String run() throws Exception;
  }

  public boolean passed() {
    return status == Status.PASS;
  }
}
