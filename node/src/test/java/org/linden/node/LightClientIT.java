package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The light client as a real process in front of a real QBFT network: {@code network init}
 * writes four validators, each runs as its own {@code ./linden node}, and {@code ./linden
 * light} follows two of them from the genesis. ethers, pointed only at the light client,
 * reads balances, deploys and calls a contract, sends transactions and reads their receipts
 * and logs (e2e/light/). The light client's head is the validators' block at that height,
 * and a restart resumes from the head it kept in its data directory.
 */
class LightClientIT {
  private static final int VALIDATORS = 4;
  private static final Pattern RESUMED = Pattern.compile("Resuming from verified block (\\d+) ");
  /** Options of a node's command line whose value is a path relative to the network directory. */
  private static final Set<String> PATH_OPTIONS = Set.of("--genesis", "--datadir", "--validator-key", "--nodekey");

  @Test
  void ethersThroughTheLightClientAgainstAFourValidatorNetwork(@TempDir Path tmp) throws Exception {
    E2eScripts.install("ethers");
    Path net = tmp.resolve("net");
    int rpcBase = freeRange();
    int p2pBase = freeRange();
    runLinden(List.of("network", "init", "--validators", String.valueOf(VALIDATORS), "--out", net.toString(),
        "--block-period", "1", "--base-rpc-port", String.valueOf(rpcBase), "--base-p2p-port", String.valueOf(p2pBase)));
    Path genesis = net.resolve("genesis.json");
    assertThat(genesis).as("network init wrote no genesis").exists();

    List<DevNodeProcess> validators = new ArrayList<>();
    try {
      for (int i = 0; i < VALIDATORS; i++) {
        validators.add(DevNodeProcess.launch(nodeArgs(net, i)));
      }
      for (DevNodeProcess v : validators) {
        awaitBlock(v, 2, validators);
      }
      Path lightDir = tmp.resolve("light");
      List<String> lightArgs = List.of("light", "--rpc", validators.get(0).rpcUrl() + "," + validators.get(1).rpcUrl(),
          "--genesis", genesis.toString(), "--http.port", "0", "--datadir", lightDir.toString());

      long keptHead;
      try (DevNodeProcess light = DevNodeProcess.launch(lightArgs)) {
        assertThat(light.find(RESUMED)).as("a fresh data directory has nothing to resume from").isEmpty();
        String output = E2eScripts.run(List.of("node", "--test", "--test-concurrency=1", "light/"),
            Map.of("LINDEN_LIGHT_RPC", light.rpcUrl()), 10);
        assertThat(output).as(output).contains("# fail 0").contains("# pass 3");
        keptHead = assertSameHeadAsValidators(light, validators);
      }

      // The head the light client verified last is on disk; a restart starts from there.
      try (DevNodeProcess light = DevNodeProcess.launch(lightArgs)) {
        long resumed = light.find(RESUMED).map(Long::parseLong)
            .orElseThrow(() -> new AssertionError("the restarted light client did not resume: " + light.output()));
        assertThat(resumed).isGreaterThanOrEqualTo(keptHead);
        long head = assertSameHeadAsValidators(light, validators);
        for (int i = 0; i < 600 && head <= keptHead; i++) {
          Thread.sleep(100);
          head = assertSameHeadAsValidators(light, validators);
        }
        assertThat(head).as("the restarted light client follows new blocks").isGreaterThan(keptHead);
      }
    } finally {
      for (DevNodeProcess v : validators) {
        v.close();
      }
    }
  }

  /**
   * The light client's latest block hash equals each validator's block at that height;
   * waits (bounded) for every validator to have it. Returns the light client's head number.
   */
  private static long assertSameHeadAsValidators(DevNodeProcess light, List<DevNodeProcess> validators) throws Exception {
    JsonNode head = new RpcClient(light.port()).result("eth_getBlockByNumber", "latest", false);
    long number = Long.decode(head.get("number").asText());
    String hash = head.get("hash").asText();
    assertThat(number).isPositive();
    for (DevNodeProcess v : validators) {
      awaitBlock(v, number, validators);
      JsonNode theirs = new RpcClient(v.port()).result("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
      assertThat(theirs.get("hash").asText()).as("block %d at %s", number, v.rpcUrl()).isEqualTo(hash);
    }
    return number;
  }

  private static void awaitBlock(DevNodeProcess node, long number, List<DevNodeProcess> all) throws Exception {
    long at = -1;
    for (int i = 0; i < 1200; i++) {
      at = Long.decode(new RpcClient(node.port()).result("eth_blockNumber").asText());
      if (at >= number) {
        return;
      }
      Thread.sleep(100);
    }
    StringBuilder logs = new StringBuilder();
    for (DevNodeProcess n : all) {
      List<String> out = n.output();
      logs.append("\n--- ").append(n.rpcUrl()).append('\n')
          .append(String.join("\n", out.subList(Math.max(0, out.size() - 40), out.size())));
    }
    throw new AssertionError(node.rpcUrl() + " did not reach block " + number + "; it is at " + at + logs);
  }

  /** Node {@code i}'s command line from {@code network init}, its paths made absolute. */
  private static List<String> nodeArgs(Path net, int i) throws IOException {
    Path file = net.resolve("node" + i).resolve("args");
    assertThat(file).as("network init wrote no %s", file).exists();
    String[] words = Files.readString(file, StandardCharsets.UTF_8).strip().split("\\s+");
    List<String> args = new ArrayList<>();
    for (int w = 0; w < words.length; w++) {
      args.add(w > 0 && PATH_OPTIONS.contains(words[w - 1]) ? net.resolve(words[w]).toString() : words[w]);
    }
    return args;
  }

  private static void runLinden(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(DevNodeProcess.ROOT.resolve("linden").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).directory(DevNodeProcess.ROOT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", args).isTrue();
    assertThat(p.exitValue()).as("%s failed: %s", args, out).isZero();
  }

  /** A base port with {@value #VALIDATORS} free ports from it on 127.0.0.1. */
  private static int freeRange() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      if (allFree(base)) {
        return base;
      }
    }
    throw new IOException("no " + VALIDATORS + " consecutive free ports found on 127.0.0.1");
  }

  private static boolean allFree(int base) {
    for (int i = 0; i < VALIDATORS; i++) {
      try (ServerSocket s = new ServerSocket(base + i, 1, InetAddress.getByName("127.0.0.1"))) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
