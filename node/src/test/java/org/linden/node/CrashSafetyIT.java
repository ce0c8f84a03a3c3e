package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.store.Blockchain;
import org.linden.conformance.Fixtures;

/**
 * Kills {@code linden import} with SIGKILL at random moments, 20 times, reopening the
 * data directory after each kill: every reopening must find a consistent head (its state
 * root is the state's root, every canonical block below it is present), and the import
 * must finally end at the same head as an uninterrupted one.
 */
class CrashSafetyIT {
  private static final Path ROOT = Path.of(System.getProperty("linden.root", "..")).toAbsolutePath().normalize();
  private static final Path CHAIN = Fixtures.require("chains/geth-ethtest");
  private static final int KILLS = 20;

  @Test
  void killedImportsAlwaysReopenAtAConsistentHead(@TempDir Path tmp) throws Exception {
    JsonNode expected = new ObjectMapper().readTree(CHAIN.resolve("headblock.json").toFile());
    Random random = new Random(42);
    int kills = 0;
    int round = 0;
    Path dir = freshDirectory(tmp, round);
    long lastHead = 0;
    for (int attempt = 0; kills < KILLS && attempt < 6 * KILLS; attempt++) {
      Process p = new ProcessBuilder(ROOT.resolve("linden").toString(), "import", "--datadir", dir.toString(),
          CHAIN.resolve("chain.rlp").toString())
          .directory(ROOT.toFile())
          .redirectErrorStream(true)
          .redirectOutput(tmp.resolve("import-" + attempt + ".log").toFile())
          .start();
      // JVM start-up takes most of a second; kill somewhere in the import that follows.
      boolean exited = p.waitFor(400 + random.nextInt(2000), TimeUnit.MILLISECONDS);
      if (!exited) {
        p.destroyForcibly();
        p.waitFor();
        kills++;
      } else {
        assertThat(p.exitValue()).as("import exit status").isZero();
      }
      BlockHeader head = checkConsistent(dir);
      assertThat(head.number()).isGreaterThanOrEqualTo(lastHead);
      lastHead = head.number();
      if (head.number() == 600) {
        // This directory is complete and at the right head: start another from genesis.
        assertThat(head.hash().toHex()).isEqualTo(expected.get("hash").asText());
        assertThat(head.stateRoot().toHex()).isEqualTo(expected.get("stateRoot").asText());
        dir = freshDirectory(tmp, ++round);
        lastHead = 0;
      }
    }
    assertThat(kills).as("imports killed mid-way").isGreaterThanOrEqualTo(KILLS);

    CommandRun finish = CommandRun.of("import", "--datadir", dir.toString(), CHAIN.resolve("chain.rlp").toString());
    assertThat(finish.exitCode()).as(finish.err()).isZero();
    assertThat(finish.out()).contains("head block 600 " + expected.get("hash").asText())
        .contains("state root " + expected.get("stateRoot").asText());
  }

  private static Path freshDirectory(Path tmp, int round) {
    Path dir = tmp.resolve("data-" + round);
    assertThat(CommandRun.of("init", "--genesis", CHAIN.resolve("genesis.json").toString(), "--datadir",
        dir.toString()).exitCode()).isZero();
    return dir;
  }

  /** Reopens the directory: the head's state root is the stored state's and every block below it is there. */
  private static BlockHeader checkConsistent(Path dir) {
    try (DataDirectory reopened = DataDirectory.open(dir, null)) {
      Blockchain chain = reopened.chain();
      BlockHeader head = chain.head();
      assertThat(chain.state().stateRoot()).isEqualTo(head.stateRoot());
      for (long n = 0; n <= head.number(); n++) {
        assertThat(chain.canonicalBlock(n)).as("canonical block %d below head %d", n, head.number()).isPresent();
      }
      return head;
    }
  }
}
