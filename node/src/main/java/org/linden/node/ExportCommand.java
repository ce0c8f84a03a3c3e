package org.linden.node;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.linden.chain.block.Block;
import org.linden.chain.store.Blockchain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code linden export}: writes canonical blocks as concatenated RLP, as geth does. */
@Command(name = "export", description = "Export canonical blocks to an RLP file.")
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--datadir", required = true, paramLabel = "DIR", description = "Data directory")
  Path datadir;

  @Option(names = "--from", paramLabel = "N", description = "First block (default: 1)")
  long from = 1;

  @Option(names = "--to", paramLabel = "M", description = "Last block (default: the head)")
  Long to;

  @Parameters(index = "0", paramLabel = "FILE.rlp", description = "Output file")
  Path file;

  @Override
  public Integer call() {
    try (DataDirectory dir = DataDirectory.open(datadir, null)) {
      Blockchain chain = dir.chain();
      long last = to == null ? chain.head().number() : to;
      if (from < 0 || last < from || last > chain.head().number()) {
        throw new UsageError("block range " + from + ".." + last + " is outside the chain (head is "
            + chain.head().number() + ")");
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        for (long n = from; n <= last; n++) {
          long number = n;
          Block b = chain.canonicalBlock(n).orElseThrow(() -> new UsageError("block " + number + " is missing"));
          out.write(b.encode().unsafeArray());
        }
      } catch (IOException e) {
        throw new UsageError("cannot write " + file + ": " + e.getMessage());
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UsageError("cannot write " + file + ": " + e.getMessage());
      }
      System.out.println("exported blocks " + from + ".." + last + " to " + file);
    }
    return 0;
  }
}
