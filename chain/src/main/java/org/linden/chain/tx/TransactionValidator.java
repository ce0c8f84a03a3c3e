package org.linden.chain.tx;

import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The checks a transaction must pass under one fork and chain before any state is read:
 * its type is active, its fields are in range, its gas limit covers the intrinsic gas,
 * and its signature recovers a sender. State-dependent checks (nonce match, balance,
 * base fee, block gas) belong to block processing and the pool.
 *
 * <p>Rules by fork: EIP-2681 nonce limit (all forks); EIP-2 low s (Homestead); EIP-155
 * chain ids (Spurious Dragon); EIP-3860 initcode limit (Shanghai); EIP-4844 blob rules
 * (Cancun); EIP-7702 authorizations and the EIP-7623 calldata floor (Prague); EIP-7825
 * gas limit cap and the EIP-7594 per-transaction blob limit (Osaka).
 */
public final class TransactionValidator {
  /** EIP-3860: 2 * MAX_CODE_SIZE. */
  public static final int MAX_INITCODE_SIZE = 49_152;
  /** EIP-7825, from Osaka: 2^24. */
  public static final long TX_MAX_GAS_LIMIT = 1L << 24;
  /** EIP-4844: the version byte of a versioned hash of a KZG commitment. */
  public static final int VERSIONED_HASH_VERSION_KZG = 0x01;

  private final Fork fork;
  private final long chainId;

  /** Rules of {@code fork} on the chain {@code chainId} (unsigned 64-bit). */
  public TransactionValidator(Fork fork, long chainId) {
    this.fork = fork;
    this.chainId = chainId;
  }

  public Fork fork() {
    return fork;
  }

  public long chainId() {
    return chainId;
  }

  /** Runs every check, recovering the sender last because it is the expensive one. */
  public ValidTransaction validate(Transaction tx) throws InvalidTransactionException {
    IntrinsicGas gas = checkWithoutSignature(tx);
    Address sender = SenderRecovery.recover(tx, fork, chainId);
    return new ValidTransaction(tx, tx.hash(), sender, gas);
  }

  /**
   * Every check except the signature, so that a pool can drop bad transactions before
   * paying for ECDSA recovery. Returns the intrinsic gas it computed.
   */
  public IntrinsicGas checkWithoutSignature(Transaction tx) throws InvalidTransactionException {
    TransactionType type = tx.type();
    if (!type.isAllowedIn(fork)) {
      throw new InvalidTransactionException(Reason.TYPE_NOT_SUPPORTED,
          type + " transactions (type " + type.code() + ") are valid from " + type.introducedIn().fixtureName()
              + ", not in " + fork.fixtureName());
    }
    if (tx instanceof TypedTransaction typed && typed.chainId() != chainId) {
      throw new InvalidTransactionException(Reason.INVALID_CHAIN_ID,
          "chain_id " + Long.toUnsignedString(typed.chainId()) + " is not this chain's ("
              + Long.toUnsignedString(chainId) + ")");
    }
    // EIP-2681: the nonce can never reach 2^64-1, so a sender's nonce never overflows.
    if (tx.nonce() == -1L) {
      throw new InvalidTransactionException(Reason.NONCE_TOO_BIG, "nonce must be below 2^64-1 (EIP-2681)");
    }
    checkFees(tx);
    switch (tx) {
      case BlobTransaction blob -> checkBlobs(blob);
      case SetCodeTransaction setCode when setCode.authorizations().isEmpty() ->
          throw new InvalidTransactionException(Reason.EMPTY_AUTHORIZATION_LIST,
              "a set-code transaction needs at least one authorization");
      default -> { }
    }
    if (fork.isAtLeast(Fork.SHANGHAI) && tx.isContractCreation() && tx.data().size() > MAX_INITCODE_SIZE) {
      throw new InvalidTransactionException(Reason.INITCODE_SIZE_EXCEEDED,
          "initcode of " + tx.data().size() + " bytes exceeds " + MAX_INITCODE_SIZE + " (EIP-3860)");
    }
    if (fork.isAtLeast(Fork.OSAKA) && Long.compareUnsigned(tx.gas(), TX_MAX_GAS_LIMIT) > 0) {
      throw new InvalidTransactionException(Reason.GAS_LIMIT_ABOVE_CAP,
          "gas limit " + Long.toUnsignedString(tx.gas()) + " exceeds the cap of " + TX_MAX_GAS_LIMIT + " (EIP-7825)");
    }
    IntrinsicGas gas = IntrinsicGas.of(tx, fork);
    if (Long.compareUnsigned(tx.gas(), gas.minimumGasLimit()) < 0) {
      throw new InvalidTransactionException(Reason.INTRINSIC_GAS_TOO_LOW,
          "gas limit " + Long.toUnsignedString(tx.gas()) + " is below the intrinsic gas " + gas.intrinsicGas()
              + (gas.calldataFloorGas() > gas.intrinsicGas() ? " / calldata floor " + gas.calldataFloorGas() : ""));
    }
    return gas;
  }

