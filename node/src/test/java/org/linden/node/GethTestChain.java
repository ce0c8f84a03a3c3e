package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** go-ethereum's 600-block protocol-test chain from the shared fixtures, and importing it into a data directory. */
final class GethTestChain {
  static final Path DIR = Path.of(System.getProperty("linden.fixtures",
      DevNodeProcess.ROOT.resolve("../shared/fixtures").toString())).resolve("chains/geth-ethtest").toAbsolutePath()
      .normalize();

  private GethTestChain() {}

  static Path fixture(String name) {
    Path p = DIR.resolve(name);
    assertThat(p).as("fixture %s is missing", p).exists();
    return p;
  }

  static Path genesis() {
    return fixture("genesis.json");
  }

  static Path chainRlp() {
    return fixture("chain.rlp");
  }

  /** Runs {@code ./linden import}, optionally behind a prefix such as {@code ip netns exec NS}. */
  static void importInto(Path datadir, String... prefix) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(prefix));
    cmd.addAll(List.of(DevNodeProcess.ROOT.resolve("linden").toString(), "import", "--datadir", datadir.toString(),
        "--genesis", genesis().toString(), chainRlp().toString()));
    Process p = new ProcessBuilder(cmd).directory(DevNodeProcess.ROOT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("import finished").isTrue();
    assertThat(p.exitValue()).as("import failed: %s", out).isZero();
  }
}
