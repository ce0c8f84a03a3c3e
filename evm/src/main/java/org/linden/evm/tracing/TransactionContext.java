package org.linden.evm.tracing;

import java.util.List;
import org.linden.types.Address;

/**
 * What a tracer needs to know of the transaction that the EVM's top-level message does not
 * carry: the sender, the recipient ({@code null} for a contract creation), the block's fee
 * recipient, the transaction's gas limit (geth's call tracer reports it, intrinsic gas
 * included, as the top frame's gas) and the authorities of an EIP-7702 authorization list
 * whose signatures recover (the prestate tracer records them before they are applied).
 */
public record TransactionContext(
    Address from, Address to, Address coinbase, long gasLimit, List<Address> authorities) {
  public TransactionContext {
    authorities = List.copyOf(authorities);
  }

  /** A transaction without an authorization list. */
  public TransactionContext(Address from, Address to, Address coinbase, long gasLimit) {
    this(from, to, coinbase, gasLimit, List.of());
  }

  public boolean isContractCreation() {
    return to == null;
  }
}
