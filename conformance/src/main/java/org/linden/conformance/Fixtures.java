package org.linden.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared fixture tree: the {@code linden.fixtures} system property, the
 * {@code LINDEN_FIXTURES} environment variable, or {@code ../shared/fixtures}.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    String p = System.getProperty("linden.fixtures");
    if (p == null || p.isBlank()) {
      p = System.getenv("LINDEN_FIXTURES");
    }
    return Path.of(p == null || p.isBlank() ? "../shared/fixtures" : p).toAbsolutePath().normalize();
  }

  /**
   * A path under the fixture root that must exist; a missing fixture is an error that
   * says where it was looked for, never a silent skip.
   */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) {
      throw new IllegalStateException("fixture not found: " + path
          + " (set -Dlinden.fixtures or LINDEN_FIXTURES to the shared fixtures directory)");
    }
    return path;
  }
}
