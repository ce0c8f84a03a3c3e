package org.linden.chain.execution;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.evm.BlockContext;
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
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The state transition of one transaction (execution-specs' {@code process_transaction}):
 * checks against state and block, buys gas, runs the EVM, refunds, pays the block
 * producer and burns the base fee. A rejected transaction changes nothing.
 */
public final class TransactionProcessor {
  private static final long PER_EMPTY_ACCOUNT_COST = 25_000;
  private static final long PER_AUTH_BASE_COST = 12_500;

  private final Fork fork;
  private final long chainId;
  private final BlockContext block;
  private final BlobSchedule blobSchedule;
  private final long excessBlobGas;

  public TransactionProcessor(Fork fork, long chainId, BlockContext block, BlobSchedule blobSchedule,
      long excessBlobGas) {
    this.fork = fork;
    this.chainId = chainId;
    this.block = block;
    this.blobSchedule = blobSchedule;
    this.excessBlobGas = excessBlobGas;
  }

  /**
   * Applies a transaction whose static validity was checked ({@link ValidTransaction}).
   * {@code blockGasAvailable} and {@code blobGasAvailable} are what is left in the block.
   */
  public TransactionResult process(WorldState state, ValidTransaction valid, long blockGasAvailable,
      long blobGasAvailable, Tracer tracer) throws TransactionRejectedException {
    Transaction tx = valid.transaction();
    Address sender = valid.sender();
    state.beginTransaction();

    if (Long.compareUnsigned(tx.gas(), blockGasAvailable) > 0) {
      throw reject(TransactionRejectedException.Reason.BLOCK_GAS_LIMIT_EXCEEDED,
          "gas limit " + Long.toUnsignedString(tx.gas()) + " exceeds the gas left in the block ("
              + blockGasAvailable + ")");
    }
    long blobGasUsed = tx instanceof BlobTransaction b ? b.blobVersionedHashes().size() * BlobSchedule.GAS_PER_BLOB : 0;
    if (blobGasUsed > blobGasAvailable) {
      throw reject(TransactionRejectedException.Reason.BLOB_GAS_LIMIT_EXCEEDED,
          "blob gas " + blobGasUsed + " exceeds the blob gas left in the block (" + blobGasAvailable + ")");
    }
    UInt256 baseFee = fork.isAtLeast(Fork.LONDON) ? block.baseFee() : UInt256.ZERO;
    UInt256 effectiveGasPrice;
    UInt256 maxGasFee;
    UInt256 gasLimit = UInt256.valueOf(tx.gas());
    if (tx instanceof LegacyTransaction || tx.type().code() == 1) {
      UInt256 gasPrice = tx.maxFeePerGas();
      if (gasPrice.lt(baseFee)) {
        throw reject(TransactionRejectedException.Reason.FEE_CAP_BELOW_BASE_FEE,
            "gas price " + gasPrice + " is below the base fee " + baseFee);
      }
      effectiveGasPrice = gasPrice;
      maxGasFee = checkedMul(gasLimit, gasPrice);
    } else {
      UInt256 maxFee = tx.maxFeePerGas();
      UInt256 tip = tx.maxPriorityFeePerGas();
      if (maxFee.lt(tip)) {
        throw reject(TransactionRejectedException.Reason.INVALID_TRANSACTION,
            "max priority fee " + tip + " is above the max fee " + maxFee);
      }
      if (maxFee.lt(baseFee)) {
        throw reject(TransactionRejectedException.Reason.FEE_CAP_BELOW_BASE_FEE,
            "max fee per gas " + maxFee + " is below the base fee " + baseFee);
      }
      UInt256 priority = min(tip, maxFee.sub(baseFee));
      effectiveGasPrice = priority.add(baseFee);
      maxGasFee = checkedMul(gasLimit, maxFee);
    }
    UInt256 blobFee = UInt256.ZERO;
    if (tx instanceof BlobTransaction b) {
      UInt256 blobBaseFee = blobSchedule.blobBaseFee(excessBlobGas);
      if (b.maxFeePerBlobGas().lt(blobBaseFee)) {
        throw reject(TransactionRejectedException.Reason.BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE,
            "max fee per blob gas " + b.maxFeePerBlobGas() + " is below the blob base fee " + blobBaseFee);
      }
      maxGasFee = checkedAdd(maxGasFee, checkedMul(UInt256.valueOf(blobGasUsed), b.maxFeePerBlobGas()));
      blobFee = UInt256.valueOf(blobGasUsed).mul(blobBaseFee);
    }
    long nonce = state.getNonce(sender);
    if (Long.compareUnsigned(nonce, tx.nonce()) > 0) {
      throw reject(TransactionRejectedException.Reason.NONCE_TOO_LOW,
          "nonce too low: address " + sender + ", tx: " + Long.toUnsignedString(tx.nonce()) + " state: "
              + Long.toUnsignedString(nonce));
    }
    if (Long.compareUnsigned(nonce, tx.nonce()) < 0) {
      throw reject(TransactionRejectedException.Reason.NONCE_TOO_HIGH,
          "nonce too high: address " + sender + ", tx: " + Long.toUnsignedString(tx.nonce()) + " state: "
              + Long.toUnsignedString(nonce));
    }
    UInt256 balance = state.getBalance(sender);
    UInt256 needed = checkedAdd(maxGasFee, tx.value());
    if (needed == null || maxGasFee == null || balance.lt(needed)) {
      throw reject(TransactionRejectedException.Reason.INSUFFICIENT_FUNDS,
          "insufficient funds for gas * price + value: address " + sender + " have " + balance + " want "
              + (needed == null ? "more than 2^256" : needed.toString()));
    }
    Bytes senderCode = state.getCode(sender);
    if (fork.isAtLeast(Fork.LONDON) && !senderCode.isEmpty()
        && !(fork.isAtLeast(Fork.PRAGUE) && Delegation.isDesignator(senderCode))) {
      throw reject(TransactionRejectedException.Reason.SENDER_NOT_EOA,
          "sender " + sender + " is not an externally owned account (EIP-3607)");
    }

    // Buy gas and bump the nonce: from here on the transaction is included.
    UInt256 gasFee = gasLimit.mul(effectiveGasPrice);
    state.setNonce(sender, nonce + 1);
    state.setBalance(sender, balance.sub(gasFee).sub(blobFee));

    long intrinsic = valid.intrinsicGas().intrinsicGas();
    long floor = fork.isAtLeast(Fork.PRAGUE) ? valid.intrinsicGas().calldataFloorGas() : 0;
    long gas = tx.gas() - intrinsic;

    if (fork.isAtLeast(Fork.BERLIN)) {
      state.warmAddress(sender);
      if (tx.to() != null) {
        state.warmAddress(tx.to());
      }
      for (Address p : Precompiles.forFork(fork).keySet()) {
        state.warmAddress(p);
      }
      for (Access a : tx.accessList()) {
        state.warmAddress(a.account());
        for (Hash slot : a.slots()) {
          state.warmSlot(a.account(), UInt256.fromBytes(slot.bytes()));
        }
      }
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      state.warmAddress(block.coinbase());
    }

    List<Hash> blobHashes = tx instanceof BlobTransaction b ? b.blobVersionedHashes() : List.of();
    Evm evm = new Evm(state, block, new TxContext(sender, effectiveGasPrice, blobHashes), fork, tracer);

    long authRefund = 0;
    if (tx instanceof SetCodeTransaction setCode) {
      authRefund = applyAuthorizations(state, setCode.authorizations());
    }

    ExecutionResult result;
    Address created = null;
    if (tx.isContractCreation()) {
      created = ContractAddress.of(sender, nonce);
      state.warmAddress(created);
      if (evm.hasCodeOrNonce(created)) {
        result = new ExecutionResult(ExecutionResult.Status.HALT, 0, Bytes.EMPTY, null, "contract address collision");
      } else {
        result = evm.execute(new Message(Message.Kind.CREATE, sender, created, created, tx.value(), true,
            Bytes.EMPTY, tx.data(), gas, 0, false, false));
      }
    } else {
      Address to = tx.to();
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
      result = evm.execute(new Message(Message.Kind.CALL, sender, to, codeAddress, tx.value(), true, tx.data(),
          code, gas, 0, false, delegated));
    }

    long refundCounter = authRefund + (result.success() ? state.getRefund() : 0);
    long gasUsedBeforeRefund = tx.gas() - result.gasLeft();
    long refund = Math.min(gasUsedBeforeRefund / (fork.isAtLeast(Fork.LONDON) ? 5 : 2), refundCounter);
    long gasUsed = Math.max(gasUsedBeforeRefund - refund, floor);
    long gasLeft = tx.gas() - gasUsed;

    state.setBalance(sender, state.getBalance(sender).add(UInt256.valueOf(gasLeft).mul(effectiveGasPrice)));
    UInt256 priorityFee = effectiveGasPrice.sub(baseFee);
    UInt256 producerFee = UInt256.valueOf(gasUsed).mul(priorityFee);
    Address coinbase = block.coinbase();
    if (!producerFee.isZero() || fork.isBefore(Fork.SPURIOUS_DRAGON)) {
      state.setBalance(coinbase, state.getBalance(coinbase).add(producerFee));
    } else {
      // A zero fee still touches the producer: an empty account there is deleted (EIP-161).
      state.touch(coinbase);
    }
    List<Log> logs = result.success() ? state.logs() : new ArrayList<>();
    state.finishTransaction(fork.isAtLeast(Fork.SPURIOUS_DRAGON));
    return new TransactionResult(result.success(), gasUsed, blobGasUsed, logs, result.output(),
        result.success() && tx.isContractCreation() ? created : null, result.error());
  }

  /** EIP-7702 set_delegation: valid authorizations set their authority's code; returns the refund. */
  private long applyAuthorizations(WorldState state, List<Authorization> authorizations) {
    long refund = 0;
    UInt256 id = UInt256.valueOf(chainId);
    for (Authorization auth : authorizations) {
      if (!auth.chainId().isZero() && !auth.chainId().equals(id)) {
        continue;
      }
      if (auth.nonce() == -1L) {
        continue;
      }
      var authority = auth.authority();
      if (authority.isEmpty()) {
        continue;
      }
      Address a = authority.get();
      state.warmAddress(a);
      Bytes code = state.getCode(a);
      if (!code.isEmpty() && !Delegation.isDesignator(code)) {
        continue;
      }
      if (state.getNonce(a) != auth.nonce()) {
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

  private static TransactionRejectedException reject(TransactionRejectedException.Reason r, String msg) {
    return new TransactionRejectedException(r, msg);
  }

  private static UInt256 min(UInt256 a, UInt256 b) {
    return a.lt(b) ? a : b;
  }

  /** a·b, or null if it does not fit in 256 bits. */
  private static UInt256 checkedMul(UInt256 a, UInt256 b) {
    if (a == null || b == null) {
      return null;
    }
    if (a.bitLength() + b.bitLength() > 256) {
      var exact = a.toBigInteger().multiply(b.toBigInteger());
      if (exact.bitLength() > 256) {
        return null;
      }
    }
    return a.mul(b);
  }

  private static UInt256 checkedAdd(UInt256 a, UInt256 b) {
    if (a == null || b == null) {
      return null;
    }
    UInt256 r = a.add(b);
    return r.lt(a) ? null : r;
  }
}
