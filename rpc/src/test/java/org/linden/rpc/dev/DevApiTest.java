package org.linden.rpc.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/** The evm/anvil/hardhat methods: result shapes, argument forms, and what reaches the node. */
class DevApiTest {
  private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
  private static final Address ALICE_ADDRESS = Address.fromHex(ALICE);

  private final FakeDevNode node = new FakeDevNode();
  private final Rpc rpc = rpc(node);

  private static Rpc rpc(DevNode node) {
    RpcDispatcher d = new RpcDispatcher(10);
    new DevApi(node).register(d);
    return new Rpc(d);
  }

  private static FakeDevNode.Mined mined(long count, OptionalLong timestamp, OptionalLong interval) {
    return new FakeDevNode.Mined(count, timestamp, interval);
  }

  @Test
  void everyMethodIsRegistered() {
    RpcDispatcher d = new RpcDispatcher(10);
    new DevApi(node).register(d);
    assertThat(d.methodNames()).contains("evm_mine", "evm_setAutomine", "evm_setIntervalMining", "evm_snapshot",
        "evm_revert", "evm_increaseTime", "evm_setNextBlockTimestamp", "anvil_mine", "hardhat_mine",
        "anvil_setAutomine", "anvil_getAutomine", "hardhat_getAutomine", "anvil_setIntervalMining",
        "anvil_snapshot", "anvil_revert", "anvil_increaseTime", "anvil_setNextBlockTimestamp");
    for (String edit : new String[] {"setBalance", "setCode", "setNonce", "setStorageAt", "impersonateAccount",
        "stopImpersonatingAccount"}) {
      assertThat(d.methodNames()).contains("anvil_" + edit, "hardhat_" + edit);
    }
  }

  @Test
  void evmMineAnswersZeroAndMinesOneBlock() {
    assertThat(rpc.result("evm_mine").textValue()).isEqualTo("0x0");
    assertThat(node.mined).containsExactly(mined(1, OptionalLong.empty(), OptionalLong.empty()));
  }

  @Test
  void evmMineTakesATimestampAsNumberHexOrDecimalString() {
    rpc.result("evm_mine", 2_000);
    rpc.result("evm_mine", "0xbb8");
    rpc.result("evm_mine", "4000");
    assertThat(node.mined).extracting(FakeDevNode.Mined::timestamp)
        .containsExactly(OptionalLong.of(2_000), OptionalLong.of(3_000), OptionalLong.of(4_000));
  }

  @Test
  void evmMineWithZeroTimestampUsesTheClock() {
    rpc.result("evm_mine", 0);
    assertThat(node.mined).containsExactly(mined(1, OptionalLong.empty(), OptionalLong.empty()));
  }

  @Test
  void evmMineTakesAnvilsOptionsObject() {
    rpc.result("evm_mine", Map.of("timestamp", "0x7d0", "blocks", "0x3"));
    rpc.result("evm_mine", Map.of("blocks", 2));
    assertThat(node.mined).containsExactly(mined(3, OptionalLong.of(2_000), OptionalLong.empty()),
        mined(2, OptionalLong.empty(), OptionalLong.empty()));
  }

