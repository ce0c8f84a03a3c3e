package org.linden.rpc.eth;

import java.util.function.LongFunction;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.store.Blockchain;
import org.linden.evm.BlockContext;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The block a call runs in: the fields the EVM reads (as geth's {@code NewEVMBlockContext}
 * takes them from a header), possibly changed by block overrides, and the fork whose rules
 * apply at its number and time.
 *
 * @param baseFee the base fee, or null before London
 * @param excessBlobGas the excess blob gas, or null before Cancun
 * @param blobBaseFee the blob base fee, zero before Cancun
 */
public record CallBlock(
    ChainConfig config,
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    UInt256 difficulty,
    UInt256 prevRandao,
    UInt256 baseFee,
    Long excessBlobGas,
    UInt256 blobBaseFee,
    LongFunction<Hash> blockHashes) {

  /** The environment of {@code header}: calls on a block's state run with that block's header. */
  public static CallBlock of(BlockHeader header, Blockchain chain) {
    ChainConfig config = chain.config();
    Fork fork = config.forkAt(header.number(), header.timestamp());
    UInt256 randao = fork.isAtLeast(Fork.PARIS) ? UInt256.fromBytes(header.mixHash().bytes()) : header.difficulty();
    UInt256 blobFee = fork.isAtLeast(Fork.CANCUN) && header.excessBlobGas() != null
        ? config.blobScheduleAt(header.timestamp()).blobBaseFee(header.excessBlobGas())
        : UInt256.ZERO;
    LongFunction<Hash> hashes = n -> chain.store().canonicalHash(n).orElse(Hash.ZERO);
    return new CallBlock(config, header.coinbase(), header.number(), header.timestamp(), header.gasLimit(),
        header.difficulty(), randao, header.baseFeePerGas(), header.excessBlobGas(), blobFee, hashes);
  }

  public Fork fork() {
    return config.forkAt(number, timestamp);
  }

  public long chainId() {
    return config.chainId();
  }

  public UInt256 baseFeeOrZero() {
    return baseFee == null ? UInt256.ZERO : baseFee;
  }

  public CallBlock withBaseFee(UInt256 fee) {
    return new CallBlock(config, coinbase, number, timestamp, gasLimit, difficulty, prevRandao, fee, excessBlobGas,
        blobBaseFee, blockHashes);
  }

  public CallBlock withBlobBaseFee(UInt256 fee) {
    return new CallBlock(config, coinbase, number, timestamp, gasLimit, difficulty, prevRandao, baseFee,
        excessBlobGas, fee, blockHashes);
  }

  /** What the EVM sees; {@code baseFee} and {@code blobBaseFee} as the executor decided them. */
  public BlockContext context(UInt256 evmBaseFee, UInt256 evmBlobBaseFee) {
    return new BlockContext(coinbase, number, timestamp, gasLimit, evmBaseFee, prevRandao,
        UInt256.valueOf(config.chainId()), evmBlobBaseFee, blockHashes);
  }
}
