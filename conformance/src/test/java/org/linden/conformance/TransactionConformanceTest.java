package org.linden.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class TransactionConformanceTest {
  @TestFactory
  Stream<DynamicTest> transactionTests() {
    return FixtureTests.under("ethereum-tests/TransactionTests");
  }
}