  /**
   * The most blobs one transaction may carry: what fits in a block under the fork's
   * default blob schedule (6 in Cancun, 9 in Prague), and from Osaka the EIP-7594 limit of
   * 6 per transaction. 0 before Cancun.
   */
  public static int maxBlobsPerTransaction(Fork fork) {
    if (fork.isAtLeast(Fork.OSAKA)) {
      return 6;
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      return 9;
    }
    return fork.isAtLeast(Fork.CANCUN) ? 6 : 0;
  }

  private static void checkFees(Transaction tx) throws InvalidTransactionException {
    UInt256 maxFee = tx.maxFeePerGas();
    if (UInt256.compareUnsigned(tx.maxPriorityFeePerGas(), maxFee) > 0) {
      throw new InvalidTransactionException(Reason.PRIORITY_FEE_ABOVE_MAX_FEE,
          "max_priority_fee_per_gas " + tx.maxPriorityFeePerGas() + " exceeds max_fee_per_gas " + maxFee);
    }
    // The most the sender can be charged for gas must be a representable balance.
    if (!productFits256(tx.gas(), maxFee)) {
      throw new InvalidTransactionException(Reason.GAS_PRICE_PRODUCT_OVERFLOW,
          "gas limit * max fee per gas (" + Long.toUnsignedString(tx.gas()) + " * " + maxFee
              + ") does not fit in 256 bits");
    }
  }

  private void checkBlobs(BlobTransaction tx) throws InvalidTransactionException {
    int count = tx.blobVersionedHashes().size();
    if (count == 0) {
      throw new InvalidTransactionException(Reason.NO_BLOBS, "a blob transaction needs at least one blob");
    }
    int max = maxBlobsPerTransaction(fork);
    if (count > max) {
      throw new InvalidTransactionException(Reason.TOO_MANY_BLOBS,
          count + " blobs exceed the limit of " + max + " per transaction in " + fork.fixtureName());
    }
    for (int i = 0; i < count; i++) {
      Hash h = tx.blobVersionedHashes().get(i);
      if (h.bytes().getUnsigned(0) != VERSIONED_HASH_VERSION_KZG) {
        throw new InvalidTransactionException(Reason.INVALID_BLOB_VERSIONED_HASH,
            "blob_versioned_hashes[" + i + "] has version " + h.bytes().slice(0, 1) + ", expected 0x01");
      }
    }
  }

  /** True if {@code a * b} (a unsigned 64-bit) is below 2^256. */
  static boolean productFits256(long a, UInt256 b) {
    if (a == 0 || b.isZero()) {
      return true;
    }
    Bytes be = b.toBytes32();
    long carry = 0;
    for (int limb = 0; limb < 4; limb++) {
      long word = 0;
      for (int i = 0; i < 8; i++) {
        word = (word << 8) | be.getUnsigned(24 - 8 * limb + i);
      }
      long lo = word * a;
      long hi = Math.unsignedMultiplyHigh(word, a);
      long sum = lo + carry;
      if (Long.compareUnsigned(sum, lo) < 0) {
        hi++;
      }
      carry = hi;
    }
    return carry == 0;
  }
}