  @Test
  void evmMineRefusesUnknownOptionsAndOtherShapes() {
    JsonNode unknown = rpc.error("evm_mine", Map.of("count", 2));
    assertThat(unknown.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(unknown.get("message").textValue()).contains("options").contains("count");
    JsonNode bool = rpc.error("evm_mine", true);
    assertThat(bool.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(bool.get("message").textValue()).startsWith("invalid argument 0 (timestamp)");
    assertThat(rpc.error("evm_mine", 1, 2).get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(node.mined).isEmpty();
  }

  @Test
  void evmMineReportsTheNodesRefusalOfAnOldTimestamp() {
    JsonNode error = rpc.error("evm_mine", 500);
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(error.get("message").textValue())
        .isEqualTo("invalid argument 0 (timestamp): timestamp 500 is not after the head's timestamp 1000");
  }

  @Test
  void anvilMineAnswersNullAndHardhatMineTrue() {
    assertThat(rpc.result("anvil_mine", "0xa", "0x3c").isNull()).isTrue();
    assertThat(rpc.result("hardhat_mine").booleanValue()).isTrue();
    assertThat(rpc.result("hardhat_mine", "0x2", null).booleanValue()).isTrue();
    assertThat(node.mined).containsExactly(mined(10, OptionalLong.empty(), OptionalLong.of(60)),
        mined(1, OptionalLong.empty(), OptionalLong.empty()), mined(2, OptionalLong.empty(), OptionalLong.empty()));
  }

  @Test
  void mineWithZeroBlocksOrZeroIntervalAsksNothingOdd() {
    rpc.result("anvil_mine", "0x0");
    assertThat(node.mined).isEmpty();
    rpc.result("anvil_mine", 2, 0);
    assertThat(node.mined).containsExactly(mined(2, OptionalLong.empty(), OptionalLong.empty()));
  }

  @Test
  void mineRefusesMoreBlocksThanTheLimit() {
    JsonNode error = rpc.error("hardhat_mine", DevApi.MAX_BLOCKS_PER_CALL + 1);
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(error.get("message").textValue()).contains("at most 100000 blocks");
    assertThat(rpc.error("anvil_mine", "0x" + "f".repeat(16)).get("code").intValue())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(node.mined).isEmpty();
  }

  @Test
  void automineCanBeSetAndRead() {
    assertThat(rpc.result("anvil_getAutomine").booleanValue()).isTrue();
    assertThat(rpc.result("evm_setAutomine", false).isNull()).isTrue();
    assertThat(node.automine).isFalse();
    assertThat(rpc.result("hardhat_getAutomine").booleanValue()).isFalse();
    assertThat(rpc.result("anvil_setAutomine", true).isNull()).isTrue();
    assertThat(rpc.result("anvil_getAutomine").booleanValue()).isTrue();
  }

  @Test
  void setAutomineNeedsABoolean() {
    assertThat(rpc.error("evm_setAutomine").get("message").textValue())
        .isEqualTo("missing value for required argument 0 (enabled)");
    assertThat(rpc.error("evm_setAutomine", "yes").get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
  }

  @Test
  void intervalMiningTakesSeconds() {
    assertThat(rpc.result("evm_setIntervalMining", 5).isNull()).isTrue();
    assertThat(node.intervalMining).isEqualTo(5);
    assertThat(rpc.result("anvil_setIntervalMining", "0x0").isNull()).isTrue();
    assertThat(node.intervalMining).isZero();
    assertThat(rpc.error("evm_setIntervalMining", -1).get("message").textValue())
        .isEqualTo("invalid argument 0 (seconds): negative number");
  }

  @Test
  void snapshotIdsAreQuantitiesAndRevertAnswersWhetherItRestored() {
    assertThat(rpc.result("evm_snapshot").textValue()).isEqualTo("0x0");
    rpc.result("evm_mine");
    assertThat(rpc.result("evm_snapshot").textValue()).isEqualTo("0x1");
    rpc.result("evm_mine");
    assertThat(node.headNumber).isEqualTo(2);

    assertThat(rpc.result("evm_revert", "0x0").booleanValue()).isTrue();
    assertThat(node.headNumber).isZero();
    // Reverting used up snapshot 0 and every later one.
    assertThat(rpc.result("evm_revert", "0x0").booleanValue()).isFalse();
    assertThat(rpc.result("anvil_revert", "0x1").booleanValue()).isFalse();
    assertThat(rpc.result("anvil_snapshot").textValue()).isEqualTo("0x2");
    assertThat(rpc.result("evm_revert", "0x99").booleanValue()).isFalse();
  }

  @Test
  void revertNeedsAnId() {
    assertThat(rpc.error("evm_revert").get("message").textValue())
        .isEqualTo("missing value for required argument 0 (snapshot id)");
    assertThat(rpc.error("evm_revert", "0xzz").get("message").textValue())
        .isEqualTo("invalid argument 0 (snapshot id): invalid hex string");
  }

  @Test
  void increaseTimeAnswersTheTotalOffsetAsANumber() {
    JsonNode first = rpc.result("evm_increaseTime", 3_600);
    assertThat(first.isIntegralNumber()).isTrue();
    assertThat(first.longValue()).isEqualTo(3_600);
    assertThat(rpc.result("anvil_increaseTime", "0xe10").longValue()).isEqualTo(7_200);
    assertThat(rpc.result("evm_increaseTime", "0x0000000000000000000000000000000000000000000000000000000000000001")
        .longValue()).isEqualTo(7_201);
  }

  @Test
  void increaseTimeRefusesNegativeFractionalAndHugeValues() {
    assertThat(rpc.error("evm_increaseTime", -5).get("message").textValue())
        .isEqualTo("invalid argument 0 (seconds): negative number");
    assertThat(rpc.error("evm_increaseTime", 1.5).get("message").textValue())
        .startsWith("invalid argument 0 (seconds): expected an integer");
    assertThat(rpc.error("evm_increaseTime", "0x8000000000000000").get("message").textValue())
        .isEqualTo("invalid argument 0 (seconds): number above 2^63-1");
    assertThat(rpc.error("evm_increaseTime", "0x" + "1".repeat(65)).get("message").textValue())
        .isEqualTo("invalid argument 0 (seconds): number > 256 bits");
    assertThat(rpc.error("evm_increaseTime", "12a").get("message").textValue())
        .isEqualTo("invalid argument 0 (seconds): expected a 0x-prefixed hex or decimal number");
    assertThat(node.timeOffset).isZero();
  }

  @Test
  void setNextBlockTimestampAnswersNullOrTheNodesRefusal() {
    assertThat(rpc.result("evm_setNextBlockTimestamp", 5_000).isNull()).isTrue();
    assertThat(node.nextTimestamp).isEqualTo(5_000);
    assertThat(rpc.result("anvil_setNextBlockTimestamp", "0x1771").isNull()).isTrue();
    assertThat(node.nextTimestamp).isEqualTo(6_001);
    JsonNode error = rpc.error("evm_setNextBlockTimestamp", 1_000);
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(error.get("message").textValue())
        .isEqualTo("invalid argument 0 (timestamp): timestamp 1000 is not after the head's timestamp 1000");
  }

  @Test
  void accountEditsAnswerNullForAnvilAndTrueForHardhat() {
    assertThat(rpc.result("anvil_setBalance", ALICE, "0xde0b6b3a7640000").isNull()).isTrue();
    assertThat(node.balances.get(ALICE_ADDRESS)).isEqualTo(UInt256.valueOf(1_000_000_000_000_000_000L));
    assertThat(rpc.result("hardhat_setBalance", ALICE, "0x01").booleanValue()).isTrue();
    assertThat(node.balances.get(ALICE_ADDRESS)).isEqualTo(UInt256.ONE);

    assertThat(rpc.result("anvil_setCode", ALICE, "0x6001").isNull()).isTrue();
    assertThat(node.codes.get(ALICE_ADDRESS)).isEqualTo(Bytes.fromHex("0x6001"));
    assertThat(rpc.result("hardhat_setCode", ALICE, "0x").booleanValue()).isTrue();
    assertThat(node.codes.get(ALICE_ADDRESS)).isEqualTo(Bytes.EMPTY);

    assertThat(rpc.result("anvil_setNonce", ALICE, "0x5").isNull()).isTrue();
    assertThat(rpc.result("hardhat_setNonce", ALICE, 9).booleanValue()).isTrue();
    assertThat(node.nonces.get(ALICE_ADDRESS)).isEqualTo(9);
  }

  @Test
  void setNonceReportsTheNodesRefusal() {
    node.nonces.put(ALICE_ADDRESS, 4L);
    assertThat(rpc.error("anvil_setNonce", ALICE, "0x3").get("message").textValue())
        .isEqualTo("invalid argument 1 (nonce): nonce 3 is below the account's nonce 4");
  }

  @Test
  void setStorageAtTakesAPaddedOrShortSlotAndAFullWord() {
    String one = "0x" + "00".repeat(31) + "01";
    assertThat(rpc.result("anvil_setStorageAt", ALICE, one, "0x" + "00".repeat(31) + "2a").booleanValue()).isTrue();
    assertThat(rpc.result("hardhat_setStorageAt", ALICE, "0x2", "0x" + "ff".repeat(32)).booleanValue()).isTrue();
    assertThat(node.storage).containsEntry(ALICE + "/0x1", UInt256.valueOf(42)).containsEntry(ALICE + "/0x2",
        UInt256.MAX);
  }

  @Test
  void setStorageAtRefusesAShortValue() {
    JsonNode error = rpc.error("hardhat_setStorageAt", ALICE, "0x0", "0x2a");
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(error.get("message").textValue())
        .isEqualTo("invalid argument 2 (value): a storage value is 32 bytes, got 1");
    assertThat(node.storage).isEmpty();
  }

  @Test
  void accountEditsCheckTheirArguments() {
    assertThat(rpc.error("anvil_setBalance", "0x1234", "0x1").get("message").textValue())
        .isEqualTo("invalid argument 0 (address): an address is 20 bytes, got 2");
    assertThat(rpc.error("hardhat_setBalance", ALICE).get("message").textValue())
        .isEqualTo("missing value for required argument 1 (balance)");
    assertThat(rpc.error("anvil_setCode", ALICE, "0x123").get("message").textValue())
        .isEqualTo("invalid argument 1 (code): hex string of odd length");
    assertThat(rpc.error("anvil_setNonce", ALICE, "0x1", "0x2").get("message").textValue())
        .isEqualTo("too many arguments, want at most 2");
    assertThat(rpc.error("anvil_setNonce", ALICE, "0x10000000000000000").get("message").textValue())
        .isEqualTo("invalid argument 1 (nonce): number above 2^64-1");
  }

  @Test
  void impersonationAnswersInEachToolsShape() {
    assertThat(rpc.result("anvil_impersonateAccount", ALICE).isNull()).isTrue();
    assertThat(node.impersonated).containsExactly(ALICE_ADDRESS);
    assertThat(rpc.result("hardhat_stopImpersonatingAccount", ALICE).booleanValue()).isTrue();
    assertThat(rpc.result("hardhat_stopImpersonatingAccount", ALICE).booleanValue()).isFalse();
    assertThat(rpc.result("hardhat_impersonateAccount", ALICE).booleanValue()).isTrue();
    assertThat(rpc.result("anvil_stopImpersonatingAccount", ALICE).isNull()).isTrue();
    assertThat(node.impersonated).isEmpty();
    assertThat(rpc.error("anvil_impersonateAccount", ALICE, ALICE).get("message").textValue())
        .isEqualTo("too many arguments, want at most 1");
  }

  @Test
  void aNodeThatCannotActAnswersServerError() {
    node.unavailable = "the chain is being rewound";
    JsonNode error = rpc.error("evm_snapshot");
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(error.get("message").textValue()).isEqualTo("the chain is being rewound");
    assertThat(rpc.error("anvil_setBalance", ALICE, "0x1").get("code").intValue())
        .isEqualTo(RpcException.SERVER_ERROR);
    assertThat(rpc.error("evm_mine").get("code").intValue()).isEqualTo(RpcException.SERVER_ERROR);
  }
}
