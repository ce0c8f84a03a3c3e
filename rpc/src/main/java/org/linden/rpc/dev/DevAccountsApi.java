package org.linden.rpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.sign.Eip712;
import org.linden.crypto.sign.PersonalMessage;
import org.linden.crypto.sign.TypedData;
import org.linden.crypto.sign.TypedDataException;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * The unlocked accounts of a dev node: {@code eth_accounts}, {@code eth_sendTransaction},
 * {@code eth_signTransaction}, {@code eth_sign}, {@code personal_sign} and
 * {@code eth_signTypedData_v4}. The node registers these only in dev mode: they sign with
 * keys it holds (normally the ten keys of the standard test mnemonic), which no node
 * serving real funds should do.
 *
 * <p>{@code eth_sendTransaction} fills in what the request leaves out
 * ({@link TransactionFiller}), signs with the sender's key, or, for an account the
 * {@link DevNode} impersonates, hands the transaction to the node unsigned. A sender that
 * is neither is refused with geth's -32000 "unknown account"; a request without
 * {@code from} sends from the first dev account, as anvil does. Pool refusals come back as
 * -32000 with go-ethereum's text. Signing methods need a key: impersonated accounts cannot
 * sign.
 */
public final class DevAccountsApi {
  private final UnlockedAccounts accounts;
  private final DevNode node;
  private final TransactionHooks hooks;
  private final TransactionFiller filler;

  /**
   * @param keys the keys to act for, e.g. {@code DevAccounts.testAccounts(10)}; the first is
   *     the default sender
   * @param node impersonation and unsigned submission
   * @param hooks nonce, fee and gas defaults and the pool
   */
  public DevAccountsApi(List<PrivateKey> keys, DevNode node, TransactionHooks hooks) {
    this.accounts = new UnlockedAccounts(keys, node);
    this.node = node;
    this.hooks = hooks;
    this.filler = new TransactionFiller(hooks);
  }

  public void register(RpcDispatcher d) {
    d.register("eth_accounts", (p, s) -> {
      p.atMost(0);
      return accounts.all().stream().map(Address::toHex).toList();
    });
    d.register("eth_sendTransaction", (p, s) -> sendTransaction(p));
    d.register("eth_signTransaction", (p, s) -> signTransaction(p));
    d.register("eth_sign", (p, s) -> {
      p.atMost(2);
      Address account = p.address(0, "address");
      var message = p.data(1, "message");
      return PersonalMessage.sign(message, accounts.requireKey(account)).toHex();
    });
    d.register("personal_sign", (p, s) -> {
      // personal_sign puts the message first; a third argument (a password) means nothing here.
      p.atMost(3);
      var message = p.data(0, "message");
      Address account = p.address(1, "address");
      if (p.has(2) && !p.raw().get(2).isTextual()) {
        throw DevParams.bad(2, "password", "expected a string");
      }
      return PersonalMessage.sign(message, accounts.requireKey(account)).toHex();
    });
    d.register("eth_signTypedData_v4", (p, s) -> {
      p.atMost(2);
      Address account = p.address(0, "address");
      TypedData data = typedData(p.required(1, "typed data"));
      PrivateKey key = accounts.requireKey(account);
      try {
        return Eip712.sign(data, key).toHex();
      } catch (TypedDataException e) {
        // Values are checked as they are hashed, so a bad value shows up only here.
        throw DevParams.bad(1, "typed data", e.getMessage());
      }
    });
  }

  private String sendTransaction(Params p) {
    p.atMost(1);
    TransactionRequest req = TransactionRequest.parse(p.object(0, "transaction"), 0);
    Address from = req.from() != null ? req.from() : accounts.defaultSender();
    if (!accounts.canSend(from)) {
      throw UnlockedAccounts.unknown();
    }
    Transaction unsigned = filler.fill(req, from);
    Optional<PrivateKey> key = accounts.key(from);
    try {
      Hash hash = key.isPresent()
          ? hooks.submit().add(UnlockedAccounts.sign(unsigned, hooks.chainId(), key.get()))
          : node.submitUnsigned(unsigned, from);
      return hash.toHex();
    } catch (TxPoolException e) {
      throw RpcException.server(e.getMessage());
    }
  }

  /** Fills in and signs like {@code eth_sendTransaction}, and returns the raw transaction (anvil's shape). */
  private String signTransaction(Params p) {
    p.atMost(1);
    TransactionRequest req = TransactionRequest.parse(p.object(0, "transaction"), 0);
    Address from = req.from() != null ? req.from() : accounts.defaultSender();
    PrivateKey key = accounts.requireKey(from);
    Transaction signed = UnlockedAccounts.sign(filler.fill(req, from), hooks.chainId(), key);
    return Quantity.data(signed.encoded());
  }

  /** Typed data as a JSON string (what MetaMask, ethers and viem send) or as an object. */
  private static TypedData typedData(JsonNode n) {
    try {
      if (n.isTextual()) {
        return TypedData.parse(n.textValue());
      }
      if (n.isObject()) {
        return TypedData.fromJson(n);
      }
    } catch (TypedDataException e) {
      throw DevParams.bad(1, "typed data", e.getMessage());
    }
    throw DevParams.bad(1, "typed data", "expected a JSON string or an object");
  }
}
