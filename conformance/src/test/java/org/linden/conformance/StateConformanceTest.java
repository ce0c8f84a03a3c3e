package org.linden.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every post entry of every state test in the shared fixtures, each fork key present. */
class StateConformanceTest {
  @TestFactory
  Stream<DynamicTest> generalStateTests() {
    return FixtureTests.under("ethereum-tests/GeneralStateTests");
  }

  @TestFactory
  Stream<DynamicTest> executionSpecStateTests() {
    return FixtureTests.under("ethereum-tests/execution-spec-tests/state_tests");
  }
}
