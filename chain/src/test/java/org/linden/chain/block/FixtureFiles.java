package org.linden.chain.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.linden.types.Bytes;

/**
 * Finds the shared fixtures (system property {@code linden.fixtures}). A missing fixture
 * fails the test with the path it looked for; it is never skipped.
 */
public final class FixtureFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FixtureFiles() {}

  public static Path require(String relative) {
    String root = System.getProperty("linden.fixtures");
    if (root == null || root.isBlank()) {
      throw new IllegalStateException("system property linden.fixtures is not set; it must point at the shared"
          + " fixtures directory");
    }
    Path p = Path.of(root).resolve(relative).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException("fixture not found: " + p);
    }
    return p;
  }

  public static Bytes bytes(String relative) {
    try {
      return Bytes.wrap(Files.readAllBytes(require(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String relative) {
    try {
      return Files.readString(require(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code .json} file under the given fixture directories, sorted; fails if none. */
  public static List<Path> jsonFilesUnder(String... relativeDirs) {
    List<Path> out = Stream.of(relativeDirs).map(FixtureFiles::require).flatMap(dir -> {
      try (Stream<Path> s = Files.walk(dir)) {
        return s.filter(p -> p.toString().endsWith(".json")).toList().stream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).sorted().toList();
    if (out.isEmpty()) {
      throw new IllegalStateException("no JSON fixtures under " + List.of(relativeDirs));
    }
    return out;
  }

  /** The fixture path relative to the fixtures root, for test names. */
  public static String name(Path p) {
    Path root = Path.of(System.getProperty("linden.fixtures")).toAbsolutePath().normalize();
    return root.relativize(p).toString();
  }
}
