package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.StateTestChain.OTHER;
import static org.linden.rpc.eth.StateTestChain.STORE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.execution.HeaderValidator;
import org.linden.rpc.Quantity;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/** eth_feeHistory's shape and values, its limits, and the fee suggestions. */
class FeeHistoryTest {
  private static final UInt256 GWEI = UInt256.valueOf(1_000_000_000L);
  private static StateTestChain c;

  @BeforeAll
  static void chain() throws Exception {
    c = StateTestChain.create();
  }

  private static String fee(BlockHeader h) {
    return Quantity.of(h.baseFeePerGas());
  }

  @Test
  void historyOfTheWholeChain() {
    JsonNode r = c.result("eth_feeHistory", "0x3", "latest", List.of(25, 75));
    assertThat(r.get("oldestBlock").asText()).isEqualTo("0x0");
    JsonNode baseFees = r.get("baseFeePerGas");
    assertThat(baseFees.size()).isEqualTo(4);
    for (int i = 0; i < 3; i++) {
      assertThat(baseFees.get(i).asText()).isEqualTo(fee(c.blocks.get(i).header()));
    }
    assertThat(baseFees.get(3).asText()).isEqualTo(Quantity.of(HeaderValidator.baseFee(c.chain.head())));
    JsonNode ratios = r.get("gasUsedRatio");
    assertThat(ratios.size()).isEqualTo(3);
    assertThat(ratios.get(0).asDouble()).isZero();
    BlockHeader h1 = c.blocks.get(1).header();
    assertThat(ratios.get(1).asDouble()).isEqualTo((double) h1.gasUsed() / h1.gasLimit());
    assertThat(r.get("baseFeePerBlobGas").size()).isEqualTo(4);
    assertThat(r.get("baseFeePerBlobGas").get(3).asText()).isEqualTo("0x1");
    assertThat(r.get("blobGasUsedRatio").size()).isEqualTo(3);
    JsonNode reward = r.get("reward");
    assertThat(reward.size()).isEqualTo(3);
    assertThat(reward.get(0).get(0).asText()).isEqualTo("0x0");
    assertThat(reward.get(1).get(0).asText()).isEqualTo(Quantity.of(StateTestChain.TIP));
    assertThat(reward.get(2).get(1).asText()).isEqualTo(Quantity.of(StateTestChain.TIP));
  }

  @Test
  void aRangeEndingEarlierNamesTheNextBlocksRealBaseFee() {
    JsonNode r = c.result("eth_feeHistory", 1, "0x1", List.of());
    assertThat(r.get("oldestBlock").asText()).isEqualTo("0x1");
    assertThat(r.get("baseFeePerGas").get(0).asText()).isEqualTo(fee(c.blocks.get(1).header()));
    assertThat(r.get("baseFeePerGas").get(1).asText()).isEqualTo(fee(c.blocks.get(2).header()));
    assertThat(r.has("reward")).isFalse();
    JsonNode capped = c.result("eth_feeHistory", "0x400", "latest");
    assertThat(capped.get("oldestBlock").asText()).isEqualTo("0x0");
    assertThat(capped.get("gasUsedRatio").size()).isEqualTo(3);
    JsonNode none = c.result("eth_feeHistory", "0x0", "latest", List.of(50));
    assertThat(none.get("oldestBlock").asText()).isEqualTo("0x0");
    assertThat(none.get("gasUsedRatio").size()).isZero();
  }

  @Test
  void rewardsAreWeightedByGasUsed() throws Exception {
    StateTestChain mixed = StateTestChain.create();
    // 21000 gas at 1 gwei, then about 26000 at 3 gwei.
    Block b = mixed.addBlock(mixed.tx(OTHER, 1, Bytes.EMPTY, 21_000, GWEI),
        mixed.tx(STORE, 0, StateTestChain.word(5), 60_000, GWEI.mul(UInt256.valueOf(3))));
    assertThat(b.transactions()).hasSize(2);
    JsonNode r = mixed.result("eth_feeHistory", "0x1", "latest", List.of(0, 25, 50, 100));
    JsonNode row = r.get("reward").get(0);
    assertThat(row.get(0).asText()).isEqualTo(Quantity.of(GWEI));
    assertThat(row.get(1).asText()).isEqualTo(Quantity.of(GWEI));
    assertThat(row.get(2).asText()).isEqualTo(Quantity.of(GWEI.mul(UInt256.valueOf(3))));
    assertThat(row.get(3).asText()).isEqualTo(Quantity.of(GWEI.mul(UInt256.valueOf(3))));
  }

  @Test
  void badRequestsAreRefused() {
    JsonNode order = c.error("eth_feeHistory", "0x2", "latest", List.of(75, 25));
    assertThat(order.get("code").asInt()).isEqualTo(-32602);
    assertThat(order.get("message").asText()).contains("argument 2 (rewardPercentiles[1])");
    JsonNode range = c.error("eth_feeHistory", "0x2", "latest", List.of(101));
    assertThat(range.get("code").asInt()).isEqualTo(-32602);
    JsonNode beyond = c.error("eth_feeHistory", "0x2", "0x10", List.of());
    assertThat(beyond.get("code").asInt()).isEqualTo(-32000);
    assertThat(beyond.get("message").asText()).startsWith("request beyond head block");
    JsonNode count = c.error("eth_feeHistory", "two", "latest");
    assertThat(count.get("message").asText()).contains("argument 0 (blockCount)");
    JsonNode missing = c.error("eth_feeHistory", "0x2");
    assertThat(missing.get("message").asText()).contains("argument 1 (newestBlock)");
  }

  @Test
  void suggestionsFollowTheTipsPaidAndDefaultOnAnIdleChain() throws Exception {
    assertThat(c.result("eth_maxPriorityFeePerGas").asText()).isEqualTo(Quantity.of(StateTestChain.TIP));
    UInt256 next = HeaderValidator.baseFee(c.chain.head());
    assertThat(c.result("eth_gasPrice").asText()).isEqualTo(Quantity.of(next.add(StateTestChain.TIP)));
    assertThat(c.result("eth_blobBaseFee").asText()).isEqualTo("0x1");
    StateTestChain idle = StateTestChain.empty();
    assertThat(idle.result("eth_maxPriorityFeePerGas").asText()).isEqualTo(Quantity.of(GWEI));
    assertThat(idle.result("eth_gasPrice").asText())
        .isEqualTo(Quantity.of(HeaderValidator.baseFee(idle.chain.head()).add(GWEI)));
  }
}
