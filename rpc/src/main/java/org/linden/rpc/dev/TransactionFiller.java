package org.linden.rpc.dev;

import java.util.Optional;
import org.linden.chain.tx.AccessListTransaction;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionType;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.UInt256;

/**
 * Completes a {@link TransactionRequest} into an unsigned transaction the way geth and
 * anvil do for unlocked accounts:
 *
 * <ul>
 *   <li>type: as requested; else set-code when authorizations are given, legacy for a
 *       {@code gasPrice} (access-list type with an access list), EIP-1559 otherwise (legacy
 *       or access-list type before London);
 *   <li>nonce: the sender's pending nonce; chain id: the node's (a different one is refused);
 *   <li>fees: the suggested tip; a fee cap of twice the next base fee plus the tip, which
 *       survives several full blocks of base-fee growth; a gas price of base fee plus tip;
 *   <li>gas: estimated last, on the request with everything else filled in, since the
 *       estimate depends on the fees (the balance caps the gas) and the nonce.
 * </ul>
 */
final class TransactionFiller {
  private static final UInt256 ZERO = UInt256.ZERO;

  private final TransactionHooks hooks;

  TransactionFiller(TransactionHooks hooks) {
    this.hooks = hooks;
  }

  /** The unsigned transaction {@code from} sends for {@code req}; signature fields are zero. */
  Transaction fill(TransactionRequest req, Address from) {
    if (req.chainId() != null && req.chainId() != hooks.chainId()) {
      throw bad("transaction.chainId", "chainId does not match node's (have=" + Long.toUnsignedString(req.chainId())
          + ", want=" + Long.toUnsignedString(hooks.chainId()) + ")");
    }
    Optional<UInt256> baseFee = hooks.nextBaseFee().get();
    TransactionType type = req.type() != null ? req.type() : chooseType(req, baseFee.isPresent());
    checkShape(req, type);
    long nonce = req.nonce() != null ? req.nonce() : hooks.pendingNonce().applyAsLong(from);
    UInt256 base = baseFee.orElse(ZERO);
    UInt256 suggestedTip = hooks.suggestedTip().get();
    TransactionRequest filled = isLegacyPriced(type)
        ? withFees(req, type, from, nonce, req.gasPrice() != null ? req.gasPrice() : saturatingAdd(base, suggestedTip),
            null, null)
        : withFees(req, type, from, nonce, null, maxFee(req, base, suggestedTip), tip(req, suggestedTip));
    long gas = req.gas() != null ? req.gas() : hooks.gasEstimate().estimate(filled);
    return build(filled, gas);
  }

  private static TransactionType chooseType(TransactionRequest req, boolean london) {
    if (req.authorizations() != null) {
      return TransactionType.SET_CODE;
    }
    if (req.gasPrice() != null || (!london && req.maxFeePerGas() == null && req.maxPriorityFeePerGas() == null)) {
      return req.accessList() != null ? TransactionType.ACCESS_LIST : TransactionType.LEGACY;
    }
    return TransactionType.FEE_MARKET;
  }

  private static boolean isLegacyPriced(TransactionType type) {
    return type == TransactionType.LEGACY || type == TransactionType.ACCESS_LIST;
  }

  /** Refuses field combinations the chosen type cannot carry, rather than dropping fields silently. */
  private static void checkShape(TransactionRequest req, TransactionType type) {
    String kind = "a type-" + type.code() + " transaction";
    if (isLegacyPriced(type) && (req.maxFeePerGas() != null || req.maxPriorityFeePerGas() != null)) {
      throw bad("transaction", kind + " is priced by gasPrice, not maxFeePerGas/maxPriorityFeePerGas");
    }
    if (!isLegacyPriced(type) && req.gasPrice() != null) {
      throw bad("transaction.gasPrice", kind + " is priced by maxFeePerGas/maxPriorityFeePerGas, not gasPrice");
    }
    if (type == TransactionType.LEGACY && !req.accessListOrEmpty().isEmpty()) {
      throw bad("transaction.accessList", kind + " has no access list");
    }
    if (type != TransactionType.SET_CODE && req.authorizations() != null) {
      throw bad("transaction.authorizationList", "only set-code (type-4) transactions carry authorizations");
    }
    if (type == TransactionType.SET_CODE) {
      if (req.authorizations() == null || req.authorizations().isEmpty()) {
        throw bad("transaction.authorizationList", "a set-code transaction needs at least one authorization");
      }
      if (req.to() == null) {
        throw bad("transaction.to", "a set-code transaction cannot create a contract");
      }
    }
    if (req.to() == null && req.inputOrEmpty().isEmpty()) {
      throw bad("transaction", "contract creation without any data provided");
    }
  }

  /** A given tip; else the suggestion, kept under a given fee cap rather than refused for it. */
  private static UInt256 tip(TransactionRequest req, UInt256 suggested) {
    if (req.maxPriorityFeePerGas() != null) {
      return req.maxPriorityFeePerGas();
    }
    UInt256 cap = req.maxFeePerGas();
    return cap != null && cap.lt(suggested) ? cap : suggested;
  }

  private static UInt256 maxFee(TransactionRequest req, UInt256 base, UInt256 suggestedTip) {
    UInt256 tip = tip(req, suggestedTip);
    UInt256 cap = req.maxFeePerGas() != null ? req.maxFeePerGas() : saturatingAdd(saturatingAdd(base, base), tip);
    if (cap.lt(tip)) {
      throw bad("transaction", "maxFeePerGas (" + cap.toBigInteger() + ") < maxPriorityFeePerGas ("
          + tip.toBigInteger() + ")");
    }
    return cap;
  }

  private TransactionRequest withFees(TransactionRequest req, TransactionType type, Address from, long nonce,
      UInt256 gasPrice, UInt256 maxFee, UInt256 tip) {
    return new TransactionRequest(type, from, req.to(), null, req.valueOrZero(), req.inputOrEmpty(), gasPrice, maxFee,
        tip, req.accessList(), req.authorizations(), nonce, hooks.chainId());
  }

  private static Transaction build(TransactionRequest r, long gas) {
    return switch (r.type()) {
      case LEGACY -> LegacyTransaction.unsigned(r.nonce(), r.gasPrice(), gas, r.to(), r.value(), r.input());
      case ACCESS_LIST -> new AccessListTransaction(r.chainId(), r.nonce(), r.gasPrice(), gas, r.to(), r.value(),
          r.input(), r.accessListOrEmpty(), 0, ZERO, ZERO);
      case FEE_MARKET -> new FeeMarketTransaction(r.chainId(), r.nonce(), r.maxPriorityFeePerGas(), r.maxFeePerGas(),
          gas, r.to(), r.value(), r.input(), r.accessListOrEmpty(), 0, ZERO, ZERO);
      case SET_CODE -> new SetCodeTransaction(r.chainId(), r.nonce(), r.maxPriorityFeePerGas(), r.maxFeePerGas(),
          gas, r.to(), r.value(), r.input(), r.accessListOrEmpty(), r.authorizations(), 0, ZERO, ZERO);
      case BLOB -> throw new IllegalStateException("blob requests are refused when parsed");
    };
  }

  private static UInt256 saturatingAdd(UInt256 a, UInt256 b) {
    UInt256 sum = a.add(b);
    return sum.lt(a) ? UInt256.MAX : sum;
  }

  private static RpcException bad(String path, String why) {
    return DevParams.bad(0, path, why);
  }
}
