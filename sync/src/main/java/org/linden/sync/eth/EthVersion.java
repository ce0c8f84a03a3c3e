package org.linden.sync.eth;

import java.util.Optional;

/** The versions of the {@code eth} protocol this node speaks; they differ in Status and Receipts. */
public enum EthVersion {
  /** EIP-5793: transaction announcements carry types and sizes. */
  ETH68(68),
  /** EIP-7642: Status carries the served block range instead of total difficulty; receipts lose the bloom. */
  ETH69(69);

  private final int number;

  EthVersion(int number) {
    this.number = number;
  }

  /** The version number negotiated in the RLPx Hello capability list. */
  public int number() {
    return number;
  }

  public boolean isAtLeast(EthVersion other) {
    return compareTo(other) >= 0;
  }

  public static Optional<EthVersion> of(int number) {
    for (EthVersion v : values()) {
      if (v.number == number) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
