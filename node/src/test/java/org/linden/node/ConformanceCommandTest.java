package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.conformance.Fixtures;

class ConformanceCommandTest {
  @Test
  void runsAFixtureDirectoryAndEndsWithTheSummaryLine() {
    Path rlp = Fixtures.require("ethereum-tests/RLPTests");
    CommandRun run = CommandRun.of("conformance", rlp.toString());
    String[] lines = run.outLines();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(lines[lines.length - 1]).isEqualTo((lines.length - 1) + " passed, 0 failed");
    assertThat(lines[0]).startsWith("{\"name\":").contains("\"suite\":\"RLPTests\"").contains("\"pass\":true");
  }

  @Test
  void aFailingCaseGivesExitStatusOne(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    // A valid-looking RLP case whose expected encoding is wrong: must be reported as failed.
    Files.writeString(bad, "{\"wrong\": {\"in\": \"dog\", \"out\": \"0x83646f68\"}}");
    CommandRun run = CommandRun.of("conformance", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"pass\":false").endsWith("0 passed, 1 failed\n");
  }

  @Test
  void aPathWithoutFixturesIsAClearError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
    CommandRun run = CommandRun.of("conformance", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: no recognisable fixture").doesNotContain("Exception");
    CommandRun missing = CommandRun.of("conformance", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or directory");
  }

  @Test
  void anUnknownForkIsAUsageError() {
    CommandRun run = CommandRun.of("conformance", "--fork", "Atlantis", ".");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown fork 'Atlantis'");
  }

  @Test
  void versionAndHelp() {
    CommandRun version = CommandRun.of("version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("Linden/v");
    CommandRun help = CommandRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("conformance").contains("version");
    for (String sub : new String[] {"dev", "node", "import", "conformance", "account"}) {
      CommandRun subHelp = CommandRun.of(sub, "--help");
      assertThat(subHelp.exitCode()).as(sub + " --help").isZero();
      assertThat(subHelp.out()).as(sub + " --help").contains("Usage: linden " + sub);
    }
  }
}
