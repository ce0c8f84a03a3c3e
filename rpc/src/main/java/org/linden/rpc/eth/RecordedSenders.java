package org.linden.rpc.eth;

import java.util.Optional;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * Senders that a transaction's signature does not give: a development chain's impersonated
 * transactions carry a placeholder signature and have their sender recorded beside them,
 * in the pool while pending and with their block once mined. Consulted only when recovery
 * fails, so ordinary transactions never pay for the look-up.
 */
@FunctionalInterface
public interface RecordedSenders {
  /** No recorded senders: every transaction must recover. */
  RecordedSenders NONE = (txHash, blockHash) -> Optional.empty();

  /**
   * @param txHash the transaction
   * @param blockHash the block that holds it, or null for a pending transaction
   */
  Optional<Address> sender(Hash txHash, Hash blockHash);
}
