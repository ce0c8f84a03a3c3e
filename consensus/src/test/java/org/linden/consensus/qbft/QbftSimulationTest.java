package org.linden.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;

/** Four validators in a simulated network; every scenario prints its seed on failure. */
class QbftSimulationTest {
  private static final QbftConfig CONFIG = new QbftConfig(1_000, 200, 10, 10, 30, 1_000);
  private static final long HOUR = 3_600_000;

  private static SimNetwork network(long seed) {
    return new SimNetwork(4, seed, CONFIG);
  }

  private static void assertSameChains(SimNetwork net, long upTo) {
    for (long h = 1; h <= upTo; h++) {
      Block reference = null;
      for (int i = 0; i < net.size(); i++) {
        Block b = net.chains.get(i).get(h);
        if (b == null || net.crashed[i]) {
          continue;
        }
        if (reference == null) {
          reference = b;
        }
        assertEquals(QbftHashing.blockHash(reference.header()), QbftHashing.blockHash(b.header()), net.describe());
        assertTrue(HeaderVerifier.verifySeals(b.header(), net.validators), net.describe());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void honestValidatorsCommitASequenceOfHeights(long seed) {
    SimNetwork net = network(seed);
    net.start();
    assertTrue(net.runUntil(() -> net.minLiveHeight() >= 10, HOUR), net.describe());
    assertSameChains(net, 10);
    // With nobody faulty every height is decided in round 0.
    for (long h = 1; h <= 10; h++) {
      assertEquals(0, QbftExtraData.of(net.chains.get(0).get(h).header()).round(), net.describe());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void lossDuplicationAndReorderingDoNotStopProgress(long seed) {
    SimNetwork net = network(seed);
    net.loss = 0.1;
    net.duplication = 0.2;
    net.maxDelay = 400;
    net.start();
    assertTrue(net.runUntil(() -> net.minLiveHeight() >= 8, HOUR), net.describe());
    assertSameChains(net, 8);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void oneCrashedValidatorDoesNotStopProgress(long seed) {
    SimNetwork net = network(seed);
    net.crashed[(int) (seed % 4)] = true;
    net.start();
    assertTrue(net.runUntil(() -> net.minLiveHeight() >= 8, HOUR), net.describe());
    assertSameChains(net, 8);
  }

  @Test
  void roundChangesWhenTheProposerIsDown() {
    SimNetwork net = network(31);
    int proposer = net.validators.validators().indexOf(net.validators.proposer(1, 0));
    net.crashed[proposer] = true;
    net.start();
    assertTrue(net.runUntil(() -> net.minLiveHeight() >= 1, HOUR), net.describe());
    int live = (proposer + 1) % 4;
    int round = QbftExtraData.of(net.chains.get(live).get(1L).header()).round();
    assertTrue(round >= 1, "height 1 should need a round change, was decided in round " + round);
  }

  @ParameterizedTest
  @ValueSource(longs = {41, 42})
  void evenPartitionHaltsThenHealingResumes(long seed) {
    SimNetwork net = network(seed);
    net.group[0] = 0;
    net.group[1] = 0;
    net.group[2] = 1;
    net.group[3] = 1;
    net.start();
    // Neither half holds a quorum (3 of 4): nothing may be committed, however long we wait.
    assertTrue(!net.runUntil(() -> net.maxHeight() > 0, 120_000), net.describe());
    assertEquals(0, net.maxHeight(), net.describe());
    for (QbftEngine e : net.engines) {
      assertTrue(e.round() >= 3, "round timers should have kept firing: " + net.describe());
    }
    net.heal();
    assertTrue(net.runUntil(() -> net.minLiveHeight() >= 5, 120_000 + HOUR), net.describe());
    assertSameChains(net, 5);
  }

  @ParameterizedTest
  @ValueSource(longs = {51, 52, 53})
  void equivocatingProposerCannotSplitTheChain(long seed) {
    SimNetwork net = network(seed);
    for (int i = 0; i < 4; i++) {
      if (net.validators.validators().get(i).equals(net.validators.proposer(1, 0))) {
        net.equivocating[i] = true;
      }
    }
    net.start();
    // The network checks on every commit that no height gets two different blocks.
    assertTrue(net.runUntil(() -> net.minLiveHeight() >= 8, HOUR), net.describe());
    assertSameChains(net, 8);
    // The forged block (timestamp 1 + 7) had the majority of honest validators behind it
    // and won; the honest validator that saw the other block ended up with it too.
    assertEquals(8, net.chains.get((net.validators.validators().indexOf(net.validators.proposer(1, 0)) + 1) % 4)
        .get(1L).header().timestamp(), net.describe());
  }
}
