package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ./linden node} process serving go-ethereum's protocol-test chain, against two
 * @ethereumjs/devp2p nodes (pinned in e2e/package.json) run by e2e/p2p/ethjs-eth.mjs: one
 * dials Linden, Linden dials the other ({@code admin_addPeer}). Both exchange eth/68 Status
 * messages with Linden, whose network id, genesis hash and fork id ethereumjs derives on its
 * own from the genesis file and the chain file, then ask Linden for headers and check them
 * against the chain file; Linden, having accepted their Status, asks them for their head.
 */
class EthereumJsEthIT {
  private static final Path E2E = E2eScripts.E2E;
  private static final Pattern ENODE = Pattern.compile("peers at enode://([0-9a-f]{128})@127\\.0\\.0\\.1:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();
  private Process ethjs;

  @BeforeAll
  static void installPackages() throws Exception {
    E2eScripts.install("@ethereumjs/devp2p");
  }

  @AfterEach
  void stop() throws Exception {
    if (ethjs != null) {
      ethjs.getOutputStream().close(); // the script stops when its stdin closes
      if (!ethjs.waitFor(10, TimeUnit.SECONDS)) {
        ethjs.destroyForcibly();
      }
    }
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void ethereumJsExchangesStatusWithLindenBothWaysAndGetsItsHeaders(@TempDir Path tmp) throws Exception {
    Path datadir = tmp.resolve("linden");
    GethTestChain.importInto(datadir);
    DevNodeProcess linden = DevNodeProcess.launch(List.of("node", "--datadir", datadir.toString(), "--http.port", "0",
        "--p2p.port", "0", "--nodiscover", "--rpc.apis", "eth,net,web3,admin"));
    open.add(linden);
    Matcher enode = linden.output().stream().map(ENODE::matcher).filter(Matcher::find).findFirst()
        .orElseThrow(() -> new AssertionError("no enode in " + linden.output()));
    RpcClient rpc = new RpcClient(linden.port());
    String genesisHash = block(rpc, 0).get("hash").asText();
    JsonNode head = rpc.result("eth_getBlockByNumber", "latest", false);
    assertThat(Long.decode(head.get("number").asText())).isEqualTo(600);

    startEthereumJs(enode.group(1), enode.group(2));
    JsonNode ready = await("ethereumjs is ready", l -> event(l, "ready"));
    // ethereumjs takes the genesis hash from block 1 of the chain file, not from Linden.
    assertThat(ready.get("genesisHash").asText()).isEqualTo(genesisHash);
    assertThat(ready.get("networkId").asText()).isEqualTo("3503995874084926");
    assertThat(ready.get("blocks").asInt()).isEqualTo(600);
    String pragueForkHash = ready.get("forkHashes").get("prague").asText();

    // Linden dials node "a"; node "b" has dialled Linden already.
    JsonNode a = ready.get("a");
    assertThat(rpc.result("admin_addPeer", "enode://" + a.get("id").asText() + "@127.0.0.1:" + a.get("tcp").asInt())
        .asBoolean()).isTrue();

    for (String node : List.of("a", "b")) {
      JsonNode status = await(node + " receives Linden's Status", l -> event(l, "status") && node(l, node));
      assertThat(status.get("networkId").asText()).isEqualTo("3503995874084926");
      assertThat(status.get("genesisHash").asText()).isEqualTo(genesisHash);
      assertThat(status.get("bestHash").asText()).isEqualTo(head.get("hash").asText());
      // Linden at block 600 (past Prague at time 120) announces the fork hash ethereumjs computes for Prague.
      assertThat(status.get("forkHash").asText()).isEqualTo(pragueForkHash);
      assertThat(status.get("forkNext").asLong()).isZero();

      JsonNode byNumber = await(node + " gets headers 1..3",
          l -> event(l, "headers") && node(l, node) && l.get("request").asText().equals("byNumber"));
      assertThat(byNumber.get("numbers").asText()).isEqualTo("1,2,3");
      assertThat(byNumber.get("matchChainFile").asBoolean()).isTrue();
      assertThat(byNumber.get("hashes").asText()).isEqualTo(String.join(",", block(rpc, 1).get("hash").asText(),
          block(rpc, 2).get("hash").asText(), block(rpc, 3).get("hash").asText()));
      JsonNode byHash = await(node + " gets Linden's head by hash",
          l -> event(l, "headers") && node(l, node) && l.get("request").asText().equals("head"));
      assertThat(byHash.get("numbers").asText()).isEqualTo("600");
      assertThat(byHash.get("hashes").asText()).isEqualTo(head.get("hash").asText());
      assertThat(byHash.get("matchChainFile").asBoolean()).isTrue();

      // Linden accepted ethereumjs' Status (network id, genesis, its fork id at genesis, next fork
      // at time 60) and asks for the head it named there.
      JsonNode asked = await("Linden asks " + node + " for its head", l -> event(l, "linden-asked") && node(l, node));
      assertThat(asked.get("origin").asText()).isEqualTo(genesisHash);
    }

    JsonNode peers = rpc.result("admin_peers");
    assertThat(peers).hasSize(2);
    for (JsonNode p : peers) {
      assertThat(p.get("name").asText()).startsWith("ethereumjs-devp2p");
      assertThat(p.get("protocols").get("eth").get("version").asInt()).isEqualTo(68);
    }
    assertThat(peers).extracting(p -> p.get("network").get("inbound").asBoolean()).containsExactlyInAnyOrder(true,
        false);
    assertThat(lines).noneMatch(l -> l.contains("\"event\":\"peer:removed\"") || l.contains("\"event\":\"error\"")
        || l.contains("\"event\":\"peer:error\""));
  }

  private static JsonNode block(RpcClient rpc, long number) throws Exception {
    return rpc.result("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
  }

  private void startEthereumJs(String lindenId, String lindenTcp) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("node", "p2p/ethjs-eth.mjs").directory(E2E.toFile()).redirectErrorStream(true);
    pb.environment().put("LINDEN_ID", lindenId);
    pb.environment().put("LINDEN_TCP", lindenTcp);
    pb.environment().put("GENESIS", GethTestChain.genesis().toString());
    pb.environment().put("CHAIN_RLP", GethTestChain.chainRlp().toString());
    ethjs = pb.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(ethjs.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("reader failed: " + e);
      }
    }, "ethjs-output");
    reader.setDaemon(true);
    reader.start();
  }

  private static boolean event(JsonNode line, String name) {
    return line.path("event").asText().equals(name);
  }

  private static boolean node(JsonNode line, String name) {
    return line.path("node").asText().equals(name);
  }

  private Optional<JsonNode> find(Predicate<JsonNode> wanted) {
    for (String l : lines) {
      if (!l.startsWith("{")) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(l);
        if (wanted.test(n)) {
          return Optional.of(n);
        }
      } catch (IOException e) {
        // a line that is not JSON (a stack trace, say) is only reported
      }
    }
    return Optional.empty();
  }

  /** Polls ethereumjs' output for a line, for at most a minute. */
  private JsonNode await(String what, Predicate<JsonNode> wanted) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Optional<JsonNode> found = find(wanted);
      if (found.isPresent()) {
        return found.get();
      }
      if (!ethjs.isAlive() && find(wanted).isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited in vain: " + what + "\nethereumjs printed:\n" + String.join("\n", lines));
  }
}
