package org.linden.rpc.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.dev.DevAccountsApiTest.FIRST;
import static org.linden.rpc.dev.DevAccountsApiTest.KEYS;
import static org.linden.rpc.dev.FakeHooks.CHAIN_ID;
import static org.linden.rpc.dev.FakeHooks.GWEI;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.AccessListTransaction;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SenderRecovery;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.chain.tx.TransactionType;
import org.linden.chain.txpool.TxPoolException;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/** eth_sendTransaction and eth_signTransaction: field filling, type choice, signing, errors. */
class DevSendTransactionTest {
  private static final String BOB = "0x0000000000000000000000000000000000000b0b";
  private static final String STRANGER = "0x000000000000000000000000000000000000dead";
  private static final UInt256 TWO_GWEI = UInt256.valueOf(2_000_000_000L);

  private final FakeDevNode node = new FakeDevNode();
  private final FakeHooks hooks = new FakeHooks();
  private final Rpc rpc = rpc();

  private Rpc rpc() {
    RpcDispatcher d = new RpcDispatcher(10);
    new DevAccountsApi(KEYS, node, hooks.hooks()).register(d);
    return new Rpc(d);
  }

  /** A transaction object from key/value pairs, in order. */
  private static Map<String, Object> tx(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Address sender(Transaction tx) {
    try {
      return SenderRecovery.recover(tx, Fork.PRAGUE, CHAIN_ID);
    } catch (InvalidTransactionException e) {
      throw new AssertionError(e);
    }
  }

  private Transaction sendOne(Map<String, Object> request) {
    String hash = rpc.result("eth_sendTransaction", request).textValue();
    assertThat(hooks.submitted).hasSize(1);
    Transaction sent = hooks.submitted.get(0);
    assertThat(hash).isEqualTo(sent.hash().toHex());
    assertThat(sender(sent)).isEqualTo(Address.fromHex(FIRST));
    return sent;
  }

  private String message(JsonNode error) {
    return error.get("message").textValue();
  }

  @Test
  void fillsAMinimalRequestAsAnEip1559Transaction() {
    FeeMarketTransaction tx = (FeeMarketTransaction) sendOne(tx("from", FIRST, "to", BOB, "value", "0x1"));
    assertThat(tx.chainId()).isEqualTo(CHAIN_ID);
    assertThat(tx.nonce()).isEqualTo(7);
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(TWO_GWEI);
    // Twice the next base fee plus the tip.
    assertThat(tx.maxFeePerGas()).isEqualTo(UInt256.valueOf(4_000_000_000L));
    assertThat(tx.gas()).isEqualTo(21_000);
    assertThat(tx.to()).isEqualTo(Address.fromHex(BOB));
    assertThat(tx.value()).isEqualTo(UInt256.ONE);
    assertThat(tx.data()).isEqualTo(Bytes.EMPTY);
    assertThat(tx.accessList()).isEmpty();
  }

  @Test
  void estimatesGasOnTheFilledInRequest() {
    hooks.gasEstimate = 53_123;
    Transaction tx = sendOne(tx("from", FIRST, "to", BOB, "input", "0xabcd"));
    assertThat(tx.gas()).isEqualTo(53_123);
    assertThat(hooks.estimated).hasSize(1);
    TransactionRequest asked = hooks.estimated.get(0);
    assertThat(asked.type()).isEqualTo(TransactionType.FEE_MARKET);
    assertThat(asked.from()).isEqualTo(Address.fromHex(FIRST));
    assertThat(asked.nonce()).isEqualTo(7);
    assertThat(asked.chainId()).isEqualTo(CHAIN_ID);
    assertThat(asked.maxFeePerGas()).isEqualTo(UInt256.valueOf(4_000_000_000L));
    assertThat(asked.maxPriorityFeePerGas()).isEqualTo(TWO_GWEI);
    assertThat(asked.gas()).isNull();
    assertThat(asked.input()).isEqualTo(Bytes.fromHex("0xabcd"));
  }

  @Test
  void keepsWhatTheRequestGives() {
    FeeMarketTransaction tx = (FeeMarketTransaction) sendOne(tx("from", FIRST, "to", BOB, "nonce", "0x2a",
        "gas", "0x7530", "maxFeePerGas", "0x77359400", "maxPriorityFeePerGas", "0x5", "data", "0x01", "chainId",
        "0x539"));
    assertThat(tx.nonce()).isEqualTo(42);
    assertThat(tx.gas()).isEqualTo(30_000);
    assertThat(tx.maxFeePerGas()).isEqualTo(TWO_GWEI);
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(UInt256.valueOf(5));
    assertThat(tx.data()).isEqualTo(Bytes.of((byte) 1));
    assertThat(hooks.estimated).isEmpty();
  }

  @Test
  void usesThePendingNonceOfTheSender() {
    hooks.pendingNonces.put(Address.fromHex(FIRST), 3L);
    assertThat(sendOne(tx("from", FIRST, "to", BOB)).nonce()).isEqualTo(3);
  }

  @Test
  void aFeeCapBelowTheSuggestedTipLowersTheTip() {
    FeeMarketTransaction tx = (FeeMarketTransaction) sendOne(tx("from", FIRST, "to", BOB, "maxFeePerGas",
        "0x3b9aca00"));
    assertThat(tx.maxFeePerGas()).isEqualTo(GWEI);
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(GWEI);
  }

  @Test
  void aTipAboveTheFeeCapIsRefused() {
    JsonNode error = rpc.error("eth_sendTransaction", tx("from", FIRST, "to", BOB, "maxFeePerGas", "0x1",
        "maxPriorityFeePerGas", "0x2"));
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(message(error))
        .isEqualTo("invalid argument 0 (transaction): maxFeePerGas (1) < maxPriorityFeePerGas (2)");
    assertThat(hooks.submitted).isEmpty();
  }

  @Test
  void aGasPriceMakesALegacyTransactionWithReplayProtection() {
    LegacyTransaction tx = (LegacyTransaction) sendOne(tx("from", FIRST, "to", BOB, "gasPrice", "0x3b9aca00"));
    assertThat(tx.gasPrice()).isEqualTo(GWEI);
    assertThat(tx.chainId()).hasValue(CHAIN_ID);
    assertThat(tx.isPre155()).isFalse();
  }

  @Test
  void aGasPriceWithAnAccessListMakesAnAccessListTransaction() {
    AccessListTransaction tx = (AccessListTransaction) sendOne(tx("from", FIRST, "to", BOB, "gasPrice", "0x1",
        "accessList", List.of(Map.of("address", BOB, "storageKeys", List.of("0x" + "00".repeat(31) + "01")))));
    assertThat(tx.accessList()).hasSize(1);
    assertThat(tx.accessList().get(0).account()).isEqualTo(Address.fromHex(BOB));
    assertThat(tx.accessList().get(0).slots()).hasSize(1);
  }

  @Test
  void anExplicitLegacyTypeGetsBaseFeePlusTipAsItsPrice() {
    LegacyTransaction tx = (LegacyTransaction) sendOne(tx("from", FIRST, "to", BOB, "type", "0x0"));
    assertThat(tx.gasPrice()).isEqualTo(UInt256.valueOf(3_000_000_000L));
  }

  @Test
  void beforeLondonTheDefaultIsLegacy() {
    hooks.baseFee = Optional.empty();
    LegacyTransaction tx = (LegacyTransaction) sendOne(tx("from", FIRST, "to", BOB));
    assertThat(tx.gasPrice()).isEqualTo(TWO_GWEI);
  }

  @Test
  void authorizationsMakeASetCodeTransaction() {
    Authorization auth = Authorization.sign(UInt256.valueOf(CHAIN_ID), Address.fromHex(BOB), 0, KEYS.get(1));
    Map<String, Object> json = Map.of("chainId", "0x539", "address", BOB, "nonce", "0x0",
        "yParity", "0x" + Integer.toHexString(auth.yParity()), "r", auth.r().toHexString(),
        "s", auth.s().toHexString());
    SetCodeTransaction tx = (SetCodeTransaction) sendOne(tx("from", FIRST, "to", BOB, "authorizationList",
        List.of(json)));
    assertThat(tx.authorizations()).containsExactly(auth);
  }

  @Test
  void withoutFromTheFirstDevAccountSends() {
    sendOne(tx("to", BOB));
  }

  @Test
  void anImpersonatedSenderGoesToTheNodeUnsigned() {
    Address stranger = Address.fromHex(STRANGER);
    node.impersonate(stranger);
    String hash = rpc.result("eth_sendTransaction", tx("from", STRANGER, "to", BOB, "value", "0x5")).textValue();
    assertThat(hash).isEqualTo(node.unsignedHash.toHex());
    assertThat(hooks.submitted).isEmpty();
    assertThat(node.unsigned).hasSize(1);
    FakeDevNode.Unsigned sent = node.unsigned.get(0);
    assertThat(sent.from()).isEqualTo(stranger);
    assertThat(sent.tx().value()).isEqualTo(UInt256.valueOf(5));
    assertThat(sent.tx().r()).isEqualTo(UInt256.ZERO);
    assertThat(sent.tx().s()).isEqualTo(UInt256.ZERO);
    assertThat(hooks.estimated.get(0).from()).isEqualTo(stranger);
  }

  @Test
  void anUnknownSenderIsRefused() {
    JsonNode error = rpc.error("eth_sendTransaction", tx("from", STRANGER, "to", BOB));
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(message(error)).isEqualTo("unknown account");
    assertThat(hooks.estimated).isEmpty();
  }

  @Test
  void poolRefusalsKeepGethsText() {
    hooks.poolRefusal = new TxPoolException(TxPoolException.Reason.NONCE_TOO_LOW, "next nonce 9, tx nonce 7");
    JsonNode error = rpc.error("eth_sendTransaction", tx("from", FIRST, "to", BOB));
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(message(error)).isEqualTo("nonce too low: next nonce 9, tx nonce 7");
  }

  @Test
  void aFailedEstimateReachesTheCallerAsItIs() {
    hooks.estimateFailure = new RpcException(RpcException.EXECUTION_REVERTED, "execution reverted");
    JsonNode error = rpc.error("eth_sendTransaction", tx("from", FIRST, "to", BOB, "input", "0x00"));
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.EXECUTION_REVERTED);
    assertThat(message(error)).isEqualTo("execution reverted");
  }

