package org.linden.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linden.crypto.PublicKey;
import org.linden.p2p.discovery.DiscoveryConfig;
import org.linden.p2p.discovery.DiscoveryService;
import org.linden.p2p.discovery.Endpoint;
import org.linden.p2p.discovery.Node;
import org.linden.p2p.identity.Enode;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.testing.Await;
import org.linden.p2p.transport.Direction;
import org.linden.p2p.transport.P2pConfig;
import org.linden.p2p.transport.P2pServer;
import org.linden.p2p.transport.Peer;
import org.linden.p2p.transport.PeerListener;
import org.linden.p2p.transport.Protocol;
import org.linden.types.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Linden against another implementation, @ethereumjs/devp2p (pinned in e2e/package.json),
 * run by e2e/p2p/ethjs-peer.mjs: RLPx handshake and Hello with Linden dialling and being
 * dialled, Ping/Pong and Disconnect over the session, and discovery v4 both ways. The
 * pinned npm packages are installed first if they are missing.
 */
class EthereumJsInteropIT {
  private static final Path ROOT = root();
  private static final Path E2E = ROOT.resolve("e2e");
  private static final Pattern FIELD = Pattern.compile("\"([a-zA-Z]+)\":(\"[^\"]*\"|-?\\d+|true|false)");

  private final NodeKey lindenKey = NodeKey.random();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<String> disconnects = new CopyOnWriteArrayList<>();
  private P2pServer server;
  private DiscoveryService discovery;
  private DiscoveryService neighbour;
  private Process ethjs;

  private static Path root() {
    String configured = System.getProperty("linden.root");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("e2e")) && Files.exists(p.resolve("mvnw"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout root with e2e/ above " + start);
  }

  @BeforeAll
  static void installPackages() throws Exception {
    if (Files.isDirectory(E2E.resolve("node_modules/@ethereumjs/devp2p"))) {
      return;
    }
    File log = File.createTempFile("npm-ci", ".log");
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(E2E.toFile())
        .redirectErrorStream(true).redirectOutput(log).start();
    if (!npm.waitFor(10, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      throw new AssertionError("npm ci did not finish in 10 minutes:\n" + Files.readString(log.toPath()));
    }
    assertThat(npm.exitValue()).as("npm ci failed:\n" + Files.readString(log.toPath())).isZero();
  }

  @AfterEach
  void stop() throws Exception {
    if (ethjs != null) {
      ethjs.getOutputStream().close(); // the script stops when its stdin closes
      if (!ethjs.waitFor(10, TimeUnit.SECONDS)) {
        ethjs.destroyForcibly();
      }
    }
    if (server != null) {
      server.close();
    }
    if (discovery != null) {
      discovery.close();
    }
    if (neighbour != null) {
      neighbour.close();
    }
  }

  private void startLinden() {
    Protocol eth = Protocol.of("eth", 68, 17, (peer, code, payload) -> {});
    server = new P2pServer(lindenKey, P2pConfig.defaults().withListen("127.0.0.1", 0).withClientId("Linden/test"),
        List.of(eth));
    server.peers().addListener(new PeerListener() {
      @Override
      public void onDisconnected(Peer peer, DisconnectReason reason, boolean byRemote) {
        disconnects.add(peer.nodeId() + " " + reason + " " + byRemote);
      }
    });
    int tcp = server.start();
    discovery = new DiscoveryService(lindenKey, DiscoveryConfig.defaults().withListen("127.0.0.1", 0, tcp));
    discovery.start();
    // A second Linden node in the table gives FindNode something to report.
    neighbour = new DiscoveryService(NodeKey.random(), DiscoveryConfig.defaults().withListen("127.0.0.1", 0, 1)
        .withBootnodes(List.of(discovery.self().toEnode())));
    neighbour.start();
    Await.until("the neighbour bonds with Linden",
        () -> discovery.nodes().stream().anyMatch(n -> n.id().equals(neighbour.self().id())));
  }

  private void startEthereumJs() throws IOException {
    ProcessBuilder pb = new ProcessBuilder("node", "p2p/ethjs-peer.mjs").directory(E2E.toFile()).redirectErrorStream(true);
    pb.environment().put("LINDEN_ID", lindenKey.publicKey().bytes().toUnprefixedHex());
    pb.environment().put("LINDEN_TCP", Integer.toString(server.port()));
    pb.environment().put("LINDEN_UDP", Integer.toString(discovery.self().endpoint().udpPort()));
    ethjs = pb.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(ethjs.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("{\"event\":\"reader-error\"}");
      }
    }, "ethjs-output");
    reader.setDaemon(true);
    reader.start();
  }

