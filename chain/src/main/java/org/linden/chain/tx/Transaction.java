package org.linden.chain.tx;

import java.util.List;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A signed transaction of any type, as carried in a block. Each type is an immutable
 * record whose components are the fields of its wire form, named as in execution-specs.
 *
 * <p>Nonce and gas limit are unsigned 64-bit values held in a {@code long}; compare them
 * with {@link Long#compareUnsigned}. A record may hold any values that decode: whether
 * they are acceptable under a fork is decided by {@link TransactionValidator}.
 */
public sealed interface Transaction permits LegacyTransaction, TypedTransaction {
  TransactionType type();

  /** The sender's nonce this transaction uses (unsigned 64-bit). */
  long nonce();

  /** The gas limit (unsigned 64-bit). */
  long gas();

  /** The recipient, or null for a contract creation. */
  Address to();

  UInt256 value();

  /** Call data, or initcode for a contract creation. */
  Bytes data();

  /** The EIP-2930 access list; empty for legacy transactions. */
  List<Access> accessList();

  /** The most the sender pays per gas: gas_price, or max_fee_per_gas from EIP-1559 on. */
  UInt256 maxFeePerGas();

  /** The most per gas that goes to the block producer: gas_price before EIP-1559. */
  UInt256 maxPriorityFeePerGas();

  UInt256 r();

  UInt256 s();

  default boolean isContractCreation() {
    return to() == null;
  }

  /**
   * The canonical encoding: the RLP list for a legacy transaction, {@code type ‖ rlp(fields)}
   * for a typed one (EIP-2718). This is what {@code eth_sendRawTransaction} takes and what
   * the transaction hash covers.
   */
  default Bytes encoded() {
    return TransactionCodec.encode(this);
  }

  /** keccak256 of {@link #encoded()}, remembered for recently seen instances. */
  default Hash hash() {
    return TransactionHashes.of(this);
  }
}
