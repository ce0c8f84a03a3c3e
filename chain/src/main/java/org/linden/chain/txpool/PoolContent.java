package org.linden.chain.txpool;

import java.util.Map;
import java.util.NavigableMap;
import org.linden.chain.tx.ValidTransaction;
import org.linden.types.Address;

/**
 * A copy of the pool's transactions by sender and nonce ({@code txpool_content}), senders
 * in address order and nonces ascending.
 *
 * @param pending executable transactions
 * @param queued transactions waiting for a gap to fill
 */
public record PoolContent(
    Map<Address, NavigableMap<Long, ValidTransaction>> pending,
    Map<Address, NavigableMap<Long, ValidTransaction>> queued) {}
