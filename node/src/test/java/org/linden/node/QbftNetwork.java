package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;

/**
 * The processes of a QBFT network written by {@code linden network init}: each node runs
 * the command line from its {@code args} file (JSON-RPC moved to a free port, debug methods
 * added), started and stopped one by one.
 */
final class QbftNetwork implements AutoCloseable {
  private final Path dir;
  private final Map<String, List<String>> args = new TreeMap<>();
  private final Map<String, DevNodeProcess> running = new TreeMap<>();

  private QbftNetwork(Path dir, int validators) throws IOException {
    this.dir = dir;
    for (int i = 0; i < validators; i++) {
      Path file = dir.resolve("node" + i).resolve("args");
      assertThat(file).as("network init wrote no %s", file).exists();
      List<String> a = new ArrayList<>(Arrays.asList(Files.readString(file).trim().split(" ")));
      set(a, "--http.port", "0");
      set(a, "--rpc.apis", get(a, "--rpc.apis") + ",debug");
      args.put("node" + i, a);
    }
  }

  /** Runs {@code network init} into {@code dir} with p2p ports free on 127.0.0.1. */
  static QbftNetwork init(Path dir, int validators, String... options) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(DevNodeProcess.ROOT.resolve("linden").toString(), "network", "init",
        "--validators", String.valueOf(validators), "--out", dir.toString(), "--base-p2p-port",
        String.valueOf(freePortRange(validators))));
    cmd.addAll(List.of(options));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("network init finished").isTrue();
    assertThat(p.exitValue()).as("network init failed: %s", out).isZero();
    return new QbftNetwork(dir, validators);
  }

  /**
   * Adds a node of this network's genesis with a fresh key in {@code name}/key, dialling
   * every node from {@code network init}: a validator-to-be (the key also given as
   * {@code --validator-key}, so it seals once voted in) or, without, a follower.
   */
  void addNode(String name, boolean validator) throws IOException {
    Path node = dir.resolve(name);
    Files.createDirectories(node);
    Files.writeString(node.resolve("key"), PrivateKey.random().bytes().toUnprefixedHex() + "\n");
    Set<String> bootnodes = new LinkedHashSet<>();
    for (List<String> a : args.values()) {
      bootnodes.addAll(Arrays.asList(get(a, "--bootnodes").split(",")));
    }
    List<String> a = new ArrayList<>(List.of("node", "--genesis", "genesis.json", "--datadir", name + "/data"));
    if (validator) {
      a.addAll(List.of("--validator-key", name + "/key"));
    }
    a.addAll(List.of("--nodekey", name + "/key", "--http.port", "0", "--p2p.port", String.valueOf(freePortRange(1)),
        "--nodiscover", "--rpc.apis", get(args.get("node0"), "--rpc.apis"), "--bootnodes", String.join(",", bootnodes)));
    args.put(name, a);
  }

  /** The address of the key in {@code name}/key (a validator's signing address). */
  Address address(String name) throws IOException {
    return PrivateKey.fromHex(Files.readString(dir.resolve(name).resolve("key")).trim()).address();
  }

  void start(String name) throws Exception {
    List<String> a = new ArrayList<>(args.get(name));
    // Relative paths in the args are relative to the network directory; the launcher runs in the checkout.
    for (int i = 0; i < a.size(); i++) {
      if (i > 0 && List.of("--genesis", "--datadir", "--validator-key", "--nodekey").contains(a.get(i - 1))) {
        a.set(i, dir.resolve(a.get(i)).toString());
      }
    }
    running.put(name, DevNodeProcess.launch(a));
  }

  void stop(String name) throws InterruptedException {
    running.remove(name).close();
  }

  RpcClient rpc(String name) {
    return new RpcClient(running.get(name).port());
  }

  List<String> running() {
    return List.copyOf(running.keySet());
  }

  String output(String name) {
    return String.join("\n", running.get(name).output());
  }

  long head(String name) throws Exception {
    return Long.decode(rpc(name).result("eth_blockNumber").asText());
  }

  JsonNode block(String name, long number) throws Exception {
    return rpc(name).result("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
  }

  @Override
  public void close() throws InterruptedException {
    for (String name : running()) {
      stop(name);
    }
  }

  private static String get(List<String> a, String flag) {
    int i = a.indexOf(flag);
    assertThat(i).as("%s in %s", flag, a).isNotNegative();
    return a.get(i + 1);
  }

  private static void set(List<String> a, String flag, String value) {
    int i = a.indexOf(flag);
    assertThat(i).as("%s in %s", flag, a).isNotNegative();
    a.set(i + 1, value);
  }

  /** A base port such that base..base+n-1 are free now on 127.0.0.1. */
  private static int freePortRange(int n) throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      if (allFree(base, n)) {
        return base;
      }
    }
    throw new IOException("no " + n + " consecutive free ports on 127.0.0.1");
  }

  private static boolean allFree(int base, int n) {
    for (int port = base; port < base + n; port++) {
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
