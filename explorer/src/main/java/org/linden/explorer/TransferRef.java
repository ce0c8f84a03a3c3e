package org.linden.explorer;

import org.linden.types.Hash;

/**
 * A canonical token transfer that involves an address, as the index records it.
 *
 * @param logIndex the log's index in its block
 * @param transactionIndex the index of the transaction that emitted it
 */
public record TransferRef(long blockNumber, Hash blockHash, int logIndex, int transactionIndex,
    Hash transactionHash, TokenTransfer transfer) {}
