package org.linden.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class KeyAddrConformanceTest {
  @TestFactory
  Stream<DynamicTest> keyAddrTests() {
    return FixtureTests.under("ethereum-tests/BasicTests/keyaddrtest.json");
  }
}
