package org.linden.node;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.linden.chain.block.Block;
import org.linden.chain.block.InvalidBlockException;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.store.Blockchain;
import org.linden.node.qbft.QbftService;
import org.linden.types.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code linden import}: imports blocks from {@code chain.rlp} files (concatenated RLP
 * blocks, as geth exports them), with a progress line on long imports. Blocks already
 * in the chain are skipped, so an interrupted import can simply be run again. Every block
 * is validated and executed as one from a peer would be, QBFT commit seals included.
 */
@Command(name = "import", description = "Import blocks from RLP files into a data directory.")
final class ImportCommand implements Callable<Integer> {
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  @Option(names = "--datadir", required = true, paramLabel = "DIR", description = "Data directory")
  Path datadir;

  @Option(names = "--genesis", paramLabel = "FILE", description = "Genesis (needed if the directory is new)")
  Path genesis;

  @Parameters(arity = "1..*", paramLabel = "FILE.rlp", description = "Files of concatenated RLP blocks")
  List<Path> files;

  @Override
  public Integer call() {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UsageError("no such file: " + f);
      }
    }
    try (DataDirectory dir = DataDirectory.open(datadir, genesis)) {
      Blockchain chain = dir.chain();
      // A QBFT chain file is checked as blocks from peers are: validators and commit seals.
      QbftService.checkSeals(chain);
      long total = 0;
      for (Path f : files) {
        total += countBlocks(f);
      }
      Progress progress = new Progress(total);
      for (Path f : files) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
          RlpStream blocks = new RlpStream(in);
          Bytes raw;
          while ((raw = blocks.next()) != null) {
            Block block;
            try {
              block = Block.decode(raw);
            } catch (InvalidBlockException e) {
              throw new ImportFailure(f + ": block " + (progress.done + 1) + " does not decode: " + e.getMessage());
            }
            try {
              boolean added = chain.importBlock(block);
              progress.block(block, added);
            } catch (BlockValidationException e) {
              throw new ImportFailure("block " + block.number() + " " + block.hash() + " is invalid: "
                  + e.getMessage());
            }
          }
        } catch (IOException e) {
          throw new ImportFailure("reading " + f + ": " + e.getMessage());
        }
      }
      var head = chain.head();
      System.out.println("imported " + progress.imported + " blocks (" + progress.skipped + " already known) in "
          + String.format("%.1f", progress.seconds()) + " s; head block " + head.number() + " " + head.hash()
          + " state root " + head.stateRoot());
    }
    return 0;
  }

  private static long countBlocks(Path f) {
    long n = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
      RlpStream s = new RlpStream(in);
      while (s.skip()) {
        n++;
      }
    } catch (IOException | ImportFailure e) {
      return -1;
    }
    return n;
  }

  /** A failed import: reported in one line; everything imported before it stays. */
  static final class ImportFailure extends RuntimeException {
    ImportFailure(String message) {
      super(message);
    }
  }

  /** Counts blocks and gas, and prints a progress line every few seconds. */
  private static final class Progress {
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    long done;
    long imported;
    long skipped;
    private long gasSincePrint;
    private long blocksSincePrint;

    Progress(long total) {
      this.total = total;
    }

    void block(Block block, boolean added) {
      done++;
      if (added) {
        imported++;
        gasSincePrint += block.header().gasUsed();
        blocksSincePrint++;
      } else {
        skipped++;
      }
      long now = System.nanoTime();
      if (now - lastPrint >= PROGRESS_EVERY_NANOS) {
        double secs = (now - lastPrint) / 1e9;
        double rate = blocksSincePrint / secs;
        String eta = total > 0 && rate > 0 ? String.format(", ETA %ds", (long) ((total - done) / rate)) : "";
        System.err.printf("import: %d/%s blocks, %.1f blocks/s, %.2f MGas/s, head %d%s%n", done,
            total > 0 ? Long.toString(total) : "?", rate, gasSincePrint / secs / 1e6, block.number(), eta);
        lastPrint = now;
        gasSincePrint = 0;
        blocksSincePrint = 0;
      }
    }

    double seconds() {
      return (System.nanoTime() - start) / 1e9;
    }
  }
}
