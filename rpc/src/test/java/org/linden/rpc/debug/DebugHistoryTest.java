package org.linden.rpc.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.debug.DebugChain.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.store.Blockchain;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.types.Hash;

/** Which blocks can be traced: those whose parent's state the node still keeps. */
class DebugHistoryTest {
  private static final JsonNode CALL_TRACER = json("{\"tracer\": \"callTracer\"}");

  @Test
  void blocksWhoseParentStateIsNoLongerKeptAreAClearError() {
    DebugChain c = new DebugChain().buildStandardChain();
    for (int i = 0; i < Blockchain.MAX_REORG_DEPTH; i++) {
      c.importBlock(List.of());
    }
    JsonNode tx = c.error("debug_traceTransaction", c.tx(1, 1).hash().toHex());
    assertThat(tx.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(tx.get("message").asText()).contains("historical state for block 0 is not available");
    assertThat(c.error("debug_traceBlockByNumber", "0x2").get("message").asText()).contains("not available");
    // The raw getters need no state.
    assertThat(c.result("debug_getRawReceipts", "0x1")).hasSize(4);

    // A recent block still traces.
    c.importBlock(List.of(c.call(DebugChain.CALLER, DebugChain.word(1))));
    int head = c.blocks.size() - 1;
    JsonNode recent = c.result("debug_traceBlockByNumber", "latest", CALL_TRACER);
    assertThat(recent.get(0).get("result").get("gasUsed").asText()).isEqualTo(Quantity.of(c.receiptGas(head)[0]));
  }

  @Test
  void aSideBlockOnACanonicalParentCanBeTracedByHash() throws Exception {
    DebugChain c = new DebugChain().buildStandardChain();
    DebugChain.Node parent = c.blocks.get(2);
    // Block 3' beside the (empty) block 3, holding a call.
    BlockBuilder.Built side = c.builder.build(parent.header(), parent.state(),
        List.of(c.call(DebugChain.CALLER, DebugChain.word(2))), parent.header().timestamp() + 13,
        DebugChain.COINBASE, n -> Hash.ZERO, changes -> {
          InMemoryStateDatabase copy = parent.state().copy();
          copy.apply(changes);
          return copy.stateRoot();
        });
    Block block = side.block();
    c.chain.importBlock(block);
    // Block 4 on the first block 3 takes the chain back to that branch.
    c.importBlock(List.of());
    assertThat(c.chain.store().canonicalHash(3)).contains(c.block(3).hash());

    JsonNode trace = c.result("debug_traceBlockByHash", block.hash().toHex(), CALL_TRACER);
    assertThat(trace).hasSize(1);
    assertThat(trace.get(0).get("result").get("gasUsed").asText())
        .isEqualTo(Quantity.of(side.result().receipts().get(0).cumulativeGasUsed()));
  }
}
