package org.linden.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.trie.TrieTestData.ascii;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class MerkleTrieTest {
  @Test
  void emptyTrieHasTheEmptyRoot() {
    MerkleTrie trie = new MerkleTrie();
    assertThat(trie.rootHash())
        .isEqualTo(Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"));
    assertThat(trie.isEmpty()).isTrue();
    assertThat(trie.get(ascii("anything"))).isEmpty();
  }

  @Test
  void singleKey() {
    MerkleTrie trie = new MerkleTrie();
    trie.put(ascii("A"), ascii("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assertThat(trie.rootHash())
        .isEqualTo(Hash.fromHex("0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab"));
    assertThat(trie.get(ascii("A"))).contains(ascii("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assertThat(trie.get(ascii("B"))).isEmpty();
    assertThat(trie.get(Bytes.EMPTY)).isEmpty();
  }

  @Test
  void doeDogDogglesworth() {
    MerkleTrie trie = new MerkleTrie();
    trie.put(ascii("doe"), ascii("reindeer"));
    trie.put(ascii("dog"), ascii("puppy"));
    trie.put(ascii("dogglesworth"), ascii("cat"));
    assertThat(trie.rootHash())
        .isEqualTo(Hash.fromHex("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"));
    assertThat(trie.get(ascii("dog"))).contains(ascii("puppy"));
    assertThat(trie.get(ascii("do"))).isEmpty();
    assertThat(trie.get(ascii("dogg"))).isEmpty();
  }

  @Test
  void branchValuesAndShortNodes() {
    MerkleTrie trie = new MerkleTrie();
    trie.put(ascii("do"), ascii("verb"));
    trie.put(ascii("horse"), ascii("stallion"));
    trie.put(ascii("doge"), ascii("coin"));
    trie.put(ascii("dog"), ascii("puppy"));
    assertThat(trie.rootHash())
        .isEqualTo(Hash.fromHex("0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"));
    assertThat(trie.get(ascii("do"))).contains(ascii("verb"));
  }

  @Test
  void emptyValueDeletes() {
    MerkleTrie trie = new MerkleTrie();
    trie.put(ascii("do"), ascii("verb"));
    trie.put(ascii("dog"), ascii("puppy"));
    Hash withDogOnly = TrieTestData.trieOf(Map.of(ascii("dog"), ascii("puppy"))).rootHash();
    trie.put(ascii("do"), Bytes.EMPTY);
    assertThat(trie.get(ascii("do"))).isEmpty();
    assertThat(trie.rootHash()).isEqualTo(withDogOnly);
  }

  @Test
  void overwritingAndReinsertingKeepTheRootConsistent() {
    MerkleTrie trie = new MerkleTrie();
    trie.put(ascii("abc"), ascii("123"));
    trie.put(ascii("abcd"), ascii("abcd"));
    trie.put(ascii("abc"), ascii("abc"));
    assertThat(trie.rootHash())
        .isEqualTo(Hash.fromHex("0x7a320748f780ad9ad5b0837302075ce0eeba6c26e3d8562c67ccc0f1b273298a"));
    Hash before = trie.rootHash();
    trie.put(ascii("abc"), ascii("abc"));
    trie.delete(ascii("not there"));
    assertThat(trie.rootHash()).isEqualTo(before);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void rootMatchesTheYellowPaperDefinition(long seed) {
    Random random = new Random(seed);
    for (int size : new int[] {1, 2, 3, 5, 10, 30, 60}) {
      TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, size);
      assertThat(TrieTestData.trieOf(entries).rootHash()).isEqualTo(ReferenceTrie.root(entries));
    }
    TreeMap<Bytes, Bytes> hashed = TrieTestData.hashedKeys(random, 300);
    assertThat(TrieTestData.trieOf(hashed).rootHash()).isEqualTo(ReferenceTrie.root(hashed));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void insertionOrderDoesNotMatter(long seed) {
    Random random = new Random(seed);
    TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, 50);
    entries.putAll(TrieTestData.hashedKeys(random, 200));
    Hash expected = TrieTestData.trieOf(entries).rootHash();
    List<Map.Entry<Bytes, Bytes>> shuffled = new ArrayList<>(entries.entrySet());
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(shuffled, random);
      MerkleTrie trie = new MerkleTrie();
      shuffled.forEach(e -> trie.put(e.getKey(), e.getValue()));
      assertThat(trie.rootHash()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25})
  void deletionsCollapseToTheCanonicalTrie(long seed) {
    Random random = new Random(seed);
    TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, 60);
    entries.putAll(TrieTestData.hashedKeys(random, 60));
    MerkleTrie trie = TrieTestData.trieOf(entries);
    List<Bytes> keys = new ArrayList<>(entries.keySet());
    Collections.shuffle(keys, random);
    for (Bytes key : keys) {
      trie.delete(key);
      entries.remove(key);
      // Hashing after every step checks each intermediate shape, not just the end.
      assertThat(trie.rootHash()).as("after deleting %s", key).isEqualTo(ReferenceTrie.root(entries));
      assertThat(trie.get(key)).isEmpty();
    }
    assertThat(trie.rootHash()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(trie.isEmpty()).isTrue();
  }

  @Test
  void deletingEverythingReturnsToTheEmptyRoot() {
    MerkleTrie trie = new MerkleTrie();
    List<String> keys = List.of("do", "dog", "doge", "horse", "");
    keys.forEach(k -> trie.put(ascii(k), ascii("v-" + k)));
    assertThat(trie.rootHash()).isNotEqualTo(MerkleTrie.EMPTY_ROOT);
    keys.forEach(k -> trie.put(ascii(k), Bytes.EMPTY));
    assertThat(trie.rootHash()).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Test
  void getsReturnEveryValueAndNothingElse() {
    Random random = new Random(31);
    TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, 80);
    MerkleTrie trie = TrieTestData.trieOf(entries);
    entries.forEach((k, v) -> assertThat(trie.get(k)).as("key %s", k).contains(v));
    for (int i = 0; i < 200; i++) {
      Bytes probe = TrieTestData.shortKeys(random, 1).firstKey();
      assertThat(trie.get(probe)).isEqualTo(java.util.Optional.ofNullable(entries.get(probe)));
    }
  }

  @Test
  void manyPutsThenOneRoot() {
    Random random = new Random(41);
    TreeMap<Bytes, Bytes> entries = TrieTestData.hashedKeys(random, 10_000);
    MerkleTrie trie = TrieTestData.trieOf(entries);
    assertThat(trie.rootHash()).isEqualTo(ReferenceTrie.root(entries));
  }
}
