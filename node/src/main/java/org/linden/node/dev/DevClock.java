package org.linden.node.dev;

import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.linden.chain.block.BlockHeader;

/**
 * The time a dev chain's blocks carry: the system clock plus an offset that
 * {@code evm_increaseTime} moves forward, or exactly the timestamp that
 * {@code evm_setNextBlockTimestamp} asked for, after which time continues from there.
 * Whatever it is told, a block is always at least one second after its parent.
 */
final class DevClock {
  private final LongSupplier systemSeconds;
  private long offset;
  private OptionalLong next = OptionalLong.empty();

  DevClock(LongSupplier systemSeconds) {
    this.systemSeconds = systemSeconds;
  }

  /** What {@code evm_snapshot} keeps of the clock: the offset and a requested next timestamp. */
  record Saved(long offset, OptionalLong next) {}

  synchronized Saved save() {
    return new Saved(offset, next);
  }

  synchronized void restore(Saved saved) {
    offset = saved.offset();
    next = saved.next();
  }

  /** The timestamp of a block on {@code parent}. */
  synchronized long timestampAfter(BlockHeader parent) {
    long min = parent.timestamp() + 1;
    if (next.isPresent() && Long.compareUnsigned(next.getAsLong(), min) >= 0) {
      return next.getAsLong();
    }
    long now = systemSeconds.getAsLong() + offset;
    return Long.compareUnsigned(now, min) >= 0 ? now : min;
  }

  /** A block with {@code timestamp} was sealed: a requested timestamp is used up and time runs on from it. */
  synchronized void sealed(long timestamp) {
    if (next.isPresent()) {
      offset = timestamp - systemSeconds.getAsLong();
      next = OptionalLong.empty();
    }
  }

  /** Moves time forward by {@code seconds}; returns the offset added so far. */
  synchronized long increase(long seconds) {
    offset += seconds;
    return offset;
  }

  /** The next block gets exactly {@code timestamp} (if it is after its parent). */
  synchronized void setNext(long timestamp) {
    next = OptionalLong.of(timestamp);
  }
}
