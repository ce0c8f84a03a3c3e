package org.linden.evm;

import java.util.function.LongFunction;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * What the EVM can see of the block being built or verified. {@code prevRandao} holds the
 * difficulty before the merge. {@code blockHashes} answers BLOCKHASH for the 256 blocks
 * before {@code number} (and may return {@link Hash#ZERO} for unknown ones).
 */
public record BlockContext(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    UInt256 baseFee,
    UInt256 prevRandao,
    UInt256 chainId,
    UInt256 blobBaseFee,
    LongFunction<Hash> blockHashes) {}
