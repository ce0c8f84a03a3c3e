package org.linden.chain.txpool;

/**
 * How many transactions the pool holds ({@code txpool_status}).
 *
 * @param pending executable transactions: they continue their sender's nonce without a gap
 * @param queued transactions waiting for a lower nonce of their sender
 */
public record PoolStatus(int pending, int queued) {}
