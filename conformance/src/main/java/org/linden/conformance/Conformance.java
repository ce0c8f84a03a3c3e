package org.linden.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds fixture files under the given paths, recognises each file's format by content
 * and runs it with the matching {@link FixtureRunner}.
 */
public final class Conformance {
  /** Every runner; the first that recognises a file runs it. */
  public static final List<FixtureRunner> RUNNERS = List.of(
      new RlpTestRunner(),
      new KeyStoreTestRunner(),
      new KeyAddrTestRunner(),
      new TransactionTestRunner(),
      new TrieTestRunner(),
      new StateTestRunner(),
      new BlockchainTestRunner());

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private Conformance() {}

  /** Totals of a run, and the files that held nothing runnable. */
  public record Summary(int passed, int failed, int skipped, List<String> unrecognised) {
    public String line() {
      return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
  }

  /** A path that is missing or holds no recognisable fixture. */
  public static final class NoFixtureException extends RuntimeException {
    public NoFixtureException(String message) {
      super(message);
    }
  }

  /** Parses one JSON file; a parse error names the file. */
  public static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new NoFixtureException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The runner for a parsed file, if any recognises it. */
  public static Optional<FixtureRunner> runnerFor(JsonNode root) {
    return runnerFor(root, RUNNERS);
  }

  static Optional<FixtureRunner> runnerFor(JsonNode root, List<FixtureRunner> runners) {
    return runners.stream().filter(r -> r.recognizes(root)).findFirst();
  }

  /** The runners, with state tests traced (EIP-3155) to {@code tracer}. */
  public static List<FixtureRunner> tracingRunners(org.linden.evm.Eip3155Tracer tracer) {
    return RUNNERS.stream()
        .map(r -> r instanceof StateTestRunner ? (FixtureRunner) new StateTestRunner(tracer) : r)
        .toList();
  }

  /** All {@code .json} files under {@code path}, sorted, or the file itself. */
  public static List<Path> jsonFiles(Path path) {
    if (!Files.exists(path)) {
      throw new NoFixtureException(path + ": no such file or directory");
    }
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.walk(path)) {
      return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs every case of one file, or fails if the file is in no known format. */
  public static List<CaseResult> runFile(Path file, ForkFilter forks) {
    JsonNode root = readJson(file);
    FixtureRunner runner = runnerFor(root)
        .orElseThrow(() -> new NoFixtureException(file + ": not a fixture format Linden recognises"));
    return runner.run(file, root, forks);
  }

  /**
   * Runs all fixtures under {@code paths}, handing each result to {@code sink} as it
   * comes. Files in an unknown format are listed in the summary; if no file at all is
   * recognised, {@link NoFixtureException} is thrown.
   */
  public static Summary run(List<Path> paths, ForkFilter forks, Consumer<CaseResult> sink) {
    return run(paths, forks, sink, RUNNERS);
  }

  /** As {@link #run(List, ForkFilter, Consumer)}, with the given runners. */
  public static Summary run(List<Path> paths, ForkFilter forks, Consumer<CaseResult> sink,
      List<FixtureRunner> runners) {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    int recognised = 0;
    List<String> unrecognised = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : jsonFiles(path)) {
        JsonNode root;
        try {
          root = readJson(file);
        } catch (NoFixtureException e) {
          unrecognised.add(e.getMessage());
          continue;
        }
        Optional<FixtureRunner> runner = runnerFor(root, runners);
        if (runner.isEmpty()) {
          unrecognised.add(file + ": not a fixture format Linden recognises");
          continue;
        }
        recognised++;
        for (CaseResult r : runner.get().run(file, root, forks)) {
          switch (r.status()) {
            case PASS -> passed++;
            case FAIL -> failed++;
            case SKIP -> skipped++;
          }
          sink.accept(r);
        }
      }
    }
    if (recognised == 0) {
      throw new NoFixtureException(
          "no recognisable fixture in " + paths + (unrecognised.isEmpty() ? "" : ": " + unrecognised.get(0)));
    }
    return new Summary(passed, failed, skipped, List.copyOf(unrecognised));
  }

  /** One result as a JSON line: {@code {"name","suite","fork","pass","error"}} (skips add "skipped"). */
  public static String toJsonLine(CaseResult r) {
    var node = JSON.createObjectNode();
    node.put("name", r.name());
    node.put("suite", r.suite());
    if (r.fork() == null) {
      node.putNull("fork");
    } else {
      node.put("fork", r.fork());
    }
    node.put("pass", r.passed());
    if (r.status() == CaseResult.Status.SKIP) {
      node.put("skipped", true);
    }
    if (r.error() == null) {
      node.putNull("error");
    } else {
      node.put("error", r.error());
    }
    return node.toString();
  }
}
