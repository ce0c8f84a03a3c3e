package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code network init}, {@code light} and the logging flags refuse bad flags with one clear line and exit status 2. */
class NetworkAndLightFlagsTest {
  private static void refused(CommandRun run, String mention) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ").contains(mention);
  }

  @Test
  void networkInitRefusesBadValues(@TempDir Path tmp) throws Exception {
    refused(CommandRun.of("network", "init", "--validators", "0", "--out", tmp.resolve("a").toString()), "--validators");
    refused(CommandRun.of("network", "init", "--validators", "4", "--block-period", "0", "--out",
        tmp.resolve("b").toString()), "--block-period");
    Path full = tmp.resolve("full");
    Files.createDirectories(full);
    Files.writeString(full.resolve("something"), "x");
    refused(CommandRun.of("network", "init", "--validators", "4", "--out", full.toString()), "not empty");
    assertThat(full.resolve("genesis.json")).doesNotExist();
  }

  @Test
  void nodeAndDevRefuseABadLogLevel(@TempDir Path tmp) throws Exception {
    refused(CommandRun.of("node", "--datadir", tmp.resolve("n").toString(), "--log.level", "loud"), "--log.level");
    refused(CommandRun.of("dev", "--datadir", tmp.resolve("d").toString(), "--log.level", "info,p2p"),
        "--log.level");
  }

  @Test
  void networkInitWritesANetwork(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("net");
    CommandRun run = CommandRun.of("network", "init", "--validators", "2", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("genesis.json")).isNotEmptyFile();
    assertThat(out.resolve("node0/key")).isNotEmptyFile();
    assertThat(out.resolve("node1/args")).isNotEmptyFile();
  }

  @Test
  void lightRefusesABadCheckpointAndAMissingGenesis(@TempDir Path tmp) {
    refused(CommandRun.of("light", "--rpc", "http://127.0.0.1:1", "--checkpoint", "0x1234", "--datadir",
        tmp.toString()), "--checkpoint");
    CommandRun missing = CommandRun.of("light", "--rpc", "http://127.0.0.1:1", "--genesis",
        tmp.resolve("none.json").toString(), "--datadir", tmp.toString());
    assertThat(missing.exitCode()).as(missing.err()).isNotZero();
    assertThat(missing.err()).startsWith("error: ").contains("none.json");
  }
}
