package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.linden.trie.MerkleTrie;
import org.linden.trie.SecureTrie;
import org.linden.trie.TrieEntry;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * ethereum/tests TrieTests. Two shapes:
 *
 * <ul>
 *   <li>{@code {name: {in, root}}}: {@code in} is a list of {@code [key, value]} pairs
 *       applied in order ({@code null} deletes) or an object (order irrelevant); the
 *       resulting root must be {@code root}.
 *   <li>{@code {name: {in: [keys], tests: [[key, prev, next]...]}}}: after inserting the
 *       keys, the neighbours of each probe key must be {@code prev} and {@code next}
 *       ({@code ""} meaning none).
 * </ul>
 *
 * Strings with {@code 0x} are hex, others ASCII; with {@code hexEncoded: true} all are hex.
 * Whether keys are hashed first (a secure trie) is not in the format: the fixtures say it
 * only through the file name ({@code *secureTrie*}), so that is where the runner reads it.
 */
public final class TrieTestRunner implements FixtureRunner {
  @Override
  public String suite() {
    return "TrieTests";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return isRootFormat(root) || isNextPrevFormat(root);
  }

  private static boolean isRootFormat(JsonNode root) {
    if (!FixtureShape.everyCaseHas(root, "in", "root")) {
      return false;
    }
    for (JsonNode c : root) {
      if (!(c.get("in").isArray() || c.get("in").isObject()) || !c.get("root").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNextPrevFormat(JsonNode root) {
    if (!FixtureShape.everyCaseHas(root, "in", "tests")) {
      return false;
    }
    for (JsonNode c : root) {
      if (!c.get("in").isArray() || !c.get("tests").isArray()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<CaseResult> run(Path file, JsonNode root, ForkFilter forks) {
    boolean secure = file.getFileName().toString().toLowerCase(Locale.ROOT).contains("securetrie");
    boolean nextPrev = isNextPrevFormat(root);
    List<CaseResult> results = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode c = e.getValue();
      results.add(CaseResult.of(e.getKey(), suite(), null,
          () -> nextPrev ? checkNextPrev(c) : checkRoot(c, secure)));
    }
    return results;
  }

  private static String checkRoot(JsonNode c, boolean secure) {
    boolean hex = c.path("hexEncoded").asBoolean(false);
    BiConsumer<Bytes, Bytes> put;
    Supplier<Hash> rootHash;
    if (secure) {
      SecureTrie trie = new SecureTrie();
      put = trie::put;
      rootHash = trie::rootHash;
    } else {
      MerkleTrie trie = new MerkleTrie();
      put = trie::put;
      rootHash = trie::rootHash;
    }
    JsonNode in = c.get("in");
    if (in.isArray()) {
      for (JsonNode pair : in) {
        if (!pair.isArray() || pair.size() != 2) {
          return "an 'in' entry is not a [key, value] pair: " + pair;
        }
        put.accept(bytes(pair.get(0), hex), pair.get(1).isNull() ? Bytes.EMPTY : bytes(pair.get(1), hex));
      }
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> kv = it.next();
        Bytes value = kv.getValue().isNull() ? Bytes.EMPTY : bytes(kv.getValue(), hex);
        put.accept(bytes(kv.getKey(), hex), value);
      }
    }
    Hash expected = Hash.fromHex(c.get("root").asText());
    Hash actual = rootHash.get();
    return actual.equals(expected) ? null : "root " + actual + ", expected " + expected;
  }

  private static String checkNextPrev(JsonNode c) {
    MerkleTrie trie = new MerkleTrie();
    for (JsonNode k : c.get("in")) {
      Bytes key = bytes(k, false);
      // The format lists keys only; any non-empty value will do.
      trie.put(key, key.isEmpty() ? Bytes.of((byte) 1) : key);
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode t : c.get("tests")) {
      if (!t.isArray() || t.size() != 3) {
        return "a test is not a [key, prev, next] triple: " + t;
      }
      Bytes key = bytes(t.get(0), false);
      String prev = neighbour(trie.previousEntry(key));
      String next = neighbour(trie.nextEntry(key));
      if (!prev.equals(t.get(1).asText()) || !next.equals(t.get(2).asText())) {
        problems.add("'" + t.get(0).asText() + "': prev '" + prev + "' next '" + next
            + "', expected '" + t.get(1).asText() + "' and '" + t.get(2).asText() + "'");
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static String neighbour(Optional<TrieEntry> entry) {
    return entry.map(e -> new String(e.key().unsafeArray(), StandardCharsets.UTF_8)).orElse("");
  }

  private static Bytes bytes(JsonNode node, boolean hex) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("expected a string, found " + node);
    }
    return bytes(node.asText(), hex);
  }

  private static Bytes bytes(String s, boolean hex) {
    if (hex || s.startsWith("0x")) {
      return Bytes.fromHex(s);
    }
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
