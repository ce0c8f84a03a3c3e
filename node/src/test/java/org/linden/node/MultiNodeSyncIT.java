package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate node processes on 127.0.0.1: one imports go-ethereum's 600-block protocol-test
 * chain, others start empty with it as their bootnode, find each other, sync and end on the
 * same head; a node that joins later downloads from several of them at once.
 */
class MultiNodeSyncIT {
  private static final Path FIXTURE = DevNodeProcess.ROOT.resolve("../shared/fixtures/chains/geth-ethtest").normalize();
  private static final Pattern ENODE = Pattern.compile("peers at (enode://\\S+)");
  private static final Pattern SERVED_BY = Pattern.compile("pieces served by (\\d+) peers");

  private static Path fixture(String name) {
    Path p = FIXTURE.resolve(name);
    assertThat(p).as("fixture %s is missing", p).exists();
    return p;
  }

  private static void importChain(Path datadir) throws Exception {
    Process p = new ProcessBuilder(DevNodeProcess.ROOT.resolve("linden").toString(), "import", "--datadir",
        datadir.toString(), "--genesis", fixture("genesis.json").toString(), fixture("chain.rlp").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("import finished").isTrue();
    assertThat(p.exitValue()).as("import failed: %s", out).isZero();
  }

  private static DevNodeProcess node(Path datadir, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("node", "--datadir", datadir.toString(), "--genesis",
        fixture("genesis.json").toString(), "--http.port", "0", "--p2p.port", "0", "--rpc.apis", "eth,net,web3,admin"));
    args.addAll(List.of(extra));
    return DevNodeProcess.launch(args);
  }

  private static JsonNode head(DevNodeProcess n) throws Exception {
    return new RpcClient(n.port()).result("eth_getBlockByNumber", "latest", false);
  }

  private static void awaitHead(DevNodeProcess n, String hash, String name) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (head(n).get("hash").asText().equals(hash)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not reach " + hash + "; it is at " + head(n).get("number").asText()
        + "\n" + String.join("\n", n.output()));
  }

  @Test
  void emptyNodesSyncFromABootnodeAndALateJoinerFromSeveralPeers(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a");
    importChain(a);
    try (DevNodeProcess seed = node(a)) {
      String enode = seed.find(ENODE).orElseThrow(() -> new AssertionError("no enode in " + seed.output()));
      JsonNode target = head(seed);
      assertThat(Long.decode(target.get("number").asText())).isPositive();
      String hash = target.get("hash").asText();
      try (DevNodeProcess b = node(tmp.resolve("b"), "--bootnodes", enode);
          DevNodeProcess c = node(tmp.resolve("c"), "--bootnodes", enode)) {
        awaitHead(b, hash, "node b");
        awaitHead(c, hash, "node c");
        // b and c found each other through the bootnode's discovery table.
        for (int i = 0; i < 600 && new RpcClient(b.port()).result("admin_peers").size() < 2; i++) {
          Thread.sleep(100);
        }
        assertThat(new RpcClient(b.port()).result("admin_peers").size()).isGreaterThanOrEqualTo(2);
        try (DevNodeProcess d = node(tmp.resolve("d"), "--bootnodes", enode)) {
          awaitHead(d, hash, "node d");
          System.out.println("MultiNodeSyncIT: late joiner " + d.find(Pattern.compile("(Sync done: .*)")).orElse("?"));
          int servedBy = d.find(SERVED_BY).map(Integer::parseInt)
              .orElseThrow(() -> new AssertionError("no sync summary in " + d.output()));
          assertThat(servedBy).as("peers that served pieces to the late joiner; its log:\n%s",
              String.join("\n", d.output())).isGreaterThanOrEqualTo(2);
        }
      }
    }
    assertThat(Files.exists(a.resolve("nodekey"))).isTrue();
  }
}
