package org.linden.rpc.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcSession;
import org.linden.types.Address;

class QbftApiTest {
  private static final Address A = Address.fromNumber(0xa);
  private static final Address B = Address.fromNumber(0xb);
  private static final Address C = Address.fromNumber(0xc);

  private final Map<Address, Boolean> votes = new LinkedHashMap<>();
  private final QbftNode node = new QbftNode() {
    @Override
    public void proposeVote(Address recipient, boolean add) {
      votes.put(recipient, add);
    }

    @Override
    public void discardVote(Address recipient) {
      votes.remove(recipient);
    }

    @Override
    public Map<Address, Boolean> pendingVotes() {
      return votes;
    }

    @Override
    public Optional<List<Address>> validatorsOfBlock(long number) {
      return number <= headNumber() ? Optional.of(List.of(A, B, C)) : Optional.empty();
    }

    @Override
    public long headNumber() {
      return 6;
    }

    @Override
    public Optional<BlockSeals> sealsOfBlock(long number) {
      if (number < 1 || number > headNumber()) {
        return Optional.empty();
      }
      // Proposers rotate a, b, c; block 5 needed a round change.
      Address proposer = List.of(A, B, C).get((int) ((number - 1) % 3));
      return Optional.of(new BlockSeals(number, proposer, number == 5 ? 1 : 0, List.of(A, B)));
    }
  };

  private JsonNode call(String method, String params) throws Exception {
    RpcDispatcher d = new RpcDispatcher(10);
    new QbftApi(node).register(d);
    String request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    return RpcDispatcher.JSON.readTree(d.handle(request, RpcSession.NONE));
  }

  @Test
  void sealsOfABlock() throws Exception {
    JsonNode seals = call("qbft_getSealsByBlockNumber", "[\"0x5\"]").get("result");
    assertThat(seals.get("proposer").asText()).isEqualTo(B.toHex());
    assertThat(seals.get("round").asInt()).isEqualTo(1);
    assertThat(seals.get("committers")).hasSize(2);
    assertThat(call("qbft_getSealsByBlockNumber", "[\"latest\"]").get("result").get("number").asText()).isEqualTo("0x6");
    assertThat(call("qbft_getSealsByBlockNumber", "[\"0x0\"]").get("error").get("code").asInt()).isEqualTo(-32000);
    assertThat(call("qbft_getSealsByBlockNumber", "[5]").get("error").get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void signerMetricsCountProposals() throws Exception {
    JsonNode metrics = call("qbft_getSignerMetrics", "[]").get("result");
    assertThat(metrics).hasSize(3);
    assertThat(metrics.get(0).get("address").asText()).isEqualTo(A.toHex());
    assertThat(metrics.get(0).get("proposedBlockCount").asText()).isEqualTo("0x2");
    assertThat(metrics.get(0).get("lastProposedBlockNumber").asText()).isEqualTo("0x4");
    JsonNode range = call("qbft_getSignerMetrics", "[\"0x2\", \"0x3\"]").get("result");
    assertThat(range).hasSize(2);
    assertThat(call("qbft_getSignerMetrics", "[\"0x4\", \"0x3\"]").get("error").get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void votesAndValidators() throws Exception {
    assertThat(call("qbft_proposeValidatorVote", "[\"" + C.toHex() + "\", false]").get("result").asBoolean()).isTrue();
    assertThat(call("qbft_getPendingVotes", "[]").get("result").get(C.toHex()).asBoolean()).isFalse();
    assertThat(call("qbft_proposeValidatorVote", "[\"" + C.toHex() + "\", \"yes\"]").get("error").get("code").asInt())
        .isEqualTo(-32602);
    assertThat(call("qbft_discardValidatorVote", "[\"" + C.toHex() + "\"]").get("result").asBoolean()).isTrue();
    assertThat(votes).isEmpty();
    assertThat(call("qbft_getValidatorsByBlockNumber", "[\"latest\"]").get("result")).hasSize(3);
    assertThat(call("qbft_getValidatorsByBlockNumber", "[\"0x99\"]").get("error").get("code").asInt()).isEqualTo(-32000);
  }
}
