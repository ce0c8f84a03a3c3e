package org.linden.chain.tx;

import java.util.Optional;
import org.linden.types.Fork;

/**
 * The EIP-2718 transaction types, with the fork that introduced each. Legacy
 * transactions have no type byte on the wire; 0 is their conventional number.
 */
public enum TransactionType {
  LEGACY(0x00, Fork.FRONTIER),
  /** EIP-2930. */
  ACCESS_LIST(0x01, Fork.BERLIN),
  /** EIP-1559. */
  FEE_MARKET(0x02, Fork.LONDON),
  /** EIP-4844. */
  BLOB(0x03, Fork.CANCUN),
  /** EIP-7702. */
  SET_CODE(0x04, Fork.PRAGUE);

  private final int code;
  private final Fork introducedIn;

  TransactionType(int code, Fork introducedIn) {
    this.code = code;
    this.introducedIn = introducedIn;
  }

  /** The type byte written before a typed transaction's payload. */
  public int code() {
    return code;
  }

  /** The first fork in which transactions of this type are valid. */
  public Fork introducedIn() {
    return introducedIn;
  }

  public boolean isAllowedIn(Fork fork) {
    return fork.isAtLeast(introducedIn);
  }

  /** The typed transaction with this type byte; empty for 0 and unknown bytes. */
  public static Optional<TransactionType> fromTypeByte(int code) {
    for (TransactionType t : values()) {
      if (t != LEGACY && t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
