package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in explorer in a real browser: e2e/browser/ drives Debian's headless Chromium
 * with playwright-core against a real {@code ./linden dev} process (debug enabled, so the
 * transaction page shows internal calls). Screenshots land in node/target/explorer-screenshots.
 */
class ExplorerBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = DevNodeProcess.ROOT.resolve("node/target/explorer-screenshots");

  @Test
  void everyPageRendersInHeadlessChromium() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("Debian's chromium at " + CHROMIUM + " (./run-tests installs it with apt-get)").isTrue();
    E2eScripts.install("playwright-core");
    Files.createDirectories(SCREENSHOTS);
    try (DevNodeProcess node = DevNodeProcess.start("--rpc.apis", "eth,net,web3,txpool,evm,debug")) {
      String output = E2eScripts.run(List.of("node", "--test", "--test-concurrency=1", "browser/"), Map.of(
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
