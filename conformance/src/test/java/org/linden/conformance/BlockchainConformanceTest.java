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

  /** The same fixtures through the node's on-disk chain: flat state, tries by path, diffs, reorgs. */
  @TestFactory
  Stream<DynamicTest> blockchainTestsOnThePersistentChain() {
    return FixtureTests.under("ethereum-tests/BlockchainTests", new BlockchainTestRunner(true));
  }

  @TestFactory
  Stream<DynamicTest> executionSpecBlockchainTestsOnThePersistentChain() {
    return FixtureTests.under("ethereum-tests/execution-spec-tests/blockchain_tests", new BlockchainTestRunner(true));
  }
}
