package org.linden.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every blockchain test in the shared fixtures: ethereum/tests and execution-spec-tests. */
class BlockchainConformanceTest {
  @TestFactory
  Stream<DynamicTest> blockchainTests() {
    return FixtureTests.under("ethereum-tests/BlockchainTests");
  }

  @TestFactory
  Stream<DynamicTest> executionSpecBlockchainTests() {
    return FixtureTests.under("ethereum-tests/execution-spec-tests/blockchain_tests");
  }
}
