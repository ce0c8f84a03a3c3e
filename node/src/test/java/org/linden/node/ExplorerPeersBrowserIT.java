package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linden.conformance.Fixtures;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's peers page with a real peer: two {@code ./linden node} processes on
 * 127.0.0.1, the second dialling the first; headless Chromium opens the first one's explorer
 * and finds the second listed with its client, protocols and traffic.
 */
class ExplorerPeersBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = DevNodeProcess.ROOT.resolve("node/target/explorer-screenshots");
  private static final Pattern ENODE = Pattern.compile("peers at (enode://\\S+)");

  private static DevNodeProcess node(Path datadir, String... extra) throws Exception {
    Path genesis = Fixtures.require("chains/geth-ethtest").resolve("genesis.json");
    List<String> args = new ArrayList<>(List.of("node", "--datadir", datadir.toString(), "--genesis",
        genesis.toString(), "--http.port", "0", "--p2p.port", "0", "--nodiscover", "--explorer",
        "--rpc.apis", "eth,net,web3,admin"));
    args.addAll(List.of(extra));
    return DevNodeProcess.launch(args);
  }

  @Test
  void thePeersPageListsAConnectedPeer(@TempDir Path tmp) throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("Debian's chromium at " + CHROMIUM + " (./run-tests installs it with apt-get)").isTrue();
    E2eScripts.install("playwright-core");
    Files.createDirectories(SCREENSHOTS);
    try (DevNodeProcess a = node(tmp.resolve("a"))) {
      String enode = a.find(ENODE).orElseThrow(() -> new AssertionError("no enode in " + a.output()));
      try (DevNodeProcess b = node(tmp.resolve("b"), "--bootnodes", enode)) {
        RpcClient rpcB = new RpcClient(b.port());
        String idOfB = rpcB.result("admin_nodeInfo").get("id").asText();
        RpcClient rpcA = new RpcClient(a.port());
        for (int i = 0; i < 300 && rpcA.result("admin_peers").size() < 1; i++) {
          Thread.sleep(100);
        }
        assertThat(rpcA.result("admin_peers").size()).as("a has b as its peer").isEqualTo(1);
        String output = E2eScripts.run(List.of("node", "--test", "--test-concurrency=1", "browser-network/peers.test.mjs"), Map.of(
            "LINDEN_RPC", a.rpcUrl(),
            "LINDEN_PEER_ID", idOfB,
            "LINDEN_CHROMIUM", CHROMIUM.toString(),
            "LINDEN_SCREENSHOTS", SCREENSHOTS.toString()), 10);
        assertThat(output).contains("# fail 0");
      }
    }
    assertThat(SCREENSHOTS.resolve("peers-connected.png")).isNotEmptyFile();
  }
}
