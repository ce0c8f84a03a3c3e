package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.conformance.Fixtures;
import org.linden.node.dev.DevGenesis;
import org.linden.types.Address;
import org.linden.types.UInt256;

/**
 * Runs {@code ./linden dev} and {@code ./linden node} as real processes: each prints one
 * startup line with the port it bound, serves JSON-RPC, and on SIGTERM closes down, prints
 * one line and (for a dev chain without {@code --datadir}) removes its temporary directory.
 */
class DevCommandIT {
  private static final Path ROOT = Path.of(System.getProperty("linden.root", "..")).toAbsolutePath().normalize();
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern TEMPORARY = Pattern.compile("data in (\\S+) \\(temporary\\)");

  /** A started process whose standard output is read line by line as it comes. */
  private record Running(Process process, BlockingQueue<String> lines, Path stderr) {
    static Running start(Path tmp, String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of(ROOT.resolve("linden").toString()));
      command.addAll(List.of(args));
      Path err = Files.createTempFile(tmp, "stderr", ".txt");
      Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectError(err.toFile()).start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process went away
        }
      });
      reader.setDaemon(true);
      reader.start();
      return new Running(p, lines, err);
    }

    String nextLine() throws Exception {
      // The launcher may first rebuild the jar if sources changed since packaging.
      String line = lines.poll(3, TimeUnit.MINUTES);
      if (line == null) {
        throw new AssertionError("no output; stderr: " + Files.readString(stderr));
      }
      return line;
    }

    int stop() throws Exception {
      // SIGTERM through the handle: Process.destroy() would also close our end of its output.
      process.toHandle().destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
      return process.exitValue();
    }
  }

  @Test
  void devServesATransferAndStopsCleanlyOnSigterm(@TempDir Path tmp) throws Exception {
    Running dev = Running.start(tmp, "dev", "--http.port", "0");
    try {
      String startup = dev.nextLine();
      assertThat(startup).startsWith("Linden dev chain 1337, block 0, automine");
      Matcher port = LISTENING.matcher(startup);
      Matcher dir = TEMPORARY.matcher(startup);
      assertThat(port.find()).as(startup).isTrue();
      assertThat(dir.find()).as(startup).isTrue();
      Path data = Path.of(dir.group(1));
      assertThat(data.resolve("chaindata")).isDirectory();

      RpcClient rpc = new RpcClient(Integer.parseInt(port.group(1)));
      assertThat(rpc.result("eth_chainId").asText()).isEqualTo("0x539");
      var tx = DevTransfers.transfer(1337, DevGenesis.accounts().get(0), 0, Address.fromNumber(0xbeef), UInt256.ONE);
      String hash = rpc.result("eth_sendRawTransaction", tx.encoded().toHex()).asText();
      assertThat(rpc.result("eth_getTransactionReceipt", hash).get("blockNumber").asText()).isEqualTo("0x1");

      int exit = dev.stop();
      assertThat(exit).isIn(0, 143);
      assertThat(dev.nextLine()).isEqualTo("Linden dev chain stopped at block 1; temporary data directory removed");
      assertThat(data).doesNotExist();
    } finally {
      dev.process().destroyForcibly();
    }
  }

  @Test
  void aPortInUseIsOneErrorLineAndExitStatusOne(@TempDir Path tmp) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Running dev = Running.start(tmp, "dev", "--http.port", Integer.toString(taken.getLocalPort()));
      assertThat(dev.process().waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(dev.process().exitValue()).isEqualTo(1);
      List<String> errors = Files.readAllLines(dev.stderr()).stream()
          .filter(l -> !l.startsWith("linden: building")).toList();
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0)).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void nodeServesAChainFromItsDataDirectory(@TempDir Path tmp) throws Exception {
    Path genesis = Fixtures.require("chains/geth-ethtest").resolve("genesis.json");
    Path datadir = tmp.resolve("chain");
    Running node = Running.start(tmp, "node", "--genesis", genesis.toString(), "--datadir", datadir.toString(),
        "--http.port", "0", "--p2p.port", "0");
    try {
      String startup = node.nextLine();
      assertThat(startup).startsWith("Linden node chain ");
      Matcher port = LISTENING.matcher(startup);
      assertThat(port.find()).as(startup).isTrue();
      RpcClient rpc = new RpcClient(Integer.parseInt(port.group(1)));
      assertThat(rpc.result("eth_blockNumber").asText()).isEqualTo("0x0");
      assertThat(rpc.call("txpool_status").get("error").get("code").asInt()).isEqualTo(-32601);
      assertThat(node.stop()).isIn(0, 143);
      assertThat(node.nextLine()).isEqualTo("Linden node stopped at block 0");
      assertThat(datadir.resolve("genesis.json")).exists();
    } finally {
      node.process().destroyForcibly();
    }
  }
}
