package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.conformance.Fixtures;

/** init / import / export / dump on go-ethereum's 600-block test chain. */
class ChainCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHAIN = Fixtures.require("chains/geth-ethtest");

  @Test
  void importingGethsTestChainEndsAtItsHeadAndDumpsItsState(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("data");
    CommandRun init = CommandRun.of("init", "--genesis", CHAIN.resolve("genesis.json").toString(), "--datadir",
        dir.toString());
    assertThat(init.exitCode()).as(init.err()).isZero();

    CommandRun imported = CommandRun.of("import", "--datadir", dir.toString(), CHAIN.resolve("chain.rlp").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    JsonNode head = JSON.readTree(CHAIN.resolve("headblock.json").toFile());
    assertThat(imported.out())
        .contains("imported 600 blocks")
        .contains("head block " + Long.decode(head.get("number").asText()) + " " + head.get("hash").asText())
        .contains("state root " + head.get("stateRoot").asText());

    // Reopening keeps everything; importing again skips every block.
    CommandRun again = CommandRun.of("import", "--datadir", dir.toString(), CHAIN.resolve("chain.rlp").toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("imported 0 blocks (600 already known)");

    CommandRun dump = CommandRun.of("dump", "--datadir", dir.toString());
    assertThat(dump.exitCode()).as(dump.err()).isZero();
    assertThat(JSON.readTree(dump.out())).isEqualTo(JSON.readTree(CHAIN.resolve("headstate.json").toFile()));

    Path exported = tmp.resolve("out.rlp");
    CommandRun export = CommandRun.of("export", "--datadir", dir.toString(), exported.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.readAllBytes(exported)).isEqualTo(Files.readAllBytes(CHAIN.resolve("chain.rlp")));

    CommandRun range = CommandRun.of("export", "--datadir", dir.toString(), "--from", "10", "--to", "5",
        tmp.resolve("x.rlp").toString());
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.err()).contains("outside the chain");
  }

  @Test
  void aDifferentGenesisIsRefusedAndNothingChanges(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("data");
    assertThat(CommandRun.of("init", "--genesis", CHAIN.resolve("genesis.json").toString(), "--datadir",
        dir.toString()).exitCode()).isZero();
    Map<String, Long> before = snapshot(dir);
    JsonNode genesis = JSON.readTree(CHAIN.resolve("genesis.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) genesis).put("extraData", "0x1234");
    Path other = tmp.resolve("other.json");
    Files.writeString(other, genesis.toString());
    CommandRun run = CommandRun.of("init", "--genesis", other.toString(), "--datadir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("holds a chain with genesis").doesNotContain("Exception");
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void foreignOrUninitialisedDirectoriesGetAClearError(@TempDir Path tmp) throws IOException {
    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign.resolve("chaindata"));
    Files.writeString(foreign.resolve("chaindata").resolve("notes.txt"), "mine");
    CommandRun run = CommandRun.of("init", "--genesis", CHAIN.resolve("genesis.json").toString(), "--datadir",
        foreign.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(Files.readString(foreign.resolve("chaindata").resolve("notes.txt"))).isEqualTo("mine");

    CommandRun empty = CommandRun.of("dump", "--datadir", tmp.resolve("nothing").toString());
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("is not an initialised data directory");
  }

  @Test
  void aCorruptBlockFileStopsWithTheBlockItFailedOn(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("data");
    byte[] chain = Files.readAllBytes(CHAIN.resolve("chain.rlp"));
    byte[] truncated = java.util.Arrays.copyOf(chain, chain.length - 100);
    Path file = tmp.resolve("truncated.rlp");
    Files.write(file, truncated);
    CommandRun run = CommandRun.of("import", "--datadir", dir.toString(), "--genesis",
        CHAIN.resolve("genesis.json").toString(), file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("truncated RLP item");
    // Everything before the damaged block was kept.
    CommandRun again = CommandRun.of("import", "--datadir", dir.toString(), CHAIN.resolve("chain.rlp").toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("imported 1 blocks (599 already known)");
  }

  private static Map<String, Long> snapshot(Path dir) throws IOException {
    Map<String, Long> out = new HashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.size(p) ^ Files.getLastModifiedTime(p).toMillis());
      }
    }
    return out;
  }
}
