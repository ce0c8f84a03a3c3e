package org.linden.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.InvalidConfigException;
import org.linden.node.dev.DevGenesis;
import org.linden.node.dev.GenesisJson;

/**
 * The data directory of a dev chain. A directory that already holds a chain is reopened as
 * it is, unless {@code --chain-id} or {@code --gas-limit} describe another genesis, which
 * is refused; an empty one gets the dev genesis, written as {@code genesis.json} like any
 * other chain's.
 */
final class DevDirectory {
  private DevDirectory() {}

  /** Opens or creates the dev chain in {@code root}; null flags take the stored chain's values or the defaults. */
  static DataDirectory open(Path root, Long chainId, Long gasLimit) {
    Path stored = DataDirectory.genesisCopy(root);
    if (Files.exists(stored)) {
      checkFlagsMatch(root, stored, chainId, gasLimit);
      return DataDirectory.open(root, null);
    }
    Genesis genesis;
    try {
      genesis = DevGenesis.create(chainId != null ? chainId : DevGenesis.DEFAULT_CHAIN_ID,
          gasLimit != null ? gasLimit : DevGenesis.DEFAULT_GAS_LIMIT);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    Path file = null;
    try {
      file = Files.createTempFile("linden-dev-genesis", ".json");
      Files.writeString(file, GenesisJson.write(genesis), StandardCharsets.UTF_8);
      return DataDirectory.open(root, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dev genesis: " + e.getMessage(), e);
    } finally {
      deleteQuietly(file);
    }
  }

  /** A flag given for an existing chain must agree with it: it cannot change a genesis after the fact. */
  private static void checkFlagsMatch(Path root, Path stored, Long chainId, Long gasLimit) {
    Genesis existing;
    try {
      existing = Genesis.fromFile(stored);
    } catch (InvalidConfigException e) {
      throw new UsageError(stored + " is damaged: " + e.getMessage());
    }
    if (chainId != null && existing.config().chainId() != chainId) {
      throw new UsageError("the data directory " + root + " holds chain " + Long.toUnsignedString(
          existing.config().chainId()) + ", not " + chainId + "; nothing was changed");
    }
    if (gasLimit != null && existing.gasLimit() != gasLimit) {
      throw new UsageError("the data directory " + root + " holds a chain whose genesis gas limit is "
          + existing.gasLimit() + ", not " + gasLimit + "; nothing was changed");
    }
  }

  /** Deletes a directory tree (the temporary data directory of a dev chain). */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover temporary file is harmless.
      }
    }
  }
}
