package org.linden.chain.tx;

import java.util.Objects;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * A transaction that passed {@link TransactionValidator} under some fork, with what the
 * validation computed, so block processing and the pool need not compute it again.
 */
public record ValidTransaction(Transaction transaction, Hash hash, Address sender, IntrinsicGas intrinsicGas) {
  public ValidTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(intrinsicGas, "intrinsicGas");
  }
}
