package org.linden.rpc.eth;

import java.math.BigInteger;
import org.linden.chain.tx.IntrinsicGas;
import org.linden.chain.tx.TransactionValidator;
import org.linden.evm.ExceptionalHalt;
import org.linden.evm.state.WorldState;
import org.linden.rpc.RpcException;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * {@code eth_estimateGas} as geth computes it, without its 1.5% tolerance: the smallest gas
 * limit with which the call succeeds, found by binary search between the gas the call used
 * when given the most it may have and that most. The most is the block's gas limit (or the
 * call's own gas), capped by EIP-7825 from Osaka, by what the sender's balance can pay at
 * the call's fee cap, and by the node's gas cap. The result is exact: the call succeeds
 * with it and fails with one gas less (for calls whose outcome grows with their gas).
 */
public final class GasEstimator {
  private static final long CALL_STIPEND = 2_300;

  private final CallInput input;

  private GasEstimator(CallInput input) {
    this.input = input;
  }

  /** Estimates the gas of {@code input}'s call; {@code gasCap} is the node's limit (0 for none). */
  public static long estimate(CallInput input, long gasCap) {
    return new GasEstimator(input).run(gasCap);
  }

  /** One try: the result, or null when the call could not start for lack of gas. */
  private CallResult attempt(long gas) {
    try {
      return CallExecutor.run(input.newState(), input.block(), input.call(), gas, false, null);
    } catch (CallRejectedException e) {
      if (e.kind() == CallRejectedException.Kind.INTRINSIC_GAS) {
        return null;
      }
      throw CallErrors.rejected(e);
    }
  }

  private static boolean failed(CallResult r) {
    return r == null || !r.success();
  }

  private long run(long gasCap) {
    CallRequest call = input.call();
    CallBlock block = input.block();
    long hi = block.gasLimit();
    if (call.gas() != null && Long.compareUnsigned(call.gas(), IntrinsicGas.TX_BASE_COST) >= 0) {
      hi = call.gas();
    }
    if (block.fork().isAtLeast(Fork.OSAKA) && Long.compareUnsigned(hi, TransactionValidator.TX_MAX_GAS_LIMIT) > 0) {
      hi = TransactionValidator.TX_MAX_GAS_LIMIT;
    }
    hi = capByBalance(hi);
    if (gasCap != 0 && Long.compareUnsigned(hi, gasCap) > 0) {
      hi = gasCap;
    }
    // A plain transfer costs 21000 unless the access list or the like adds to it: try that first.
    if (call.inputOrEmpty().isEmpty() && call.to() != null
        && input.newState().getCode(call.to()).isEmpty()) {
      CallResult plain = attempt(IntrinsicGas.TX_BASE_COST);
      if (!failed(plain)) {
        return IntrinsicGas.TX_BASE_COST;
      }
    }
    CallResult first = attempt(hi);
    if (failed(first)) {
      if (first != null && !ExceptionalHalt.OUT_OF_GAS.getMessage().equals(first.error())) {
        throw CallErrors.failed(first);
      }
      throw RpcException.server("gas required exceeds allowance (" + Long.toUnsignedString(hi) + ")");
    }
    // The gas used without constraint bounds the answer from below; gas used before refunds,
    // plus the stipend and the 1/64 a CALL withholds, is very likely enough.
    long lo = first.gasUsed() - 1;
    long optimistic = (first.maxUsedGas() + CALL_STIPEND) * 64 / 63;
    if (Long.compareUnsigned(optimistic, hi) < 0) {
      if (failed(attempt(optimistic))) {
        lo = optimistic;
      } else {
        hi = optimistic;
      }
    }
    while (Long.compareUnsigned(lo + 1, hi) < 0) {
      long mid = lo + (hi - lo) / 2;
      if (lo > 0 && mid > lo * 2) {
        // Most calls need little more than they used: bisect towards the low end first.
        mid = lo * 2;
      }
      if (failed(attempt(mid))) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** The most gas the sender can pay for at the call's fee cap, after the value (and blob fees). */
  private long capByBalance(long hi) {
    CallRequest call = input.call();
    CallBlock block = input.block();
    boolean london = block.fork().isAtLeast(Fork.LONDON) && block.baseFee() != null;
    UInt256 feeCap = CallExecutor.Prices.of(call, london, block.baseFeeOrZero()).feeCap();
    if (feeCap.isZero()) {
      return hi;
    }
    WorldState state = input.newState();
    BigInteger available = state.getBalance(call.sender()).toBigInteger();
    BigInteger value = call.valueOrZero().toBigInteger();
    if (value.compareTo(available) >= 0) {
      throw RpcException.server("insufficient funds for transfer");
    }
    available = available.subtract(value);
    if (block.fork().isAtLeast(Fork.CANCUN) && !call.blobHashesOrEmpty().isEmpty()) {
      UInt256 blobCap = call.maxFeePerBlobGas() == null ? UInt256.ZERO : call.maxFeePerBlobGas();
      BigInteger blobCost = BigInteger.valueOf(call.blobHashesOrEmpty().size() * (1L << 17))
          .multiply(blobCap.toBigInteger());
      if (blobCost.compareTo(available) >= 0) {
        throw RpcException.server("insufficient funds for gas * price + value");
      }
      available = available.subtract(blobCost);
    }
    BigInteger allowance = available.divide(feeCap.toBigInteger());
    if (allowance.bitLength() <= 63 && Long.compareUnsigned(hi, allowance.longValue()) > 0) {
      return allowance.longValue();
    }
    return hi;
  }
}
