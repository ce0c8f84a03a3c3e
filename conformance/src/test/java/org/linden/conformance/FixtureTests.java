package org.linden.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Turns every case of the fixtures under a path into one JUnit dynamic test. */
final class FixtureTests {
  private FixtureTests() {}

  /**
   * One dynamic test per case. A missing fixture path, a file no runner recognises and an
   * empty set of cases are failures, never silent skips.
   */
  static Stream<DynamicTest> under(String relative) {
    return under(relative, null);
  }

  /** As {@link #under(String)}, running every file with {@code runner} (null: by format). */
  static Stream<DynamicTest> under(String relative, FixtureRunner runner) {
    Path base = Fixtures.require(relative);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Conformance.jsonFiles(base)) {
      String label = base.relativize(file).toString();
      List<CaseResult> results;
      try {
        results = runner == null
            ? Conformance.runFile(file, ForkFilter.ALL)
            : runner.run(file, Conformance.readJson(file), ForkFilter.ALL);
      } catch (RuntimeException e) {
        tests.add(DynamicTest.dynamicTest(label, () -> fail(e.getMessage(), e)));
        continue;
      }
      if (results.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(label, () -> fail(file + " produced no cases")));
      }
      for (CaseResult r : results) {
        String name = label + " :: " + r.name() + (r.fork() == null ? "" : " [" + r.fork() + "]");
        tests.add(DynamicTest.dynamicTest(name, () -> {
          if (r.status() == CaseResult.Status.FAIL) {
            fail(r.error());
          }
          if (r.status() == CaseResult.Status.SKIP) {
            fail("skipped: " + r.error());
          }
        }));
      }
    }
    return tests.stream();
  }
}
