package org.linden.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.InvalidBlockException;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.InvalidConfigException;
import org.linden.types.Bytes;

/** The shared fixtures, read in place; a missing one fails the test with the path it looked for. */
public final class Fixtures {
  private static List<Block> ethTestChain;
  private static Block ethTestGenesis;

  private Fixtures() {}

  public static Path require(String relative) {
    String root = System.getProperty("linden.fixtures");
    if (root == null || root.isBlank()) {
      throw new IllegalStateException("system property linden.fixtures is not set; it must point at the shared fixtures");
    }
    Path p = Path.of(root).resolve(relative).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException("fixture not found: " + p);
    }
    return p;
  }

  /** The genesis block of go-ethereum's protocol-test chain, built from its genesis.json. */
  public static synchronized Block ethTestGenesis() {
    if (ethTestGenesis == null) {
      try {
        ethTestGenesis = Genesis.fromFile(require("chains/geth-ethtest/genesis.json")).toBlock();
      } catch (InvalidConfigException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return ethTestGenesis;
  }

  /** Blocks 0..n of the protocol-test chain. */
  public static List<Block> ethTestChainWithGenesis() {
    List<Block> all = new java.util.ArrayList<>();
    all.add(ethTestGenesis());
    all.addAll(ethTestChain());
    return all;
  }

  /** Blocks 1..n of go-ethereum's protocol-test chain (legacy to Prague, with every transaction type). */
  public static synchronized List<Block> ethTestChain() {
    if (ethTestChain == null) {
      try {
        ethTestChain = Block.decodeAll(Bytes.wrap(Files.readAllBytes(require("chains/geth-ethtest/chain.rlp"))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InvalidBlockException e) {
        throw new IllegalStateException("chains/geth-ethtest/chain.rlp does not decode: " + e, e);
      }
    }
    return ethTestChain;
  }
}
