package org.linden.rpc.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Bytes;

/** The raw getters: every encoding decodes back to what the chain holds. */
class DebugRawTest {
  private final DebugChain c = new DebugChain().buildStandardChain();

  private static Bytes bytes(JsonNode hex) {
    return Bytes.fromHex(hex.asText());
  }

  @Test
  void rawHeadersAndBlocksDecodeToTheStoredOnes() throws Exception {
    for (int n = 0; n <= 3; n++) {
      Block block = c.block(n);
      BlockHeader header = BlockHeader.decode(bytes(c.result("debug_getRawHeader", "0x" + Integer.toHexString(n))));
      assertThat(header.hash()).isEqualTo(block.hash());
      Block decoded = Block.decode(bytes(c.result("debug_getRawBlock", "0x" + Integer.toHexString(n))));
      assertThat(decoded.hash()).isEqualTo(block.hash());
      assertThat(decoded.transactions()).isEqualTo(block.transactions());
    }
    assertThat(c.result("debug_getRawHeader", "latest")).isEqualTo(c.result("debug_getRawHeader", "0x3"));
    assertThat(c.result("debug_getRawBlock", c.block(2).hash().toHex()))
        .isEqualTo(c.result("debug_getRawBlock", "0x2"));
    assertThat(c.result("debug_getRawBlock", RpcDispatcher.JSON.createObjectNode()
        .put("blockHash", c.block(1).hash().toHex()))).isEqualTo(c.result("debug_getRawBlock", "0x1"));
  }

  @Test
  void rawTransactionsAreTheCanonicalEncodings() throws Exception {
    for (int n = 1; n <= 2; n++) {
      for (Transaction tx : c.block(n).transactions()) {
        JsonNode raw = c.result("debug_getRawTransaction", tx.hash().toHex());
        assertThat(TransactionCodec.decode(bytes(raw))).isEqualTo(tx);
        assertThat(bytes(raw)).isEqualTo(tx.encoded());
      }
    }
    assertThat(c.result("debug_getRawTransaction", "0x" + "12".repeat(32)).isNull()).isTrue();
  }

  @Test
  void aPooledTransactionIsFoundThroughThePendingLookup() {
    Transaction pending = c.transfer(DebugChain.X, 5);
    RpcDispatcher d = new RpcDispatcher(10);
    new DebugApi(new BlockResolver(c.chain), h -> h.equals(pending.hash()) ? Optional.of(pending) : Optional.empty(),
        DebugOptions.DEFAULTS).register(d);
    String response = d.handle("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"debug_getRawTransaction\", "
        + "\"params\": [\"" + pending.hash().toHex() + "\"]}", org.linden.rpc.RpcSession.NONE);
    assertThat(response).contains(pending.encoded().toHex());
  }

  @Test
  void rawReceiptsRebuildTheReceiptsRoot() throws Exception {
    for (int n = 0; n <= 3; n++) {
      JsonNode raw = c.result("debug_getRawReceipts", "0x" + Integer.toHexString(n));
      List<Receipt> receipts = new ArrayList<>();
      for (JsonNode r : raw) {
        receipts.add(Receipt.decode(bytes(r)));
      }
      assertThat(receipts).hasSize(c.block(n).transactions().size());
      assertThat(BlockRoots.receiptsRoot(receipts)).isEqualTo(c.block(n).header().receiptsRoot());
    }
    JsonNode block1 = c.result("debug_getRawReceipts", "0x1");
    // The reverted call's receipt has an empty status; the typed receipts start with their type byte.
    assertThat(Receipt.decode(bytes(block1.get(2))).succeeded()).isFalse();
    assertThat(block1.get(0).asText()).startsWith("0x02");
    assertThat(c.result("debug_getRawReceipts", "0x2").get(0).asText()).startsWith("0xf9");
  }

  @Test
  void unknownBlocksAndBadParams() {
    for (String method : new String[] {"debug_getRawHeader", "debug_getRawBlock", "debug_getRawReceipts"}) {
      assertThat(c.error(method, "0x63").get("code").asInt()).as(method).isEqualTo(RpcException.SERVER_ERROR);
      assertThat(c.error(method).get("code").asInt()).as(method).isEqualTo(RpcException.INVALID_PARAMS);
      assertThat(c.error(method, "0x01").get("code").asInt()).as(method).isEqualTo(RpcException.INVALID_PARAMS);
      assertThat(c.error(method, "0x1", "0x2").get("code").asInt()).as(method)
          .isEqualTo(RpcException.INVALID_PARAMS);
    }
    assertThat(c.error("debug_getRawTransaction").get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_getRawTransaction", "0x12").get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
  }
}
