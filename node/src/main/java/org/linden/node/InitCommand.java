package org.linden.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code linden init}: writes the genesis block and state into a data directory. */
@Command(name = "init", description = "Initialise a data directory with a geth-format genesis.json.")
final class InitCommand implements Callable<Integer> {
  @Option(names = "--genesis", required = true, paramLabel = "FILE", description = "geth-format genesis.json")
  Path genesis;

  @Option(names = "--datadir", required = true, paramLabel = "DIR", description = "Data directory")
  Path datadir;

  @Override
  public Integer call() {
    try (DataDirectory dir = DataDirectory.open(datadir, genesis)) {
      var head = dir.chain().head();
      System.out.println("genesis " + dir.chain().store().genesis().orElseThrow() + " in " + datadir
          + "; head block " + head.number() + " " + head.hash());
    }
    return 0;
  }
}
