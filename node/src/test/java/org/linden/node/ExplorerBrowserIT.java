package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built-in explorer in a real browser: e2e/browser/ drives Debian's headless Chromium
 * with playwright-core against a real {@code ./linden dev} process (debug enabled, so the
 * transaction page shows internal calls). Screenshots land in node/target/explorer-screenshots.
 */
class ExplorerBrowserIT {
  private static final Path E2E = DevNodeProcess.ROOT.resolve("e2e");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = DevNodeProcess.ROOT.resolve("node/target/explorer-screenshots");

  private static String run(List<String> command, Map<String, String> env, long minutes) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    File out = File.createTempFile("explorer-browser", ".log");
    pb.redirectOutput(out);
    Process p = pb.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + minutes + " minutes:\n"
          + Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }
    String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(command + " failed:\n" + text).isZero();
    return text;
  }

  @Test
  void everyPageRendersInHeadlessChromium() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("Debian's chromium at " + CHROMIUM + " (./run-tests installs it with apt-get)").isTrue();
    if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 10);
    }
    Files.createDirectories(SCREENSHOTS);
    try (DevNodeProcess node = DevNodeProcess.start("--rpc.apis", "eth,net,web3,txpool,evm,debug")) {
      String output = run(List.of("node", "--test", "--test-concurrency=1", "browser/"), Map.of(
          "LINDEN_RPC", node.rpcUrl(),
          "LINDEN_CHROMIUM", CHROMIUM.toString(),
          "LINDEN_SCREENSHOTS", SCREENSHOTS.toString()), 10);
      assertThat(output).contains("# fail 0");
    }
    for (String page : List.of("home", "home-live", "block", "transaction", "address", "not-found-garbage")) {
      assertThat(SCREENSHOTS.resolve(page + ".png")).isNotEmptyFile();
    }
  }
}
