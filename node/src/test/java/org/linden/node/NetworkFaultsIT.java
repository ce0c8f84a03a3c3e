package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync across a bad link. The test makes two network namespaces of its own joined by a veth
 * pair (addresses from 10.213.0.0/16, which exist only inside them), makes the link lose and
 * delay packets in both directions, and runs {@code ./linden node} in each with
 * {@code ip netns exec}: one serves go-ethereum's protocol-test chain, the other starts empty
 * with it as bootnode and must end on the same head. The namespaces are removed afterwards,
 * also when the test fails.
 *
 * <p>The faults are {@code tc netem} loss and delay. A kernel built without netem (it answers
 * "Specified qdisc kind is unknown") gets the same random loss from a classic-BPF classifier
 * that sends one packet in ten to a class that drops everything, under an HTB rate cap whose
 * queue delays the rest. Needs root and iproute2; without network namespaces the test fails
 * and says so.
 */
class NetworkFaultsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENODE = Pattern.compile("peers at (enode://\\S+)");
  private static final Pattern DROPPED = Pattern.compile("dropped (\\d+)");
  private static final int P2P_PORT = 30303;
  /** Loss and delay on each end of the link. */
  private static final String NETEM = "delay 50ms loss 10%";
  /**
   * Classic BPF: load a random word (ancillary load at SKF_AD_OFF + SKF_AD_RANDOM); from 2^32 / 10
   * up return 0 (no match: the default class 1:1), below it return class 1:2, which drops.
   */
  private static final String ONE_IN_TEN = "4,32 0 0 4294963256,53 0 1 429496729,6 0 0 0,6 0 0 65538";

  private final String tag = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  private final String subnet = "10.213." + ThreadLocalRandom.current().nextInt(256) + ".";
  private final List<String> namespaces = new ArrayList<>();
  private final List<DevNodeProcess> nodes = new ArrayList<>();
  private final Thread cleanupOnExit = new Thread(this::deleteNamespaces, "netns-cleanup");
  private String faults;

  @AfterEach
  void cleanUp() throws Exception {
    try {
      for (DevNodeProcess n : nodes) {
        n.close();
      }
    } finally {
      deleteNamespaces();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // exiting already, or never registered
      }
    }
  }

  @Test
  void aNodeSyncsTheChainAcrossALossyDelayedLink(@TempDir Path tmp) throws Exception {
    String seedNs = "lnd-" + tag + "-seed";
    String joinerNs = "lnd-" + tag + "-join";
    String seedDev = "lv" + tag + "s";
    String joinerDev = "lv" + tag + "j";
    String seedIp = subnet + "1";
    String joinerIp = subnet + "2";

    requireIproute2();
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    addNamespace(seedNs);
    addNamespace(joinerNs);
    // The pair is created inside the seed's namespace with its peer end in the joiner's: neither
    // end ever exists in the namespace the test runs in.
    ip("-n", seedNs, "link", "add", seedDev, "type", "veth", "peer", "name", joinerDev, "netns", joinerNs);
    ip("-n", seedNs, "addr", "add", seedIp + "/24", "dev", seedDev);
    ip("-n", joinerNs, "addr", "add", joinerIp + "/24", "dev", joinerDev);
    // No segmentation offload: TCP sends packets of one MTU each, so the loss hits single packets
    // rather than 64 KiB bursts.
    ip("-n", seedNs, "link", "set", seedDev, "gso_max_size", "1500", "gso_max_segs", "1", "up");
    ip("-n", joinerNs, "link", "set", joinerDev, "gso_max_size", "1500", "gso_max_segs", "1", "up");
    addFaults(seedNs, seedDev);
    addFaults(joinerNs, joinerDev);
    System.out.println("NetworkFaultsIT: " + seedNs + " " + seedIp + " <-> " + joinerNs + " " + joinerIp + ", " + faults);

    Path seedDir = tmp.resolve("seed");
    GethTestChain.importInto(seedDir); // also builds the jar, before any node starts in a namespace
    DevNodeProcess seed = node(seedNs, seedIp, seedDir);
    String enode = seed.find(ENODE).orElseThrow(() -> new AssertionError("no enode in " + seed.output()));
    assertThat(enode).endsWith("@" + seedIp + ":" + P2P_PORT);
    JsonNode target = rpc(seedNs, seed.port(), "eth_getBlockByNumber", "\"latest\"", "false");
    assertThat(Long.decode(target.get("number").asText())).isEqualTo(600);
    String hash = target.get("hash").asText();

    DevNodeProcess joiner = node(joinerNs, joinerIp, tmp.resolve("joiner"), "--bootnodes", enode);
    String reached = "";
    for (int i = 0; i < 600 && !reached.equals(hash); i++) {
      reached = rpc(joinerNs, joiner.port(), "eth_getBlockByNumber", "\"latest\"", "false").get("hash").asText();
      if (!reached.equals(hash)) {
        Thread.sleep(500);
      }
    }
    assertThat(reached).as("the joiner's head across %s; its output:\n%s", faults, String.join("\n", joiner.output()))
        .isEqualTo(hash);
    assertThat(rpc(joinerNs, joiner.port(), "eth_getBlockByNumber", "\"0x258\"", "false").get("hash").asText())
        .isEqualTo(hash);
    // The link really lost packets on the way.
    long seedDropped = dropped(seedNs, seedDev);
    long joinerDropped = dropped(joinerNs, joinerDev);
    System.out.println("NetworkFaultsIT: synced to " + hash + "; packets dropped: " + seedDropped + " leaving the seed, "
        + joinerDropped + " leaving the joiner");
    assertThat(seedDropped + joinerDropped).as("packets dropped on the link").isPositive();
  }

  private DevNodeProcess node(String ns, String ip, Path datadir, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("node", "--datadir", datadir.toString(), "--genesis",
        GethTestChain.genesis().toString(), "--http.addr", "127.0.0.1", "--http.port", "0", "--p2p.addr", ip,
        "--p2p.port", Integer.toString(P2P_PORT)));
    args.addAll(List.of(extra));
    DevNodeProcess n = DevNodeProcess.launch(List.of("ip", "netns", "exec", ns), args);
    nodes.add(n);
    return n;
  }

  // ---------------------------------------------------------------- namespaces and links

  private static void requireIproute2() {
    try {
      Process p = new ProcessBuilder("ip", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new AssertionError("`ip -V` failed: this test needs iproute2 (apt-get install iproute2)");
      }
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("iproute2's `ip` cannot be run (" + e.getMessage() + "): this test needs iproute2, "
          + "which ./run-tests installs on Debian when it is missing", e);
    }
  }

  private void addNamespace(String name) throws Exception {
    Result r = run("ip", "netns", "add", name);
    if (r.exit != 0) {
      throw new AssertionError("the kernel refused to create network namespace " + name + ": " + r.output.strip()
          + "\nThis test needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN) on a kernel with network namespaces, "
          + "veth and traffic control.");
    }
    namespaces.add(name);
    ip("-n", name, "link", "set", "lo", "up");
  }

  /** Loss and delay on everything {@code dev} sends: netem, or where the kernel has none, BPF loss under a rate cap. */
  private void addFaults(String ns, String dev) throws Exception {
    List<String> add = new ArrayList<>(List.of("qdisc", "add", "dev", dev, "root", "netem"));
    add.addAll(List.of(NETEM.split(" ")));
    Result netem = run(cmd(ns, "tc", add.toArray(String[]::new)));
    if (netem.exit == 0) {
      faults = "tc netem " + NETEM + " on each end";
      return;
    }
    if (!netem.output.contains("Specified qdisc kind is unknown")) {
      throw new AssertionError("tc netem failed on " + dev + " in " + ns + ": " + netem.output);
    }
    tc(ns, "qdisc", "add", "dev", dev, "root", "handle", "1:", "htb", "default", "1", "r2q", "1");
    tc(ns, "class", "add", "dev", dev, "parent", "1:", "classid", "1:1", "htb", "rate", "2mbit");
    tc(ns, "class", "add", "dev", dev, "parent", "1:", "classid", "1:2", "htb", "rate", "8kbit");
    tc(ns, "qdisc", "add", "dev", dev, "parent", "1:2", "handle", "2:", "pfifo", "limit", "0");
    tc(ns, "filter", "add", "dev", dev, "parent", "1:", "protocol", "ip", "prio", "1", "bpf", "bytecode", ONE_IN_TEN);
    faults = "10% random loss (BPF classifier, this kernel has no netem) under a 2 Mbit/s HTB cap on each end";
  }

  private long dropped(String ns, String dev) throws Exception {
    Result r = run(cmd(ns, "tc", "-s", "qdisc", "show", "dev", dev));
    Matcher m = DROPPED.matcher(r.output);
    return m.find() ? Long.parseLong(m.group(1)) : 0; // the first qdisc listed is the root
  }

  private void deleteNamespaces() {
    List<String> failures = new ArrayList<>();
    for (String ns : List.copyOf(namespaces)) {
      try {
        Result r = run("ip", "netns", "del", ns);
        if (r.exit == 0) {
          namespaces.remove(ns);
        } else {
          failures.add(ns + ": " + r.output.strip());
        }
      } catch (Exception e) {
        failures.add(ns + ": " + e);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("could not delete network namespaces " + failures);
    }
  }

  private static String[] cmd(String ns, String tool, String... args) {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns, tool));
    c.addAll(List.of(args));
    return c.toArray(String[]::new);
  }

  private static void ip(String... args) throws Exception {
    List<String> c = new ArrayList<>(List.of("ip"));
    c.addAll(List.of(args));
    check(run(c.toArray(String[]::new)), c);
  }

  private static void tc(String ns, String... args) throws Exception {
    String[] c = cmd(ns, "tc", args);
    check(run(c), List.of(c));
  }

  private static void check(Result r, List<String> command) {
    if (r.exit != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + r.exit + "): " + r.output);
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Result(p.exitValue(), out);
  }

  // ---------------------------------------------------------------- JSON-RPC inside a namespace

  /**
   * A JSON-RPC call to a node listening on 127.0.0.1 inside {@code ns}, which the test's own
   * namespace cannot reach: bash in the namespace carries one HTTP/1.0 exchange.
   */
  private static JsonNode rpc(String ns, int port, String method, String... jsonParams) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":["
        + String.join(",", jsonParams) + "]}";
    String request = "POST / HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    Process p = new ProcessBuilder(cmd(ns, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port + " && cat >&3 && cat <&3"))
        .redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(request.getBytes(StandardCharsets.UTF_8));
    }
    String response = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(method + " in " + ns + " did not finish");
    }
    int split = response.indexOf("\r\n\r\n");
    if (p.exitValue() != 0 || split < 0) {
      throw new AssertionError(method + " in " + ns + " failed: " + response);
    }
    JsonNode json = JSON.readTree(response.substring(split + 4));
    if (json.has("error")) {
      throw new AssertionError(method + " failed: " + json.get("error"));
    }
    return json.get("result");
  }
}
