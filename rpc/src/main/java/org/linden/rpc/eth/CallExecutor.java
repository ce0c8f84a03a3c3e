package org.linden.rpc.eth;

import java.math.BigInteger;
import java.util.List;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.IntrinsicGas;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionValidator;
import org.linden.evm.ContractAddress;
import org.linden.evm.Delegation;
import org.linden.evm.Evm;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Log;
import org.linden.evm.Message;
import org.linden.evm.Tracer;
import org.linden.evm.TxContext;
import org.linden.evm.precompile.Precompiles;
import org.linden.evm.state.WorldState;
import org.linden.rpc.eth.CallRejectedException.Kind;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Runs a call object as the state transition would run a transaction, with the checks a
 * call does not need relaxed as geth relaxes them for {@code eth_call}: no signature, the
 * sender may be a contract, the nonce is not compared (unless {@code validate}), and a
 * call that names no fee (or zero fees) pays nothing, sees a base fee of zero and is not
 * held to the block's base fee. Otherwise it is {@code TransactionProcessor}'s sequence:
 * buy gas, bump the nonce, warm the access sets, apply EIP-7702 authorizations, execute,
 * refund and pay the block producer.
 *
 * <p>Lives here rather than reusing {@code TransactionProcessor} because that class, being
 * consensus code, insists on every check a call must skip.
 */
public final class CallExecutor {
  private static final long PER_EMPTY_ACCOUNT_COST = 25_000;
  private static final long PER_AUTH_BASE_COST = 12_500;
  private static final long BLOB_GAS_PER_BLOB = 1L << 17;

  private CallExecutor() {}

  /** The three prices of a call: what it pays per gas, its fee cap and its tip. */
  record Prices(UInt256 gasPrice, UInt256 feeCap, UInt256 tip) {
    /** geth's {@code ToMessage}: a legacy price sets all three; otherwise the EIP-1559 fields, zero when absent. */
    static Prices of(CallRequest call, boolean london, UInt256 baseFee) {
      if (!london || call.gasPrice() != null) {
        UInt256 price = call.gasPrice() == null ? UInt256.ZERO : call.gasPrice();
        return new Prices(price, price, price);
      }
      UInt256 cap = call.maxFeePerGas() == null ? UInt256.ZERO : call.maxFeePerGas();
      UInt256 tip = call.maxPriorityFeePerGas() == null ? UInt256.ZERO : call.maxPriorityFeePerGas();
      UInt256 price = UInt256.ZERO;
      if (!cap.isZero() || !tip.isZero()) {
        UInt256 withTip = tip.add(baseFee);
        price = withTip.lt(tip) || withTip.gt(cap) ? cap : withTip;
      }
      return new Prices(price, cap, tip);
    }
  }

