package org.linden.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.trie.TrieTestData.ascii;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class PersistenceTest {
  /** Records every write, to check what a commit stores. */
  private static final class RecordingStore implements NodeStore {
    final InMemoryNodeStore inner = new InMemoryNodeStore();
    final List<Bytes> paths = new ArrayList<>();
    int reads;

    @Override
    public Optional<Bytes> get(Bytes path, Hash hash) {
      reads++;
      return inner.get(path, hash);
    }

    @Override
    public void put(Bytes path, Hash hash, Bytes encoded) {
      paths.add(path);
      inner.put(path, hash, encoded);
    }
  }

  @Test
  void reloadedTrieHasTheSameRootAndValues() {
    Random random = new Random(51);
    TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, 40);
    entries.putAll(TrieTestData.hashedKeys(random, 500));
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTrie trie = new MerkleTrie(store);
    entries.forEach(trie::put);
    Hash root = trie.commit();

    MerkleTrie reloaded = MerkleTrie.load(store, root);
    assertThat(reloaded.rootHash()).isEqualTo(root);
    entries.forEach((k, v) -> assertThat(reloaded.get(k)).contains(v));
    assertThat(reloaded.get(ascii("absent key"))).isEmpty();
    List<TrieEntry> iterated = new ArrayList<>();
    reloaded.forEach(iterated::add);
    assertThat(iterated).extracting(TrieEntry::key).containsExactlyElementsOf(entries.keySet());
  }

  @Test
  void updatesOnAReloadedTrieMatchAFreshTrie() {
    Random random = new Random(52);
    TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, 40);
    entries.putAll(TrieTestData.hashedKeys(random, 300));
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTrie trie = new MerkleTrie(store);
    entries.forEach(trie::put);
    Hash root = trie.commit();

    MerkleTrie reloaded = MerkleTrie.load(store, root);
    List<Bytes> keys = new ArrayList<>(entries.keySet());
    for (int i = 0; i < keys.size(); i += 2) {
      // Deleting half the keys collapses branches whose other children are unloaded.
      reloaded.delete(keys.get(i));
      entries.remove(keys.get(i));
    }
    TreeMap<Bytes, Bytes> added = TrieTestData.hashedKeys(random, 100);
    added.forEach(reloaded::put);
    entries.putAll(added);
    assertThat(reloaded.rootHash()).isEqualTo(ReferenceTrie.root(entries));

    Hash second = reloaded.commit();
    MerkleTrie again = MerkleTrie.load(store, second);
    entries.forEach((k, v) -> assertThat(again.get(k)).contains(v));
  }

  @Test
  void commitWritesOnlyNewNodesAndTheRoot() {
    RecordingStore store = new RecordingStore();
    MerkleTrie trie = new MerkleTrie(store);
    TrieTestData.hashedKeys(new Random(53), 200).forEach(trie::put);
    trie.commit();
    int firstCommit = store.paths.size();
    assertThat(store.paths).contains(Bytes.EMPTY).doesNotHaveDuplicates();

    store.paths.clear();
    trie.commit();
    assertThat(store.paths).containsExactly(Bytes.EMPTY);

    store.paths.clear();
    byte[] key = new byte[32];
    key[0] = 0x42;
    trie.put(Bytes.wrap(key), ascii("one more value, long enough not to be embedded"));
    trie.commit();
    // Only the path to the new leaf is rewritten: far fewer nodes than the whole trie.
    assertThat(store.paths.size()).isBetween(2, 6);
    assertThat(store.paths.size()).isLessThan(firstCommit);
    Bytes keyPath = Bytes.wrap(Nibbles.fromBytes(Bytes.wrap(key)));
    for (Bytes path : store.paths) {
      assertThat(keyPath.slice(0, path.size())).as("written path").isEqualTo(path);
    }
  }

  @Test
  void smallRootIsStoredByHashToo() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTrie trie = new MerkleTrie(store);
    trie.put(ascii("a"), ascii("b"));
    Hash root = trie.commit();
    assertThat(MerkleTrie.load(store, root).get(ascii("a"))).contains(ascii("b"));
  }

  @Test
  void readsAreLazy() {
    RecordingStore store = new RecordingStore();
    MerkleTrie trie = new MerkleTrie(store);
    TreeMap<Bytes, Bytes> entries = TrieTestData.hashedKeys(new Random(54), 1000);
    entries.forEach(trie::put);
    Hash root = trie.commit();
    store.reads = 0;
    MerkleTrie reloaded = MerkleTrie.load(store, root);
    reloaded.get(entries.firstKey());
    assertThat(store.reads).isLessThan(10);
  }

  @Test
  void emptyRootLoadsAnEmptyTrie() {
    MerkleTrie trie = MerkleTrie.load(new InMemoryNodeStore(), MerkleTrie.EMPTY_ROOT);
    assertThat(trie.isEmpty()).isTrue();
    assertThat(new MerkleTrie().commit()).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Test
  void missingNodesAreReported() {
    Hash unknown = Hash.fromHex("0x" + "ab".repeat(32));
    assertThatThrownBy(() -> MerkleTrie.load(new InMemoryNodeStore(), unknown))
        .isInstanceOf(MissingNodeException.class)
        .hasMessageContaining(unknown.toHex())
        .hasMessageContaining("<root>");

    InMemoryNodeStore full = new InMemoryNodeStore();
    MerkleTrie trie = new MerkleTrie(full);
    TreeMap<Bytes, Bytes> entries = TrieTestData.hashedKeys(new Random(55), 100);
    entries.forEach(trie::put);
    Hash root = trie.commit();
    // A store holding only the root: the first step below it is missing.
    InMemoryNodeStore rootOnly = new InMemoryNodeStore();
    rootOnly.put(Bytes.EMPTY, root, full.get(Bytes.EMPTY, root).orElseThrow());
    MerkleTrie partial = MerkleTrie.load(rootOnly, root);
    assertThatThrownBy(() -> partial.get(entries.firstKey()))
        .isInstanceOf(MissingNodeException.class)
        .satisfies(e -> assertThat(((MissingNodeException) e).path().size()).isEqualTo(1));
  }

  @Test
  void corruptStoredNodesAreReported() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    Hash root = Hash.fromHex("0x" + "cd".repeat(32));
    store.put(Bytes.EMPTY, root, Bytes.fromHex("c3010203"));
    assertThatThrownBy(() -> MerkleTrie.load(store, root))
        .isInstanceOf(MalformedNodeException.class)
        .hasMessageContaining(root.toHex());
  }

  @Test
  void secureTrieRoundTrips() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    SecureTrie trie = new SecureTrie(store);
    Map.of("doe", "reindeer", "dog", "puppy", "dogglesworth", "cat")
        .forEach((k, v) -> trie.put(ascii(k), ascii(v)));
    Hash root = trie.commit();
    assertThat(root)
        .isEqualTo(Hash.fromHex("0xd4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585"));
    SecureTrie reloaded = SecureTrie.load(store, root);
    assertThat(reloaded.get(ascii("dog"))).contains(ascii("puppy"));
    reloaded.delete(ascii("dog"));
    assertThat(reloaded.get(ascii("dog"))).isEmpty();
  }
}
