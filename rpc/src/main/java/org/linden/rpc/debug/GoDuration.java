package org.linden.rpc.debug;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a duration written as Go's {@code time.ParseDuration} writes it ({@code "5s"},
 * {@code "300ms"}, {@code "1m30s"}, {@code "1.5h"}), because that is the form geth's trace
 * options take for {@code timeout} and the form clients therefore send.
 */
final class GoDuration {
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "\u00b5s", 1_000L,
      "\u03bcs", 1_000L,
      "ms", 1_000_000L,
      "s", 1_000_000_000L,
      "m", 60_000_000_000L,
      "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * The duration {@code text} names.
   *
   * @throws IllegalArgumentException with a message fit for the caller, for text that is
   *     not a duration, a negative one, or one too long to count in nanoseconds
   */
  static Duration parse(String text) {
    String s = text.startsWith("+") ? text.substring(1) : text;
    if (s.startsWith("-")) {
      throw new IllegalArgumentException("negative duration " + quote(text));
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      Long unit = NANOS_PER_UNIT.get(s.substring(unitStart, i));
      if (unit == null || number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text);
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("duration " + quote(text) + " is too long");
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid duration " + quote(text)
        + "; write it as Go does, e.g. \"5s\", \"500ms\" or \"1m30s\"");
  }

  private static String quote(String text) {
    return '"' + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + '"';
  }
}
