package org.linden.chain.tx;

import org.linden.crypto.Signature;
import org.linden.types.Hash;

/**
 * An EIP-2718 typed transaction: it names its chain in a field and signs with a y parity
 * of 0 or 1 over {@code keccak256(type ‖ rlp(fields without the signature))}.
 */
public sealed interface TypedTransaction extends Transaction
    permits AccessListTransaction, FeeMarketTransaction, BlobTransaction, SetCodeTransaction {
  /** The chain id field (unsigned 64-bit). */
  long chainId();

  /** The parity of the signature point's y: 0 or 1. */
  int yParity();

  /** The hash the sender signs. */
  Hash signingHash();

  /** The same transaction carrying {@code signature}. */
  TypedTransaction withSignature(Signature signature);
}
