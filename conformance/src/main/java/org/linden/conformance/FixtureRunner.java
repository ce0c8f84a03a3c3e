package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one fixture format. The format is recognised from the file's content, never from
 * its name, so a fixture works wherever it is stored.
 */
public interface FixtureRunner {
  /** The suite name reported in results, e.g. {@code RLPTests}. */
  String suite();

  /** True if {@code root} (the parsed file) is in this runner's format. */
  boolean recognizes(JsonNode root);

  /**
   * Runs every case of the file. With a fork filter, cases of other forks are left out;
   * cases of forks Linden does not implement are reported as skipped.
   */
  List<CaseResult> run(Path file, JsonNode root, ForkFilter forks);
}
