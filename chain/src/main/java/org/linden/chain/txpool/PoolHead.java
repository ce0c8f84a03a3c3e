package org.linden.chain.txpool;

import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.execution.HeaderValidator;
import org.linden.chain.tx.TransactionValidator;
import org.linden.evm.state.StateReader;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * What the pool validates against: the head block and its state, and the rules and prices
 * of the block that would come next. The next block's timestamp is not known yet; the pool
 * assumes the later of one second after the head and the present, so a fork that activates
 * by timestamp applies as soon as a block could carry it.
 *
 * @param header the current head
 * @param state the world state after the head
 * @param fork the rules of the next block
 * @param validator the stateless checks under {@code fork}
 * @param baseFee the base fee of the next block (zero before London)
 * @param blobBaseFee the blob base fee of the next block (zero before Cancun)
 * @param blobGasLimit the most blob gas the next block may use
 */
record PoolHead(BlockHeader header, StateReader state, Fork fork, TransactionValidator validator, UInt256 baseFee,
    UInt256 blobBaseFee, long blobGasLimit) {

  static PoolHead of(ChainConfig config, BlockHeader head, StateReader state, long nowSeconds) {
    long number = head.number() + 1;
    long timestamp = Long.compareUnsigned(nowSeconds, head.timestamp()) > 0 ? nowSeconds : head.timestamp() + 1;
    // geth's rule: a head without difficulty is past the merge.
    Fork fork = config.forkAt(number, timestamp, head.difficulty().isZero());
    UInt256 baseFee = fork.isAtLeast(Fork.LONDON) ? HeaderValidator.baseFee(head) : UInt256.ZERO;
    UInt256 blobBaseFee = UInt256.ZERO;
    long blobGasLimit = 0;
    if (fork.isAtLeast(Fork.CANCUN)) {
      BlobSchedule schedule = config.blobScheduleAt(timestamp);
      blobBaseFee = schedule.blobBaseFee(new HeaderValidator(config).excessBlobGas(head, timestamp, fork));
      blobGasLimit = schedule.maxBlobGasPerBlock();
    }
    return new PoolHead(head, state, fork, new TransactionValidator(fork, config.chainId()), baseFee, blobBaseFee,
        blobGasLimit);
  }

  long gasLimit() {
    return header.gasLimit();
  }
}
