package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
  private final Map<Capability, Integer> local = new LinkedHashMap<>();

  CapabilitiesTest() {
    local.put(new Capability("snap", 1), 8);
    local.put(new Capability("eth", 67), 17);
    local.put(new Capability("eth", 68), 17);
    local.put(new Capability("les", 4), 23);
  }

  @Test
  void picksHighestCommonVersionAndOrdersByName() {
    List<SharedCapability> shared = Capabilities.negotiate(
        local, List.of(new Capability("snap", 1), new Capability("eth", 66), new Capability("eth", 67), new Capability("eth", 68), new Capability("bzz", 1)));
    assertThat(shared).containsExactly(
        new SharedCapability(new Capability("eth", 68), 0x10, 17), new SharedCapability(new Capability("snap", 1), 0x21, 8));
  }

  @Test
  void versionsOnlyOneSideHasDoNotMatch() {
    List<SharedCapability> shared = Capabilities.negotiate(local, List.of(new Capability("eth", 69), new Capability("eth", 67)));
    assertThat(shared).containsExactly(new SharedCapability(new Capability("eth", 67), 0x10, 17));
    assertThat(Capabilities.negotiate(local, List.of(new Capability("bzz", 1)))).isEmpty();
  }

  @Test
  void findsTheOwnerOfAMessageId() {
    List<SharedCapability> shared = Capabilities.negotiate(local, List.of(new Capability("eth", 68), new Capability("snap", 1)));
    assertThat(Capabilities.owner(shared, 0x10).orElseThrow().capability().name()).isEqualTo("eth");
    assertThat(Capabilities.owner(shared, 0x20).orElseThrow().capability().name()).isEqualTo("eth");
    assertThat(Capabilities.owner(shared, 0x21).orElseThrow().capability().name()).isEqualTo("snap");
    assertThat(Capabilities.owner(shared, 0x29)).isEmpty();
    assertThat(Capabilities.owner(shared, 0x05)).isEmpty();
  }
}
