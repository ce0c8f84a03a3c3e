package org.linden.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class KeyStoreConformanceTest {
  @TestFactory
  Stream<DynamicTest> keyStoreTests() {
    return FixtureTests.under("ethereum-tests/KeyStoreTests");
  }
}
