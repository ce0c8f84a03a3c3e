package org.linden.explorer;

import org.linden.types.Address;
import org.linden.types.Hash;

/** A canonical transaction that touches an address, as the index records it. */
public record TransactionRef(long blockNumber, Hash blockHash, int index, Address sender) {}
