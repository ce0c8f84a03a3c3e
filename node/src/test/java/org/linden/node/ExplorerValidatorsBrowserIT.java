package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's validators page on a real QBFT validator: {@code network init} writes a
 * one-validator network, the validator runs as a {@code ./linden node} process with the
 * explorer on and a pending vote, and headless Chromium finds the validator set, the
 * proposer and committers of recent blocks, and the vote.
 */
class ExplorerValidatorsBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = DevNodeProcess.ROOT.resolve("node/target/explorer-screenshots");
  private static final String CANDIDATE = "0x00000000000000000000000000000000000c0ffe";

  @Test
  void theValidatorsPageShowsTheSetSealsAndVotes(@TempDir Path tmp) throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("Debian's chromium at " + CHROMIUM + " (./run-tests installs it with apt-get)").isTrue();
    E2eScripts.install("playwright-core");
    Files.createDirectories(SCREENSHOTS);
    Path net = tmp.resolve("net");
    Process init = new ProcessBuilder(DevNodeProcess.ROOT.resolve("linden").toString(), "network", "init",
        "--validators", "1", "--block-period", "1", "--out", net.toString()).redirectErrorStream(true).start();
    String initOutput = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(init.waitFor(5, TimeUnit.MINUTES)).as("network init finished").isTrue();
    assertThat(init.exitValue()).as("network init failed: %s", initOutput).isZero();
    Path key = net.resolve("node0").resolve("key");
    assertThat(key).as("network init wrote no validator key").exists();
    try (DevNodeProcess validator = DevNodeProcess.launch(List.of("node", "--genesis",
        net.resolve("genesis.json").toString(), "--datadir", net.resolve("node0/data").toString(), "--validator-key",
        key.toString(), "--nodekey", key.toString(), "--http.port", "0", "--p2p.port", "0", "--nodiscover",
        "--explorer", "--rpc.apis", "eth,net,web3,admin,qbft"))) {
      RpcClient rpc = new RpcClient(validator.port());
      for (int i = 0; i < 600 && Long.decode(rpc.result("eth_blockNumber").asText()) < 3; i++) {
        Thread.sleep(100);
      }
      assertThat(Long.decode(rpc.result("eth_blockNumber").asText())).as("the validator seals blocks").isGreaterThanOrEqualTo(3);
      String self = rpc.result("qbft_getValidatorsByBlockNumber", "latest").get(0).asText();
      // A vote to remove an address outside the set is never cast, so it stays pending (and the one
      // validator keeps sealing alone); a vote to add would make a two-validator set that halts.
      assertThat(rpc.result("qbft_proposeValidatorVote", CANDIDATE, false).asBoolean()).isTrue();
      String output = E2eScripts.run(List.of("node", "--test", "--test-concurrency=1",
          "browser-network/validators.test.mjs"), Map.of(
          "LINDEN_QBFT_RPC", validator.rpcUrl(),
          "LINDEN_VALIDATOR", self,
          "LINDEN_VOTE_FOR", CANDIDATE,
          "LINDEN_CHROMIUM", CHROMIUM.toString(),
          "LINDEN_SCREENSHOTS", SCREENSHOTS.toString()), 10);
      assertThat(output).contains("# fail 0");
    }
    assertThat(SCREENSHOTS.resolve("validators.png")).isNotEmptyFile();
  }
}
