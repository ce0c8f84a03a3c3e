package org.linden.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.trie.TrieTestData.ascii;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class IterationTest {
  @Test
  void emptyTrie() {
    MerkleTrie trie = new MerkleTrie();
    assertThat(trie.iterator().hasNext()).isFalse();
    assertThat(trie.nextEntry(Bytes.EMPTY)).isEmpty();
    assertThat(trie.previousEntry(ascii("z"))).isEmpty();
  }

  @Test
  void keysComeOutInByteOrderWithPrefixesFirst() {
    MerkleTrie trie = new MerkleTrie();
    for (String k : List.of("horse", "doge", "do", "dog", "")) {
      trie.put(ascii(k), ascii("v" + k));
    }
    trie.put(Bytes.of((byte) 0xff), ascii("high"));
    List<Bytes> keys = new ArrayList<>();
    trie.forEach(e -> keys.add(e.key()));
    assertThat(keys).containsExactly(ascii(""), ascii("do"), ascii("dog"), ascii("doge"), ascii("horse"),
        Bytes.of((byte) 0xff));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {71, 72, 73})
  void iterationAndNeighboursMatchASortedMap(long seed) {
    Random random = new Random(seed);
    TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, 50);
    entries.putAll(TrieTestData.hashedKeys(random, 50));
    MerkleTrie trie = TrieTestData.trieOf(entries);

    List<TrieEntry> iterated = new ArrayList<>();
    trie.forEach(iterated::add);
    List<TrieEntry> expected = new ArrayList<>();
    entries.forEach((k, v) -> expected.add(new TrieEntry(k, v)));
    assertThat(iterated).containsExactlyElementsOf(expected);

    List<Bytes> probes = new ArrayList<>(entries.keySet());
    probes.addAll(TrieTestData.shortKeys(random, 40).keySet());
    probes.addAll(TrieTestData.hashedKeys(random, 20).keySet());
    probes.add(Bytes.EMPTY);
    for (Bytes probe : probes) {
      assertThat(trie.nextEntry(probe).map(TrieEntry::key))
          .as("next of %s", probe).isEqualTo(Optional.ofNullable(entries.higherKey(probe)));
      assertThat(trie.previousEntry(probe).map(TrieEntry::key))
          .as("previous of %s", probe).isEqualTo(Optional.ofNullable(entries.lowerKey(probe)));
    }
  }

  @Test
  void neighboursCarryTheirValues() {
    MerkleTrie trie = TrieTestData.trieOf(Map.of(ascii("cat"), ascii("meow"), ascii("doge"), ascii("wow")));
    assertThat(trie.nextEntry(ascii("d"))).contains(new TrieEntry(ascii("doge"), ascii("wow")));
    assertThat(trie.previousEntry(ascii("d"))).contains(new TrieEntry(ascii("cat"), ascii("meow")));
  }

  @Test
  void iteratesAndNavigatesAStoredTrie() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTrie trie = new MerkleTrie(store);
    TreeMap<Bytes, Bytes> entries = TrieTestData.hashedKeys(new Random(74), 300);
    entries.forEach(trie::put);
    Hash root = trie.commit();
    MerkleTrie reloaded = MerkleTrie.load(store, root);
    List<Bytes> keys = new ArrayList<>();
    reloaded.forEach(e -> keys.add(e.key()));
    assertThat(keys).containsExactlyElementsOf(entries.keySet());
    Bytes middle = keys.get(150);
    assertThat(reloaded.nextEntry(middle).map(TrieEntry::key)).contains(keys.get(151));
    assertThat(reloaded.previousEntry(middle).map(TrieEntry::key)).contains(keys.get(149));
  }
}
