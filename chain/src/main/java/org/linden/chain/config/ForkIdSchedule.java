package org.linden.chain.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.linden.chain.block.BlockHeader;
import org.linden.types.Hash;

/**
 * The forks of one chain as EIP-2124 counts them, with the {@code FORK_HASH} after each, so
 * that the fork identifier at any head is a lookup.
 *
 * <p>The forks are every distinct activation in the chain configuration, block-numbered
 * ones first (ascending), then timestamped ones (ascending). An activation at block 0, or
 * at a timestamp no later than the genesis timestamp, is not a fork: the chain simply
 * starts with those rules. Forks that change no EVM rule (the DAO fork, difficulty-bomb
 * delays, {@code mergeNetsplitBlock}, blob-parameter-only forks) count like any other,
 * because two nodes that disagree about them still follow different chains.
 */
public final class ForkIdSchedule {
  private final List<Long> blockForks;
  private final List<Long> timeForks;
  /** checksums[i] is FORK_HASH after the first i forks; checksums[0] covers the genesis hash only. */
  private final int[] checksums;

  private ForkIdSchedule(List<Long> blockForks, List<Long> timeForks, Hash genesisHash) {
    this.blockForks = Collections.unmodifiableList(blockForks);
    this.timeForks = Collections.unmodifiableList(timeForks);
    this.checksums = new int[blockForks.size() + timeForks.size() + 1];
    CRC32 crc = new CRC32();
    crc.update(genesisHash.bytes().unsafeArray());
    checksums[0] = (int) crc.getValue();
    int i = 1;
    for (long fork : forks()) {
      crc.update(uint64(fork));
      checksums[i++] = (int) crc.getValue();
    }
  }

  /** The schedule of a chain with this configuration and genesis block. */
  public static ForkIdSchedule of(ChainConfig config, Hash genesisHash, long genesisTimestamp) {
    TreeSet<Long> byBlock = new TreeSet<>(Long::compareUnsigned);
    TreeSet<Long> byTime = new TreeSet<>(Long::compareUnsigned);
    for (Milestone m : Milestone.values()) {
      config.activation(m).ifPresent(at -> {
        if (m.isTimestampBased()) {
          if (Long.compareUnsigned(at, genesisTimestamp) > 0) {
            byTime.add(at);
          }
        } else if (at != 0) {
          byBlock.add(at);
        }
      });
    }
    return new ForkIdSchedule(new ArrayList<>(byBlock), new ArrayList<>(byTime), genesisHash);
  }

  /** The schedule of the chain that starts with this genesis header. */
  public static ForkIdSchedule of(ChainConfig config, BlockHeader genesis) {
    return of(config, genesis.hash(), genesis.timestamp());
  }

  /** The block-numbered forks, ascending. */
  public List<Long> blockForks() {
    return blockForks;
  }

  /** The timestamped forks, ascending. */
  public List<Long> timeForks() {
    return timeForks;
  }

  /** All forks: block-numbered ones, then timestamped ones. */
  public List<Long> forks() {
    List<Long> all = new ArrayList<>(blockForks);
    all.addAll(timeForks);
    return all;
  }

  /** {@code FORK_HASH} after the first {@code passed} forks (0 for the genesis alone). */
  int checksum(int passed) {
    return checksums[passed];
  }

  int forkCount() {
    return checksums.length - 1;
  }

  /** Whether fork {@code i} (an index into {@link #forks()}) is keyed by timestamp. */
  boolean isTimeFork(int i) {
    return i >= blockForks.size();
  }

  /** The identifier a node with this head announces. */
  public ForkId forkIdAt(long headNumber, long headTimestamp) {
    List<Long> all = forks();
    for (int i = 0; i < all.size(); i++) {
      long head = isTimeFork(i) ? headTimestamp : headNumber;
      if (Long.compareUnsigned(head, all.get(i)) < 0) {
        return new ForkId(checksums[i], all.get(i));
      }
    }
    return new ForkId(checksums[all.size()], 0);
  }

  /** The identifier of a node whose head is {@code head}. */
  public ForkId forkIdAt(BlockHeader head) {
    return forkIdAt(head.number(), head.timestamp());
  }

  private static byte[] uint64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }
}
