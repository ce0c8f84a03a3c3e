package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.StateTestChain.BOOM;
import static org.linden.rpc.eth.StateTestChain.READER;
import static org.linden.rpc.eth.StateTestChain.SENDER;
import static org.linden.rpc.eth.StateTestChain.STORE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.evm.ContractAddress;

/** eth_createAccessList: the accounts and slots a call touches, and the gas it uses with them. */
class AccessListTest {
  private static final String SLOT0 = "0x" + "00".repeat(32);
  private static StateTestChain c;

  @BeforeAll
  static void chain() throws Exception {
    c = StateTestChain.create();
  }

  /** The gas a call uses, as eth_simulateV1 reports it. */
  private static long gasUsed(Map<String, Object> call) {
    JsonNode blocks = c.result("eth_simulateV1", Map.of("blockStateCalls", List.of(Map.of("calls", List.of(call)))),
        "latest");
    return Long.decode(blocks.get(0).get("calls").get(0).get("gasUsed").asText());
  }

  @Test
  void listsWhatACallReadsElsewhere() {
    Map<String, Object> call = Map.of("from", SENDER.toHex(), "to", READER.toHex());
    JsonNode r = c.result("eth_createAccessList", call, "latest");
    JsonNode list = r.get("accessList");
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("address").asText()).isEqualTo(STORE.toHex());
    assertThat(list.get(0).get("storageKeys").get(0).asText()).isEqualTo(SLOT0);
    assertThat(r.has("error")).isFalse();
    // With the list the account and the slot are warm: 100 gas cheaper each, list paid for.
    long without = gasUsed(call);
    long with = gasUsed(Map.of("from", SENDER.toHex(), "to", READER.toHex(), "accessList", list));
    assertThat(with).isEqualTo(without - 200);
    assertThat(Long.decode(r.get("gasUsed").asText())).isEqualTo(with);
  }

  @Test
  void theRecipientsSlotsAreListedButNotTheSenderOrRecipientAlone() {
    JsonNode r = c.result("eth_createAccessList", Map.of("from", SENDER.toHex(), "to", STORE.toHex()), "latest");
    JsonNode list = r.get("accessList");
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("address").asText()).isEqualTo(STORE.toHex());
    assertThat(list.get(0).get("storageKeys").size()).isEqualTo(1);
  }

  @Test
  void aCreationListsTheNewContractsSlot() {
    JsonNode r = c.result("eth_createAccessList", Map.of("from", SENDER.toHex(), "input", "0x608060806080608155"),
        "latest");
    String created = ContractAddress.of(SENDER, 4).toHex();
    JsonNode list = r.get("accessList");
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("address").asText()).isEqualTo(created);
    assertThat(list.get(0).get("storageKeys").get(0).asText()).isEqualTo("0x" + "00".repeat(31) + "81");
  }

  @Test
  void aFailingCallReportsItsError() {
    JsonNode r = c.result("eth_createAccessList", Map.of("to", BOOM.toHex()), "latest");
    assertThat(r.get("accessList").size()).isZero();
    assertThat(r.get("error").asText()).isEqualTo("execution reverted");
    assertThat(Long.decode(r.get("gasUsed").asText())).isGreaterThan(21_000);
    JsonNode bad = c.error("eth_createAccessList", Map.of("to", BOOM.toHex(), "accessList", List.of(Map.of(
        "address", STORE.toHex()))), "latest");
    assertThat(bad.get("code").asInt()).isEqualTo(-32602);
    assertThat(bad.get("message").asText()).contains("transaction.accessList[0].storageKeys");
  }
}
