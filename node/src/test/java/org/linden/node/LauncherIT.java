package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real {@code ./linden} launcher and its JDK finder as a user would. */
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("linden.root", "..")).toAbsolutePath().normalize();

  record Result(int exit, String out, String err) {}

  private static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("linden-out", ".txt");
    Path err = Files.createTempFile("linden-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    int exit = pb.start().waitFor();
    Result r = new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @Test
  void versionAndHelpRunThroughTheLauncher() throws Exception {
    Result version = run(Map.of(), "./linden", "version");
    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("Linden/v");
    Result help = run(Map.of(), "./linden", "--help");
    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out()).contains("Usage: linden").contains("conformance");
  }

  @Test
  void theLauncherRefusesToRunWithoutAJdk21(@TempDir Path emptyJvmDir) throws Exception {
    // Only an old JDK in JAVA_HOME, nothing under the JVM directory, no javac on the PATH.
    List<String> oldJdks = new ArrayList<>();
    for (String candidate : List.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/java-11-openjdk-amd64")) {
      if (Files.isDirectory(Path.of(candidate))) {
        oldJdks.add(candidate);
      }
    }
    Map<String, String> env = Map.of(
        "JAVA_HOME", oldJdks.isEmpty() ? emptyJvmDir.toString() : oldJdks.get(0),
        "LINDEN_JVM_DIR", emptyJvmDir.toString(),
        "PATH", "/bin:/usr/local/nonexistent");
    Result r = run(env, "/bin/bash", "./linden", "version");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("no JDK 21 or newer found");
  }

  @Test
  void theTestCommandFindsTheSameJdk() throws Exception {
    Result r = run(Map.of(), "/bin/bash", "-c", "source scripts/jdk.sh && linden_find_jdk");
    assertThat(r.exit()).as(r.err()).isZero();
    Path jdk = Path.of(r.out().strip());
    assertThat(jdk.resolve("bin/javac")).isExecutable();
    Result v = run(Map.of(), "/bin/bash", "-c", "source scripts/jdk.sh && linden_java_major " + jdk);
    assertThat(Integer.parseInt(v.out().strip())).isGreaterThanOrEqualTo(21);
  }
}
