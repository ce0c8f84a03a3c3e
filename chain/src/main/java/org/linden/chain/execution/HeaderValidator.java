package org.linden.chain.execution;

import org.linden.chain.block.BlockHeader;
import org.linden.chain.consensus.ConsensusRules;
import org.linden.chain.consensus.EthereumRules;
import org.linden.chain.config.ChainConfig;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * Header rules that need only the parent: number, parent hash, timestamp, gas limit
 * bounds, base fee (EIP-1559), blob gas (EIP-4844, EIP-7918), and the consensus engine's
 * fields through {@link ConsensusRules} (extraData, the merge's fixed fields, QBFT's seals).
 * Proof-of-work seals are not checked.
 */
public final class HeaderValidator {
  public static final long GAS_LIMIT_ADJUSTMENT_FACTOR = 1024;
  public static final long GAS_LIMIT_MINIMUM = 5000;
  public static final long ELASTICITY_MULTIPLIER = 2;
  public static final long BASE_FEE_MAX_CHANGE_DENOMINATOR = 8;
  public static final UInt256 INITIAL_BASE_FEE = UInt256.valueOf(1_000_000_000L);
  public static final int MAX_EXTRA_DATA = EthereumRules.MAX_EXTRA_DATA;
  /** EIP-7918: the reserve price of a blob, in units of the execution base fee. */
  public static final long BLOB_BASE_COST = 1L << 13;

  private final ChainConfig config;
  private final ConsensusRules consensus;

  /** The execution rules of {@code config} with the consensus rules its genesis config names. */
  public HeaderValidator(ChainConfig config) {
    this(config, ConsensusRules.of(config));
  }

  public HeaderValidator(ChainConfig config, ConsensusRules consensus) {
    this.config = config;
    this.consensus = consensus;
  }

  public void validate(BlockHeader header, BlockHeader parent) throws BlockValidationException {
    Fork fork = config.forkAt(header.number(), header.timestamp());
    Fork parentFork = config.forkAt(parent.number(), parent.timestamp());
    if (header.number() != parent.number() + 1) {
      throw new BlockValidationException("number", "block " + header.number() + " on parent " + parent.number());
    }
    if (!header.parentHash().equals(parent.hash())) {
      throw new BlockValidationException("parent hash", header.parentHash() + " is not the parent's " + parent.hash());
    }
    if (Long.compareUnsigned(header.timestamp(), parent.timestamp()) <= 0) {
      throw new BlockValidationException("timestamp",
          "timestamp " + Long.toUnsignedString(header.timestamp()) + " is not after the parent's "
              + Long.toUnsignedString(parent.timestamp()));
    }
    if (Long.compareUnsigned(header.gasUsed(), header.gasLimit()) > 0) {
      throw new BlockValidationException("gas used", "gas used " + header.gasUsed() + " above gas limit "
          + header.gasLimit());
    }
    boolean londonTransition = fork.isAtLeast(Fork.LONDON) && parentFork.isBefore(Fork.LONDON);
    long parentGasLimit = londonTransition ? parent.gasLimit() * ELASTICITY_MULTIPLIER : parent.gasLimit();
    checkGasLimit(header.gasLimit(), parentGasLimit);
    if (fork.isAtLeast(Fork.LONDON)) {
      UInt256 expected = londonTransition ? INITIAL_BASE_FEE : baseFee(parent);
      if (header.baseFeePerGas() == null || !header.baseFeePerGas().equals(expected)) {
        throw new BlockValidationException("base fee", "base fee " + header.baseFeePerGas() + ", expected " + expected);
      }
    } else if (header.baseFeePerGas() != null) {
      throw new BlockValidationException("base fee", "no base fee before London");
    }
    consensus.validateHeader(header, parent, fork);
    requireField(fork.isAtLeast(Fork.SHANGHAI), header.withdrawalsRoot() != null, "withdrawals root");
    requireField(fork.isAtLeast(Fork.CANCUN), header.blobGasUsed() != null, "blob gas used");
    requireField(fork.isAtLeast(Fork.CANCUN), header.excessBlobGas() != null, "excess blob gas");
    requireField(fork.isAtLeast(Fork.CANCUN), header.parentBeaconBlockRoot() != null, "parent beacon block root");
    requireField(fork.isAtLeast(Fork.PRAGUE), header.requestsHash() != null, "requests hash");
    if (fork.isAtLeast(Fork.CANCUN)) {
      long expected = excessBlobGas(parent, header.timestamp(), fork);
      if (header.excessBlobGas() != expected) {
        throw new BlockValidationException("excess blob gas",
            "excess blob gas " + header.excessBlobGas() + ", expected " + expected);
      }
    }
  }

