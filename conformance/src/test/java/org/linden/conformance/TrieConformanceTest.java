package org.linden.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class TrieConformanceTest {
  @TestFactory
  Stream<DynamicTest> trieTests() {
    return FixtureTests.under("ethereum-tests/TrieTests");
  }
}
