package org.linden.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.InvalidConfigException;
import org.linden.chain.store.Blockchain;
import org.linden.chain.store.GenesisMismatchException;
import org.linden.state.RocksDbStore;
import org.linden.state.StoreException;

/**
 * A node's data directory: {@code chaindata/} (RocksDB) and {@code genesis.json} (the
 * genesis it was initialised with, so later commands need no {@code --genesis}).
 */
final class DataDirectory implements AutoCloseable {
  private final Path root;
  private final RocksDbStore store;
  private final Blockchain chain;

  private DataDirectory(Path root, RocksDbStore store, Blockchain chain) {
    this.root = root;
    this.store = store;
    this.chain = chain;
  }

  Path root() {
    return root;
  }

  Blockchain chain() {
    return chain;
  }

  static Path genesisCopy(Path root) {
    return root.resolve("genesis.json");
  }

  /**
   * Opens (or with a genesis file, creates) the chain in {@code root}. Without
   * {@code genesisFile} the directory must have been initialised before.
   */
  static DataDirectory open(Path root, Path genesisFile) {
    Path copy = genesisCopy(root);
    Path genesisPath = genesisFile != null ? genesisFile : copy;
    if (genesisFile == null && !Files.exists(copy)) {
      throw new UsageError(root + " is not an initialised data directory (no genesis.json): run "
          + "'linden init --genesis FILE --datadir " + root + "' or pass --genesis");
    }
    if (genesisFile != null && !Files.isRegularFile(genesisFile)) {
      throw new UsageError("genesis file not found: " + genesisFile);
    }
    Genesis genesis;
    try {
      genesis = Genesis.fromFile(genesisPath);
    } catch (InvalidConfigException e) {
      throw new UsageError(genesisPath + ": " + e.getMessage());
    }
    if (Files.exists(copy) && genesisFile != null) {
      // The directory was initialised before: the given file must describe the same chain.
      try {
        Genesis stored = Genesis.fromFile(copy);
        if (!stored.hash().equals(genesis.hash())) {
          throw new UsageError("the data directory " + root + " holds a chain with genesis " + stored.hash()
              + ", but " + genesisFile + " gives " + genesis.hash() + "; nothing was changed");
        }
      } catch (InvalidConfigException e) {
        throw new UsageError(copy + " is damaged: " + e.getMessage());
      }
    }
    RocksDbStore store;
    try {
      Files.createDirectories(root);
      store = RocksDbStore.open(root.resolve("chaindata"));
    } catch (IOException e) {
      throw new UsageError("cannot create the data directory " + root + ": " + e.getMessage());
    } catch (StoreException e) {
      throw new UsageError(e.getMessage());
    }
    Blockchain chain;
    try {
      chain = Blockchain.open(store, genesis);
    } catch (GenesisMismatchException e) {
      store.close();
      throw new UsageError(e.getMessage());
    } catch (RuntimeException e) {
      store.close();
      throw new UsageError("cannot open the chain in " + root + ": " + e.getMessage());
    }
    if (!Files.exists(copy)) {
      try {
        Path tmp = root.resolve("genesis.json.tmp");
        Files.copy(genesisPath, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        chain = null;
        store.close();
        throw new UsageError("cannot write " + copy + ": " + e.getMessage());
      }
    }
    return new DataDirectory(root, store, chain);
  }

  @Override
  public void close() {
    store.close();
  }
}