  private static void requireField(boolean required, boolean present, String name) throws BlockValidationException {
    if (required != present) {
      throw new BlockValidationException(name, required ? "missing" : "not allowed in this fork");
    }
  }

  static void checkGasLimit(long gasLimit, long parentGasLimit) throws BlockValidationException {
    long maxDelta = Long.divideUnsigned(parentGasLimit, GAS_LIMIT_ADJUSTMENT_FACTOR);
    // Differences rather than sums: gas limits near 2^63 must not overflow.
    long diff = Long.compareUnsigned(gasLimit, parentGasLimit) >= 0 ? gasLimit - parentGasLimit : parentGasLimit - gasLimit;
    if (Long.compareUnsigned(diff, maxDelta) >= 0 || Long.compareUnsigned(gasLimit, GAS_LIMIT_MINIMUM) < 0) {
      throw new BlockValidationException("gas limit",
          "gas limit " + gasLimit + " moves more than 1/1024 from the parent's " + parentGasLimit
              + " or is below " + GAS_LIMIT_MINIMUM);
    }
  }

  /** EIP-1559: the base fee of a block on {@code parent}. */
  public static UInt256 baseFee(BlockHeader parent) {
    UInt256 parentFee = parent.baseFeePerGas() == null ? INITIAL_BASE_FEE : parent.baseFeePerGas();
    long target = parent.gasLimit() / ELASTICITY_MULTIPLIER;
    long used = parent.gasUsed();
    if (used == target) {
      return parentFee;
    }
    if (used > target) {
      UInt256 delta = parentFee.mul(UInt256.valueOf(used - target)).div(UInt256.valueOf(target))
          .div(UInt256.valueOf(BASE_FEE_MAX_CHANGE_DENOMINATOR));
      return parentFee.add(delta.isZero() ? UInt256.ONE : delta);
    }
    UInt256 delta = parentFee.mul(UInt256.valueOf(target - used)).div(UInt256.valueOf(target))
        .div(UInt256.valueOf(BASE_FEE_MAX_CHANGE_DENOMINATOR));
    return parentFee.sub(delta);
  }

  /** EIP-4844 (and EIP-7918 from Osaka): excess blob gas of a block at {@code timestamp} on {@code parent}. */
  public long excessBlobGas(BlockHeader parent, long timestamp, Fork fork) {
    BlobSchedule schedule = config.blobScheduleAt(timestamp);
    long parentExcess = parent.excessBlobGas() == null ? 0 : parent.excessBlobGas();
    long parentUsed = parent.blobGasUsed() == null ? 0 : parent.blobGasUsed();
    long target = schedule.targetBlobGasPerBlock();
    if (parentExcess + parentUsed < target) {
      return 0;
    }
    if (fork.isAtLeast(Fork.OSAKA) && parent.baseFeePerGas() != null) {
      UInt256 reserve = UInt256.valueOf(BLOB_BASE_COST).mul(parent.baseFeePerGas());
      UInt256 blobPrice = UInt256.valueOf(BlobSchedule.GAS_PER_BLOB).mul(schedule.blobBaseFee(parentExcess));
      if (reserve.gt(blobPrice)) {
        long max = schedule.max();
        return parentExcess + parentUsed * (max - schedule.target()) / max;
      }
    }
    return parentExcess + parentUsed - target;
  }
}
