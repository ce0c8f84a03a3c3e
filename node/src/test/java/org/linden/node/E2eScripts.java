package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the JavaScript side of the end-to-end tests in e2e/, installing its pinned npm packages first if needed. */
final class E2eScripts {
  static final Path E2E = DevNodeProcess.ROOT.resolve("e2e");

  private E2eScripts() {}

  /** Runs {@code npm ci} in e2e/ unless {@code node_modules/<module>} is already there. */
  static void install(String module) throws Exception {
    if (!Files.isDirectory(E2E.resolve("node_modules").resolve(module))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 10);
    }
  }

  /**
   * Runs {@code command} in e2e/ with {@code env} added, fails the test if it exits non-zero
   * or outlives {@code minutes}, and returns what it printed.
   */
  static String run(List<String> command, Map<String, String> env, long minutes) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true);
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
}
