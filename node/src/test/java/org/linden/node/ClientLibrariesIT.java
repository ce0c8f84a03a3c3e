package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript end-to-end suite (e2e/: ethers, viem, cast, a solc-compiled ERC-20)
 * against a real {@code ./linden dev} process. Installs the pinned npm packages first if
 * they are missing.
 */
class ClientLibrariesIT {
  private static final Path E2E = DevNodeProcess.ROOT.resolve("e2e");

  private static String run(List<String> command, Path dir, java.util.Map<String, String> env, long minutes)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    File out = File.createTempFile("e2e", ".log");
    pb.redirectOutput(out);
    Process p = pb.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + minutes + " minutes:\n"
          + Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }
    String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(command + " failed:\n" + text).isZero();
    return text;
  }

  @Test
  void ethersViemAndCastWorkAgainstTheDevNode() throws Exception {
    if (!Files.isDirectory(E2E.resolve("node_modules"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), E2E, java.util.Map.of(), 10);
    }
    // debug is off unless named: the suite traces a transaction, so it names it.
    try (DevNodeProcess node = DevNodeProcess.start("--rpc.apis", "eth,net,web3,txpool,evm,debug")) {
      String output = run(List.of("node", "--test", "--test-concurrency=1", "test/"), E2E,
          java.util.Map.of("LINDEN_RPC", node.rpcUrl(), "LINDEN_WS", node.wsUrl()), 10);
      assertThat(output).contains("# fail 0");
    }
  }
}