  /**
   * Executes {@code call} with {@code gas} on {@code state} in {@code block}. With
   * {@code validate}, the nonce must match and fees are checked even when zero (the
   * {@code eth_simulateV1} validation mode).
   *
   * @throws CallRejectedException if the call could not start; {@code state} is then unchanged
   */
  public static CallResult run(WorldState state, CallBlock block, CallRequest call, long gas, boolean validate,
      Tracer tracer) throws CallRejectedException {
    Fork fork = block.fork();
    Address sender = call.sender();
    boolean london = fork.isAtLeast(Fork.LONDON) && block.baseFee() != null;
    UInt256 baseFee = london ? block.baseFee() : UInt256.ZERO;
    Prices p = Prices.of(call, london, baseFee);
    boolean freeGas = !validate && p.feeCap().isZero() && p.tip().isZero();
    // geth lowers the base fee to zero for a free call, so that BASEFEE <= GASPRICE holds.
    UInt256 evmBaseFee = p.gasPrice().isZero() ? UInt256.ZERO : baseFee;

    boolean blobs = call.blobVersionedHashes() != null;
    UInt256 blobFeeCap = call.maxFeePerBlobGas() == null ? UInt256.ZERO : call.maxFeePerBlobGas();
    boolean freeBlobGas = !validate && blobFeeCap.isZero();
    UInt256 evmBlobBaseFee = (blobs || call.maxFeePerBlobGas() != null) && blobFeeCap.isZero()
        ? UInt256.ZERO
        : block.blobBaseFee();
    long blobGas = call.blobHashesOrEmpty().size() * BLOB_GAS_PER_BLOB;

    state.beginTransaction();
    long nonce = state.getNonce(sender);
    if (validate) {
      checkNonce(call, sender, nonce);
    }
    if (london && !freeGas) {
      checkFees(p, sender, baseFee);
    }
    if (blobs) {
      checkBlobs(call, fork, sender, freeBlobGas, blobFeeCap, block.blobBaseFee());
    }
    if (call.authorizations() != null) {
      checkAuthorizations(call, fork);
    }
    UInt256 balance = state.getBalance(sender);
    BigInteger want = unsigned(gas).multiply((london ? p.feeCap() : p.gasPrice()).toBigInteger())
        .add(call.valueOrZero().toBigInteger())
        .add(BigInteger.valueOf(blobGas).multiply(blobFeeCap.toBigInteger()));
    if (balance.toBigInteger().compareTo(want) < 0) {
      throw new CallRejectedException(Kind.INSUFFICIENT_FUNDS, "insufficient funds for gas * price + value: address "
          + sender + " have " + balance + " want " + want);
    }
    IntrinsicGas intrinsic = IntrinsicGas.of(shape(call, gas, p, block.chainId()), fork);
    if (Long.compareUnsigned(gas, intrinsic.intrinsicGas()) < 0) {
      throw new CallRejectedException(Kind.INTRINSIC_GAS, "intrinsic gas too low: have " + Long.toUnsignedString(gas)
          + ", want " + intrinsic.intrinsicGas());
    }
    long floor = fork.isAtLeast(Fork.PRAGUE) ? intrinsic.calldataFloorGas() : 0;
    if (Long.compareUnsigned(gas, floor) < 0) {
      throw new CallRejectedException(Kind.INTRINSIC_GAS, "insufficient gas for floor data gas cost: have "
          + Long.toUnsignedString(gas) + ", want " + floor);
    }
    if (call.to() == null && fork.isAtLeast(Fork.SHANGHAI)
        && call.inputOrEmpty().size() > TransactionValidator.MAX_INITCODE_SIZE) {
      throw new CallRejectedException(Kind.INIT_CODE_TOO_LARGE, "max initcode size exceeded: code size "
          + call.inputOrEmpty().size() + ", limit " + TransactionValidator.MAX_INITCODE_SIZE);
    }

    // From here on the call is "included": buy gas, bump the nonce.
    UInt256 blobFee = UInt256.valueOf(blobGas).mul(evmBlobBaseFee);
    state.setNonce(sender, nonce + 1);
    state.setBalance(sender, balance.sub(UInt256.valueOf(gas).mul(p.gasPrice())).sub(blobFee));
    warm(state, fork, sender, call, block.coinbase());

    Evm evm = new Evm(state, block.context(evmBaseFee, evmBlobBaseFee),
        new TxContext(sender, p.gasPrice(), call.blobHashesOrEmpty()), fork, tracer);
    long authRefund = call.authorizations() == null ? 0 : applyAuthorizations(state, call.authorizations(),
        block.chainId());
    long execGas = gas - intrinsic.intrinsicGas();
    ExecutionResult result;
    Address created = null;
    if (call.to() == null) {
      created = ContractAddress.of(sender, nonce);
      state.warmAddress(created);
      result = evm.hasCodeOrNonce(created)
          ? new ExecutionResult(ExecutionResult.Status.HALT, 0, Bytes.EMPTY, null, "contract address collision")
          : evm.execute(new Message(Message.Kind.CREATE, sender, created, created, call.valueOrZero(), true,
              Bytes.EMPTY, call.inputOrEmpty(), execGas, 0, false, false));
    } else {
      result = evm.execute(callMessage(state, fork, sender, call, execGas));
    }

    long refundCounter = authRefund + (result.success() ? state.getRefund() : 0);
    long usedBeforeRefund = gas - result.gasLeft();
    long refund = Math.min(usedBeforeRefund / (fork.isAtLeast(Fork.LONDON) ? 5 : 2), refundCounter);
    long gasUsed = Math.max(usedBeforeRefund - refund, floor);
    long maxUsed = Math.max(usedBeforeRefund, floor);
    UInt256 left = UInt256.valueOf(gas - gasUsed);
    state.setBalance(sender, state.getBalance(sender).add(left.mul(p.gasPrice())));
    if (!freeGas) {
      UInt256 producerFee = UInt256.valueOf(gasUsed).mul(p.gasPrice().sub(evmBaseFee));
      Address coinbase = block.coinbase();
      state.setBalance(coinbase, state.getBalance(coinbase).add(producerFee));
    }
    List<Log> logs = result.success() ? state.logs() : List.of();
    state.finishTransaction(fork.isAtLeast(Fork.SPURIOUS_DRAGON));
    return new CallResult(result.status(), gasUsed, maxUsed, result.output(), logs, result.error(),
        result.success() && call.to() == null ? created : null);
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  private static void checkNonce(CallRequest call, Address sender, long stateNonce) throws CallRejectedException {
    long nonce = call.nonce() != null ? call.nonce() : stateNonce;
    if (Long.compareUnsigned(nonce, stateNonce) < 0) {
      throw new CallRejectedException(Kind.NONCE_TOO_LOW, "nonce too low: address " + sender + ", tx: "
          + Long.toUnsignedString(nonce) + " state: " + Long.toUnsignedString(stateNonce));
    }
    if (Long.compareUnsigned(nonce, stateNonce) > 0) {
      throw new CallRejectedException(Kind.NONCE_TOO_HIGH, "nonce too high: address " + sender + ", tx: "
          + Long.toUnsignedString(nonce) + " state: " + Long.toUnsignedString(stateNonce));
    }
    if (stateNonce == -1L) {
      throw new CallRejectedException(Kind.INVALID, "nonce has max value: address " + sender);
    }
  }

  private static void checkFees(Prices p, Address sender, UInt256 baseFee) throws CallRejectedException {
    if (p.feeCap().lt(p.tip())) {
      throw new CallRejectedException(Kind.FEE, "max priority fee per gas higher than max fee per gas: address "
          + sender + ", maxPriorityFeePerGas: " + p.tip() + ", maxFeePerGas: " + p.feeCap());
    }
    if (p.feeCap().lt(baseFee)) {
      throw new CallRejectedException(Kind.FEE, "max fee per gas less than block base fee: address " + sender
          + ", maxFeePerGas: " + p.feeCap() + ", baseFee: " + baseFee);
    }
  }

  private static void checkBlobs(CallRequest call, Fork fork, Address sender, boolean free, UInt256 feeCap,
      UInt256 blobBaseFee) throws CallRejectedException {
    if (fork.isBefore(Fork.CANCUN)) {
      throw new CallRejectedException(Kind.INVALID, "blob versioned hashes are not supported before Cancun");
    }
    if (call.to() == null) {
      throw new CallRejectedException(Kind.INVALID, "blob transaction of type create");
    }
    List<Hash> hashes = call.blobVersionedHashes();
    if (hashes.isEmpty()) {
      throw new CallRejectedException(Kind.INVALID, "blob transaction missing blob hashes");
    }
    for (int i = 0; i < hashes.size(); i++) {
      if (hashes.get(i).bytes().getUnsigned(0) != TransactionValidator.VERSIONED_HASH_VERSION_KZG) {
        throw new CallRejectedException(Kind.INVALID, "blob " + i + " has invalid hash version");
      }
    }
    if (!free && feeCap.lt(blobBaseFee)) {
      throw new CallRejectedException(Kind.FEE, "max fee per blob gas less than block blob gas fee: address "
          + sender + " blobGasFeeCap: " + feeCap + ", blobBaseFee: " + blobBaseFee);
    }
  }

  private static void checkAuthorizations(CallRequest call, Fork fork) throws CallRejectedException {
    if (fork.isBefore(Fork.PRAGUE)) {
      throw new CallRejectedException(Kind.INVALID, "set-code authorizations are not supported before Prague");
    }
    if (call.to() == null) {
      throw new CallRejectedException(Kind.INVALID, "EIP-7702 transaction cannot be used to create contract");
    }
    if (call.authorizations().isEmpty()) {
      throw new CallRejectedException(Kind.INVALID, "EIP-7702 transaction with empty auth list");
    }
  }

  /** A transaction of the call's shape, for the intrinsic gas (which reads data, creation, access list, authorizations). */
  static Transaction shape(CallRequest call, long gas, Prices p, long chainId) {
    long nonce = call.nonce() == null ? 0 : call.nonce();
    if (call.authorizations() != null && call.to() != null) {
      return new SetCodeTransaction(chainId, nonce, p.tip(), p.feeCap(), gas, call.to(), call.valueOrZero(),
          call.inputOrEmpty(), call.accessListOrEmpty(), call.authorizations(), 0, UInt256.ZERO, UInt256.ZERO);
    }
    return new FeeMarketTransaction(chainId, nonce, p.tip(), p.feeCap(), gas, call.to(), call.valueOrZero(),
        call.inputOrEmpty(), call.accessListOrEmpty(), 0, UInt256.ZERO, UInt256.ZERO);
  }

  private static void warm(WorldState state, Fork fork, Address sender, CallRequest call, Address coinbase) {
    if (fork.isAtLeast(Fork.BERLIN)) {
      state.warmAddress(sender);
      if (call.to() != null) {
        state.warmAddress(call.to());
      }
      for (Address p : Precompiles.forFork(fork).keySet()) {
        state.warmAddress(p);
      }
      for (Access a : call.accessListOrEmpty()) {
        state.warmAddress(a.account());
        for (Hash slot : a.slots()) {
          state.warmSlot(a.account(), UInt256.fromBytes(slot.bytes()));
        }
      }
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      state.warmAddress(coinbase);
    }
  }

  private static Message callMessage(WorldState state, Fork fork, Address sender, CallRequest call, long gas) {
    Address to = call.to();
    Bytes code = state.getCode(to);
    Address codeAddress = to;
    boolean delegated = false;
    if (fork.isAtLeast(Fork.PRAGUE)) {
      var target = Delegation.target(code);
      if (target.isPresent()) {
        delegated = true;
        codeAddress = target.get();
        state.warmAddress(codeAddress);
        code = state.getCode(codeAddress);
      }
    }
    return new Message(Message.Kind.CALL, sender, to, codeAddress, call.valueOrZero(), true, call.inputOrEmpty(),
        code, gas, 0, false, delegated);
  }

  /** EIP-7702: valid authorizations delegate their authority's code; returns the refund for existing authorities. */
  private static long applyAuthorizations(WorldState state, List<Authorization> authorizations, long chainId) {
    long refund = 0;
    UInt256 id = UInt256.valueOf(chainId);
    for (Authorization auth : authorizations) {
      if ((!auth.chainId().isZero() && !auth.chainId().equals(id)) || auth.nonce() == -1L) {
        continue;
      }
      var authority = auth.authority();
      if (authority.isEmpty()) {
        continue;
      }
      Address a = authority.get();
      state.warmAddress(a);
      Bytes code = state.getCode(a);
      if ((!code.isEmpty() && !Delegation.isDesignator(code)) || state.getNonce(a) != auth.nonce()) {
        continue;
      }
      if (state.exists(a)) {
        refund += PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST;
      }
      state.setCode(a, auth.address().equals(Address.ZERO) ? Bytes.EMPTY : Delegation.designatorFor(auth.address()));
      state.setNonce(a, auth.nonce() + 1);
    }
    return refund;
  }
}
