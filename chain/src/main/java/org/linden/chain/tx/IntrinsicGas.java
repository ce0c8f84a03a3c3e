package org.linden.chain.tx;

import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * The gas a transaction pays before any code runs, and from Prague the EIP-7623 floor
 * its calldata puts under the gas it is charged. The gas limit must cover both
 * ({@link #minimumGasLimit()}).
 *
 * @param intrinsicGas base cost, calldata, contract creation and initcode, access list,
 *     authorizations
 * @param calldataFloorGas {@code 21000 + 10 * tokens} from Prague on; 0 before (no floor)
 */
public record IntrinsicGas(long intrinsicGas, long calldataFloorGas) {
  public static final long TX_BASE_COST = 21_000;
  /** From Homestead; Frontier charged creations like calls. */
  public static final long TX_CREATE_COST = 32_000;
  public static final long TX_DATA_COST_PER_ZERO = 4;
  /** Per non-zero calldata byte before Istanbul. */
  public static final long TX_DATA_COST_PER_NON_ZERO_FRONTIER = 68;
  /** Per non-zero calldata byte from Istanbul (EIP-2028). */
  public static final long TX_DATA_COST_PER_NON_ZERO_ISTANBUL = 16;
  /** EIP-2930. */
  public static final long TX_ACCESS_LIST_ADDRESS_COST = 2_400;
  /** EIP-2930. */
  public static final long TX_ACCESS_LIST_STORAGE_KEY_COST = 1_900;
  /** Per 32-byte word of initcode, from Shanghai (EIP-3860). */
  public static final long INIT_CODE_WORD_COST = 2;
  /** Charged per EIP-7702 authorization up front; part is refunded for existing accounts. */
  public static final long PER_EMPTY_ACCOUNT_COST = 25_000;
  /** EIP-7623: a calldata token costs at least this much gas. */
  public static final long FLOOR_CALLDATA_COST = 10;
  /** EIP-7623: a zero byte is one token, a non-zero byte four. */
  public static final long TOKENS_PER_NON_ZERO_BYTE = 4;

  /** Computes both costs of {@code tx} under {@code fork}'s rules. */
  public static IntrinsicGas of(Transaction tx, Fork fork) {
    Bytes data = tx.data();
    long zeroBytes = countZeroBytes(data);
    long nonZeroBytes = data.size() - zeroBytes;

    long nonZeroCost = fork.isAtLeast(Fork.ISTANBUL)
        ? TX_DATA_COST_PER_NON_ZERO_ISTANBUL
        : TX_DATA_COST_PER_NON_ZERO_FRONTIER;
    long gas = TX_BASE_COST + zeroBytes * TX_DATA_COST_PER_ZERO + nonZeroBytes * nonZeroCost;

    if (tx.isContractCreation()) {
      if (fork.isAtLeast(Fork.HOMESTEAD)) {
        gas += TX_CREATE_COST;
      }
      if (fork.isAtLeast(Fork.SHANGHAI)) {
        gas += INIT_CODE_WORD_COST * ((data.size() + 31L) / 32);
      }
    }

    for (Access access : tx.accessList()) {
      gas += TX_ACCESS_LIST_ADDRESS_COST + access.slots().size() * TX_ACCESS_LIST_STORAGE_KEY_COST;
    }
    if (tx instanceof SetCodeTransaction setCode) {
      gas += setCode.authorizations().size() * PER_EMPTY_ACCOUNT_COST;
    }

    long floor = 0;
    if (fork.isAtLeast(Fork.PRAGUE)) {
      long tokens = zeroBytes + nonZeroBytes * TOKENS_PER_NON_ZERO_BYTE;
      floor = TX_BASE_COST + tokens * FLOOR_CALLDATA_COST;
    }
    return new IntrinsicGas(gas, floor);
  }

  /** The smallest gas limit the transaction may carry. */
  public long minimumGasLimit() {
    return Math.max(intrinsicGas, calldataFloorGas);
  }

  private static long countZeroBytes(Bytes data) {
    byte[] a = data.unsafeArray();
    long zeros = 0;
    for (byte b : a) {
      if (b == 0) {
        zeros++;
      }
    }
    return zeros;
  }
}
