package org.linden.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code ./linden dev} process on a free port, for end-to-end tests: started with
 * the launcher, read until it says where it listens, stopped with SIGTERM.
 */
final class DevNodeProcess implements AutoCloseable {
  static final Path ROOT = Path.of(System.getProperty("linden.root", "..")).toAbsolutePath().normalize();
  private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final int port;
  /** Every line printed so far, still growing while the process runs; guarded by itself. */
  private final List<String> output;

  private DevNodeProcess(Process process, int port, List<String> output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  static DevNodeProcess start(String... extraArgs) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("dev", "--http.port", "0"));
    args.addAll(List.of(extraArgs));
    return launch(args);
  }

  /** Any {@code ./linden} command that serves JSON-RPC (e.g. {@code node ...}), read until it says where. */
  static DevNodeProcess launch(List<String> args) throws IOException, InterruptedException {
    return launch(List.of(), args);
  }

  /**
   * The same behind a command prefix that runs {@code ./linden} for it, such as
   * {@code ip netns exec NS} (it must exec the command, so that stopping the process stops the node).
   */
  static DevNodeProcess launch(List<String> prefix, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(ROOT.resolve("linden").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    List<String> lines = new ArrayList<>();
    Thread pump = new Thread(() -> {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
          }
          Matcher m = LISTENING.matcher(line);
          if (!port.isDone() && m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the dev node exited before listening: " + lines));
    }, "dev-node-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new DevNodeProcess(p, port.get(120, TimeUnit.SECONDS), lines);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("the dev node did not start: " + e.getMessage() + " " + lines, e);
    }
  }

  int port() {
    return port;
  }

  String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  String wsUrl() {
    return "ws://127.0.0.1:" + port;
  }

  /** A copy of the lines the node printed so far (stdout and stderr). */
  List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** The first {@code group(1)} of {@code pattern} in the output so far, if any line matches. */
  java.util.Optional<String> find(Pattern pattern) {
    for (String line : output()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return java.util.Optional.of(m.group(1));
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