  @Test
  void malformedRequestsAreInvalidParamsNamingTheField() {
    record Case(Map<String, Object> request, String message) {}
    List<Case> cases = List.of(
        new Case(tx("from", FIRST, "to", BOB, "chainId", "0x1"),
            "invalid argument 0 (transaction.chainId): chainId does not match node's (have=1, want=1337)"),
        new Case(tx("from", FIRST, "to", BOB, "gas", "0x01"),
            "invalid argument 0 (transaction.gas): hex number with leading zero digits"),
        new Case(tx("from", FIRST, "to", BOB, "gas", 21000),
            "invalid argument 0 (transaction.gas): expected a hex string, got number"),
        new Case(tx("from", FIRST, "to", "0x12"),
            "invalid argument 0 (transaction.to): an address is 20 bytes, got 1"),
        new Case(tx("from", FIRST, "to", BOB, "gasLimit", "0x5208"),
            "invalid argument 0 (transaction): unknown field gasLimit"),
        new Case(tx("from", FIRST, "to", BOB, "data", "0x01", "input", "0x02"),
            "invalid argument 0 (transaction): both \"data\" and \"input\" are set and not equal. Please use "
                + "\"input\" to pass transaction call data"),
        new Case(tx("from", FIRST, "to", BOB, "gasPrice", "0x1", "maxFeePerGas", "0x2"),
            "invalid argument 0 (transaction): both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified"),
        new Case(tx("from", FIRST),
            "invalid argument 0 (transaction): contract creation without any data provided"),
        new Case(tx("from", FIRST, "to", BOB, "type", "0x2", "gasPrice", "0x1"),
            "invalid argument 0 (transaction.gasPrice): a type-2 transaction is priced by "
                + "maxFeePerGas/maxPriorityFeePerGas, not gasPrice"),
        new Case(tx("from", FIRST, "to", BOB, "type", "0x0", "accessList", List.of(Map.of("address", BOB))),
            "invalid argument 0 (transaction.accessList): a type-0 transaction has no access list"),
        new Case(tx("from", FIRST, "to", BOB, "type", "0x4"),
            "invalid argument 0 (transaction.authorizationList): a set-code transaction needs at least one "
                + "authorization"),
        new Case(tx("from", FIRST, "to", BOB, "type", "0x7"),
            "invalid argument 0 (transaction.type): unknown transaction type 7"),
        new Case(tx("from", FIRST, "to", BOB, "accessList", List.of(Map.of("storageKeys", List.of()))),
            "invalid argument 0 (transaction.accessList[0].address): missing"),
        new Case(tx("from", FIRST, "to", BOB, "blobVersionedHashes", List.of()),
            "invalid argument 0 (transaction.blobVersionedHashes): blob transactions are not sent from unlocked "
                + "accounts: sign one with its sidecar and send it with eth_sendRawTransaction"));
    for (Case c : cases) {
      JsonNode error = rpc.error("eth_sendTransaction", c.request());
      assertThat(error.get("code").intValue()).as("%s", c.request()).isEqualTo(RpcException.INVALID_PARAMS);
      assertThat(message(error)).as("%s", c.request()).isEqualTo(c.message());
    }
    assertThat(rpc.error("eth_sendTransaction", "0x00").get("message").textValue())
        .isEqualTo("invalid argument 0 (transaction): expected an object");
    assertThat(rpc.error("eth_sendTransaction").get("message").textValue())
        .isEqualTo("missing value for required argument 0 (transaction)");
    assertThat(hooks.submitted).isEmpty();
  }

  @Test
  void signTransactionReturnsTheRawSignedTransactionWithoutSendingIt() throws InvalidTransactionException {
    String raw = rpc.result("eth_signTransaction", tx("from", FIRST, "to", BOB, "value", "0x10")).textValue();
    Transaction tx = TransactionCodec.decode(Bytes.fromHex(raw));
    assertThat(tx).isInstanceOf(FeeMarketTransaction.class);
    assertThat(sender(tx)).isEqualTo(Address.fromHex(FIRST));
    assertThat(tx.value()).isEqualTo(UInt256.valueOf(16));
    assertThat(tx.nonce()).isEqualTo(7);
    assertThat(hooks.submitted).isEmpty();
  }

  @Test
  void signTransactionNeedsAKey() {
    node.impersonate(Address.fromHex(STRANGER));
    JsonNode error = rpc.error("eth_signTransaction", tx("from", STRANGER, "to", BOB));
    assertThat(error.get("code").intValue()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(message(error)).isEqualTo("unknown account");
  }
}
