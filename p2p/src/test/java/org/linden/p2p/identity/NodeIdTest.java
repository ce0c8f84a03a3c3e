package org.linden.p2p.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeIdTest {
  private static NodeId id(String hex) {
    return NodeId.fromHex(hex);
  }

  private static final String ZERO = "00".repeat(32);

  @Test
  void logDistanceIsTheBitLengthOfTheXor() {
    assertThat(NodeId.logDistance(id(ZERO), id(ZERO))).isZero();
    assertThat(NodeId.logDistance(id(ZERO), id("00".repeat(31) + "01"))).isEqualTo(1);
    assertThat(NodeId.logDistance(id(ZERO), id("00".repeat(31) + "ff"))).isEqualTo(8);
    assertThat(NodeId.logDistance(id(ZERO), id("00".repeat(30) + "0100"))).isEqualTo(9);
    assertThat(NodeId.logDistance(id(ZERO), id("80" + "00".repeat(31)))).isEqualTo(256);
    assertThat(NodeId.logDistance(id("ff".repeat(32)), id("7f" + "ff".repeat(31)))).isEqualTo(256);
  }

  @Test
  void compareDistanceOrdersByXor() {
    NodeId target = id("f0" + "00".repeat(31));
    NodeId near = id("f1" + "00".repeat(31));
    NodeId far = id("0f" + "00".repeat(31));
    assertThat(target.compareDistance(near, far)).isNegative();
    assertThat(target.compareDistance(far, near)).isPositive();
    assertThat(target.compareDistance(near, near)).isZero();
  }
}