  private Optional<String> line(String event, String... mustContain) {
    return lines.stream()
        .filter(l -> l.contains("\"event\":\"" + event + "\""))
        .filter(l -> List.of(mustContain).stream().allMatch(l::contains))
        .findFirst();
  }

  private String awaitLine(String event, String... mustContain) {
    Await.until("ethereumjs prints " + event + " " + List.of(mustContain), () -> line(event, mustContain).isPresent(),
        this::report);
    return line(event, mustContain).orElseThrow();
  }

  private String report() {
    return "Linden saw disconnects: " + disconnects + "\nethereumjs printed:\n" + String.join("\n", lines);
  }

  private static String field(String json, String name) {
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        String v = m.group(2);
        return v.startsWith("\"") ? v.substring(1, v.length() - 1) : v;
      }
    }
    throw new AssertionError("no field " + name + " in " + json);
  }

  @Test
  void rlpxAndDiscoveryInteroperateWithEthereumJs() throws Exception {
    startLinden();
    startEthereumJs();
    String ready = awaitLine("ready");
    // {"event":"ready","a":{"id":..,"tcp":..,"udp":..},"b":{"id":..}}
    String aPart = ready.substring(ready.indexOf("\"a\":"), ready.indexOf("\"b\":"));
    String bPart = ready.substring(ready.indexOf("\"b\":"));
    PublicKey aKey = new PublicKey(Bytes.fromHex(field(aPart, "id")));
    PublicKey bKey = new PublicKey(Bytes.fromHex(field(bPart, "id")));
    int aTcp = Integer.parseInt(field(aPart, "tcp"));
    int aUdp = Integer.parseInt(field(aPart, "udp"));
    String lindenHex = lindenKey.publicKey().bytes().toUnprefixedHex();

    // ethereumjs "b" dials Linden.
    NodeId bId = NodeId.of(bKey);
    Await.until("Linden accepts ethereumjs b",
        () -> server.peers().peer(bId).isPresent() || disconnects.stream().anyMatch(d -> d.startsWith(bId.toString())),
        this::report);
    Peer inbound = server.peers().peer(bId).orElseThrow(() -> new AssertionError("b left at once: " + disconnects));
    assertThat(inbound.direction()).isEqualTo(Direction.INBOUND);
    assertThat(inbound.clientId()).startsWith("ethereumjs-devp2p");
    assertThat(inbound.capability("eth")).contains(new Capability("eth", 68));
    String bAdded = awaitLine("peer:added", "\"node\":\"b\"", lindenHex);
    assertThat(field(bAdded, "clientId")).isEqualTo("Linden/test");
    assertThat(bAdded).contains("eth/68");
    assertThat(field(bAdded, "protocolVersion")).isEqualTo("5");

    // Linden dials ethereumjs "a".
    Peer outbound = server.connect(new Enode(aKey, InetAddress.getByName("127.0.0.1"), aTcp, aUdp)).get(20, TimeUnit.SECONDS);
    assertThat(outbound.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(outbound.clientId()).startsWith("ethereumjs-devp2p");
    Duration rtt = outbound.ping().get(20, TimeUnit.SECONDS);
    assertThat(rtt).isGreaterThanOrEqualTo(Duration.ZERO);
    awaitLine("peer:added", "\"node\":\"a\"", lindenHex);
    outbound.disconnect(DisconnectReason.REQUESTED);
    String removed = awaitLine("peer:removed", "\"node\":\"a\"", lindenHex);
    assertThat(field(removed, "reason")).isEqualTo("0");

    // ethereumjs sends no Status for eth, so "b" gives up on Linden after 5 s with a timeout.
    Await.until("b disconnects with its status timeout", () -> disconnects.contains(bId + " PING_TIMEOUT true"),
        this::report);

    // Discovery: ethereumjs bonded with Linden from its bootstrap, and learnt the neighbour
    // from Linden's Neighbors.
    NodeId aId = NodeId.of(aKey);
    awaitLine("dpt:peer:new", lindenHex);
    awaitLine("dpt:peer:new", neighbour.self().publicKey().bytes().toUnprefixedHex());
    Await.until("Linden's table holds ethereumjs", () -> discovery.nodes().stream().anyMatch(n -> n.id().equals(aId)));

    // Linden pings ethereumjs and asks it for nodes: it knows at least Linden by now.
    Node aNode = Node.of(aKey, new Endpoint(InetAddress.getByName("127.0.0.1"), aUdp, aTcp));
    assertThat(discovery.ping(aNode).get(20, TimeUnit.SECONDS).id()).isEqualTo(aId);
    List<Node> found = discovery.findNode(aNode, NodeKey.random().publicKey()).get(20, TimeUnit.SECONDS);
    assertThat(found).extracting(Node::id).contains(lindenKey.nodeId());
  }
}
