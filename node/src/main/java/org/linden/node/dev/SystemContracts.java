package org.linden.node.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linden.chain.config.GenesisAccount;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SenderRecovery;
import org.linden.evm.BlockContext;
import org.linden.evm.ContractAddress;
import org.linden.evm.Evm;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Message;
import org.linden.evm.TxContext;
import org.linden.evm.state.CodeOnlyState;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.JournaledWorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The system contracts a chain with Cancun and Prague active at genesis needs in its
 * genesis state: EIP-4788 beacon roots, EIP-2935 block hash history, EIP-7002 withdrawal
 * requests and EIP-7251 consolidation requests.
 *
 * <p>Each EIP defines its contract by a deployment transaction (a contract creation signed
 * with a made-up signature, so nobody knows the sender's key). We keep those transactions,
 * not the runtime code: the address follows from the recovered sender, which the signature
 * binds to the init code, and the account (code, nonce, storage the constructor writes) is
 * what our EVM makes of the init code. A wrong byte anywhere moves the address, which the
 * tests compare with the address the EIP states.
 */
public final class SystemContracts {
  private static final String RESOURCE = "system-contracts.json";

  /**
   * One EIP's deployment transaction.
   *
   * @param eip the EIP number
   * @param name what the contract is for
   * @param transaction the legacy, unprotected contract creation the EIP gives
   */
  public record Deployment(int eip, String name, LegacyTransaction transaction) {
    /** The sender recovered from the transaction's signature. */
    public Address sender() {
      try {
        // An unprotected legacy signature: the chain id plays no part in recovery.
        return SenderRecovery.recover(transaction, Fork.HOMESTEAD, 0);
      } catch (InvalidTransactionException e) {
        throw new IllegalStateException("EIP-" + eip + " deployment signature does not recover: " + e.getMessage(), e);
      }
    }

    /** Where the transaction creates the contract: the sender's first contract address. */
    public Address address() {
      return ContractAddress.of(sender(), transaction.nonce());
    }
  }

  private SystemContracts() {}

  /** The four deployment transactions, in the order of the EIPs' forks. */
  public static List<Deployment> deployments() {
    JsonNode root;
    try (InputStream in = SystemContracts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    List<Deployment> out = new ArrayList<>();
    for (JsonNode c : root.get("contracts")) {
      LegacyTransaction tx = new LegacyTransaction(0, UInt256.fromHex(c.get("gasPrice").asText()),
          UInt256.fromHex(c.get("gas").asText()).toLongExact(), null, UInt256.ZERO, Bytes.fromHex(c.get("input").asText()),
          UInt256.fromHex(c.get("v").asText()), UInt256.fromHex(c.get("r").asText()),
          UInt256.fromHex(c.get("s").asText()));
      out.add(new Deployment(c.get("eip").asInt(), c.get("name").asText(), tx));
    }
    return List.copyOf(out);
  }

  /**
   * The genesis accounts of the four contracts as executing their init code under
   * {@code fork} leaves them (code, nonce 1, and any storage the constructor writes: the
   * request contracts start with their fee inhibitor set), by address.
   */
  public static Map<Address, GenesisAccount> genesisAccounts(Fork fork, long chainId) {
    Map<Address, GenesisAccount> out = new LinkedHashMap<>();
    for (Deployment d : deployments()) {
      out.put(d.address(), deploy(d, fork, chainId));
    }
    return out;
  }

  /** Runs the deployment's init code as a creation from its sender on an empty state. */
  static GenesisAccount deploy(Deployment d, Fork fork, long chainId) {
    LegacyTransaction tx = d.transaction();
    Address sender = d.sender();
    Address target = d.address();
    JournaledWorldState state = new JournaledWorldState(CodeOnlyState.EMPTY);
    state.beginTransaction();
    BlockContext block = new BlockContext(Address.ZERO, 0, 0, tx.gas(), UInt256.ZERO, UInt256.ZERO,
        UInt256.valueOf(chainId), UInt256.ZERO, n -> Hash.ZERO);
    Evm evm = new Evm(state, block, new TxContext(sender, tx.gasPrice(), List.of()), fork, null);
    ExecutionResult r = evm.execute(new Message(Message.Kind.CREATE, sender, target, target, UInt256.ZERO, true,
        Bytes.EMPTY, tx.data(), tx.gas(), 0, false, false));
    if (!r.success()) {
      throw new IllegalStateException("EIP-" + d.eip() + " init code failed: " + r.status() + " " + r.error());
    }
    state.finishTransaction(true);
    for (AccountChange change : state.changes()) {
      if (change.address().equals(target)) {
        AccountInfo info = change.info();
        Bytes code = change.code() == null ? Bytes.EMPTY : change.code();
        Map<UInt256, UInt256> storage = new LinkedHashMap<>();
        // A zero slot is no slot: leave it out so that the genesis file lists only real state.
        change.storage().forEach((slot, value) -> {
          if (!value.isZero()) {
            storage.put(slot, value);
          }
        });
        return new GenesisAccount(info.nonce(), info.balance(), code, storage);
      }
    }
    throw new IllegalStateException("EIP-" + d.eip() + " init code created no account at " + target);
  }
}
