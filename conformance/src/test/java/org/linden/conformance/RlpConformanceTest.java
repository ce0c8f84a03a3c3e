package org.linden.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class RlpConformanceTest {
  @TestFactory
  Stream<DynamicTest> rlpTests() {
    return FixtureTests.under("ethereum-tests/RLPTests");
  }
}
