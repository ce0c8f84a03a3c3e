package org.linden.types;

import java.util.Locale;
import java.util.Optional;

/**
 * The execution-layer forks in activation order, so rules read as
 * {@code fork.isAtLeast(Fork.BERLIN)}. Names follow execution-specs; {@link #fromName}
 * also takes the aliases used by the test fixtures.
 */
public enum Fork {
  FRONTIER("Frontier"),
  HOMESTEAD("Homestead"),
  TANGERINE_WHISTLE("EIP150"),
  SPURIOUS_DRAGON("EIP158"),
  BYZANTIUM("Byzantium"),
  CONSTANTINOPLE("Constantinople"),
  PETERSBURG("ConstantinopleFix"),
  ISTANBUL("Istanbul"),
  BERLIN("Berlin"),
  LONDON("London"),
  PARIS("Paris"),
  SHANGHAI("Shanghai"),
  CANCUN("Cancun"),
  PRAGUE("Prague"),
  OSAKA("Osaka");

  private final String fixtureName;

  Fork(String fixtureName) {
    this.fixtureName = fixtureName;
  }

  /** The name the official fixtures use as a fork key. */
  public String fixtureName() {
    return fixtureName;
  }

  public boolean isAtLeast(Fork other) {
    return compareTo(other) >= 0;
  }

  public boolean isBefore(Fork other) {
    return compareTo(other) < 0;
  }

  /**
   * Resolves a fork name as written in fixtures, geth configs or on the command line
   * (case-insensitive; accepts aliases such as {@code EIP150}, {@code Merge}).
   */
  public static Optional<Fork> fromName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    return Optional.ofNullable(
        switch (n) {
          case "frontier" -> FRONTIER;
          case "homestead" -> HOMESTEAD;
          case "eip150", "tangerinewhistle", "tangerine" -> TANGERINE_WHISTLE;
          case "eip158", "spuriousdragon", "spurious" -> SPURIOUS_DRAGON;
          case "byzantium" -> BYZANTIUM;
          case "constantinople" -> CONSTANTINOPLE;
          case "constantinoplefix", "petersburg" -> PETERSBURG;
          case "istanbul" -> ISTANBUL;
          case "berlin" -> BERLIN;
          case "london" -> LONDON;
          case "paris", "merge" -> PARIS;
          case "shanghai" -> SHANGHAI;
          case "cancun" -> CANCUN;
          case "prague" -> PRAGUE;
          case "osaka" -> OSAKA;
          default -> null;
        });
  }
}
