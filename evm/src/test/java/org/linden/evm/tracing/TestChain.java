package org.linden.evm.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.evm.BlockContext;
import org.linden.evm.Evm;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Message;
import org.linden.evm.TxContext;
import org.linden.evm.precompile.Precompiles;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.StateReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A pre-state of a few accounts and a transaction run the way the chain's transaction
 * processor runs one (gas bought, intrinsic gas taken, refund capped at a fifth, the fee
 * recipient paid), with the tracer hooks called where the JSON-RPC layer calls them.
 */
final class TestChain {
  static final Address SENDER = Address.fromNumber(0x5e4d);
  static final Address COINBASE = Address.fromNumber(0xc0ffee);
  static final long INTRINSIC = 21_000;

  private record Account(long nonce, UInt256 balance, Bytes code, Map<UInt256, UInt256> storage) {}

  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<Hash, Bytes> codes = new HashMap<>();
  private final Fork fork;
  final JournaledWorldState state;

  TestChain(Fork fork) {
    this.fork = fork;
    this.state = new JournaledWorldState(new StateReader() {
      @Override
      public Optional<AccountInfo> account(Address address) {
        Account a = accounts.get(address);
        return a == null ? Optional.empty()
            : Optional.of(new AccountInfo(a.nonce(), a.balance(), Keccak.hash256(a.code())));
      }

      @Override
      public Bytes code(Hash codeHash) {
        return codes.getOrDefault(codeHash, Bytes.EMPTY);
      }

      @Override
      public boolean hasStorage(Address address) {
        Account a = accounts.get(address);
        return a != null && a.storage().values().stream().anyMatch(v -> !v.isZero());
      }

      @Override
      public UInt256 storage(Address address, UInt256 slot) {
        Account a = accounts.get(address);
        return a == null ? UInt256.ZERO : a.storage().getOrDefault(slot, UInt256.ZERO);
      }
    });
  }

  Fork fork() {
    return fork;
  }

  TestChain account(Address address, long nonce, long balance, Bytes code, long... slotValuePairs) {
    Map<UInt256, UInt256> storage = new HashMap<>();
    for (int i = 0; i < slotValuePairs.length; i += 2) {
      storage.put(UInt256.valueOf(slotValuePairs[i]), UInt256.valueOf(slotValuePairs[i + 1]));
    }
    accounts.put(address, new Account(nonce, UInt256.valueOf(balance), code, storage));
    codes.put(Keccak.hash256(code), code);
    return this;
  }

  /**
   * Runs a call ({@code to} non-null) or creation from {@link #SENDER} with no access list
   * and returns the gas used as a receipt states it.
   */
  long run(GethTracer tracer, Address to, long value, Bytes data, long gasLimit, long gasPrice) {
    state.beginTransaction();
    tracer.txStart(new TransactionContext(SENDER, to, COINBASE, gasLimit));
    long nonce = state.getNonce(SENDER);
    UInt256 price = UInt256.valueOf(gasPrice);
    state.setNonce(SENDER, nonce + 1);
    state.setBalance(SENDER, state.getBalance(SENDER).sub(UInt256.valueOf(gasLimit).mul(price)));
    state.warmAddress(SENDER);
    Precompiles.forFork(fork).keySet().forEach(state::warmAddress);
    state.warmAddress(COINBASE);
    BlockContext block = new BlockContext(COINBASE, 1, 1_000, 30_000_000, UInt256.ZERO, UInt256.ZERO,
        UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);
    Evm evm = new Evm(state, block, new TxContext(SENDER, price, List.of()), fork, tracer);
    long gas = gasLimit - INTRINSIC;
    Message m;
    if (to == null) {
      Address created = org.linden.evm.ContractAddress.of(SENDER, nonce);
      state.warmAddress(created);
      m = new Message(Message.Kind.CREATE, SENDER, created, created, UInt256.valueOf(value), true, Bytes.EMPTY,
          data, gas, 0, false, false);
    } else {
      state.warmAddress(to);
      m = new Message(Message.Kind.CALL, SENDER, to, to, UInt256.valueOf(value), true, data, state.getCode(to),
          gas, 0, false, false);
    }
    ExecutionResult r = evm.execute(m);
    long used = gasLimit - r.gasLeft();
    long refund = Math.min(used / 5, r.success() ? state.getRefund() : 0);
    used -= refund;
    state.setBalance(SENDER, state.getBalance(SENDER).add(UInt256.valueOf(gasLimit - used).mul(price)));
    if (gasPrice > 0) {
      state.setBalance(COINBASE, state.getBalance(COINBASE).add(UInt256.valueOf(used).mul(price)));
    } else {
      state.touch(COINBASE);
    }
    state.finishTransaction(true);
    tracer.txEnd(used);
    return used;
  }
}
