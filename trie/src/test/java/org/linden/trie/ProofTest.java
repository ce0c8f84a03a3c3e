package org.linden.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.trie.TrieTestData.ascii;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.trie.InvalidProofException.Reason;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class ProofTest {
  private MerkleTrie trie;
  private Hash root;

  /**
   * do/dog/doge/horse, with long values so every node is hashed, not embedded: the root
   * is an extension over 6, then a branch on the next nibble (4 = "d", 8 = "h"), and the
   * "do" keys continue through an extension "6f" into a branch holding "do"'s value.
   */
  @BeforeEach
  void buildTrie() {
    trie = new MerkleTrie();
    for (String k : List.of("do", "dog", "doge", "horse")) {
      trie.put(ascii(k), ascii("the value stored under the key '" + k + "'"));
    }
    root = trie.rootHash();
  }

  @Test
  void presentKeysAreProven() {
    for (String k : List.of("do", "dog", "doge", "horse")) {
      List<Bytes> proof = trie.proof(ascii(k));
      assertThat(MerkleTrie.verifyProof(root, ascii(k), proof))
          .contains(ascii("the value stored under the key '" + k + "'"));
      assertThat(Keccak.hash256(proof.get(0))).isEqualTo(root);
    }
  }

  @Test
  void absenceDivergingAtABranch() {
    // "i" = 69: the branch after the root's 6 has no child 9.
    assertAbsent("i", BranchNode.class);
    // "dot" = 646f74: the branch holding "do" has no child 7.
    assertAbsent("dot", BranchNode.class);
    // "dogs" = 646f6773: the branch holding "dog" has no child 7.
    assertAbsent("dogs", BranchNode.class);
  }

  @Test
  void absenceDivergingAtAnExtension() {
    // "p" = 70 and the empty key leave the root extension (6) at once.
    assertAbsent("p", ExtensionNode.class);
    assertAbsent("", ExtensionNode.class);
    // "dz" = 647a leaves the extension 6f below the root branch.
    assertAbsent("dz", ExtensionNode.class);
  }

  @Test
  void absenceDivergingAtALeaf() {
    assertAbsent("horsa", LeafNode.class);
    assertAbsent("hors", LeafNode.class);
    assertAbsent("horses", LeafNode.class);
    assertAbsent("dogecoin", LeafNode.class);
  }

  @Test
  void proofsOfRandomTriesVerifyForEveryKeyAndProbe() {
    Random random = new Random(61);
    TreeMap<Bytes, Bytes> entries = TrieTestData.shortKeys(random, 60);
    entries.putAll(TrieTestData.hashedKeys(random, 200));
    MerkleTrie big = TrieTestData.trieOf(entries);
    Hash bigRoot = big.rootHash();
    entries.forEach((k, v) -> assertThat(MerkleTrie.verifyProof(bigRoot, k, big.proof(k))).contains(v));
    for (int i = 0; i < 200; i++) {
      Bytes probe = i % 2 == 0
          ? TrieTestData.shortKeys(random, 1).firstKey()
          : TrieTestData.hashedKeys(random, 1).firstKey();
      assertThat(MerkleTrie.verifyProof(bigRoot, probe, big.proof(probe)))
          .isEqualTo(Optional.ofNullable(entries.get(probe)));
    }
  }

  @Test
  void embeddedNodesAreNotSeparateEntries() {
    MerkleTrie small = new MerkleTrie();
    small.put(ascii("a"), ascii("1"));
    small.put(ascii("b"), ascii("2"));
    // Two tiny leaves under one branch: the whole trie is a single entry.
    assertThat(small.proof(ascii("a"))).hasSize(1);
    assertThat(MerkleTrie.verifyProof(small.rootHash(), ascii("a"), small.proof(ascii("a")))).contains(ascii("1"));
    assertThat(MerkleTrie.verifyProof(small.rootHash(), ascii("c"), small.proof(ascii("c")))).isEmpty();
  }

  @Test
  void proofsFromAReloadedTrie() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTrie stored = new MerkleTrie(store);
    TreeMap<Bytes, Bytes> entries = TrieTestData.hashedKeys(new Random(62), 300);
    entries.forEach(stored::put);
    Hash storedRoot = stored.commit();
    MerkleTrie reloaded = MerkleTrie.load(store, storedRoot);
    Bytes key = entries.firstKey();
    assertThat(reloaded.proof(key)).isEqualTo(stored.proof(key));
    assertThat(MerkleTrie.verifyProof(storedRoot, key, reloaded.proof(key))).contains(entries.get(key));
  }

  @Test
  void emptyTrie() {
    assertThat(new MerkleTrie().proof(ascii("x"))).isEmpty();
    assertThat(MerkleTrie.verifyProof(MerkleTrie.EMPTY_ROOT, ascii("x"), List.of())).isEmpty();
    assertThat(MerkleTrie.verifyProof(MerkleTrie.EMPTY_ROOT, ascii("x"), List.of(Bytes.of((byte) 0x80)))).isEmpty();
    assertThatThrownBy(() -> MerkleTrie.verifyProof(MerkleTrie.EMPTY_ROOT, ascii("x"), trie.proof(ascii("do"))))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void tamperedEntryIsAHashMismatch() {
    List<Bytes> proof = new ArrayList<>(trie.proof(ascii("doge")));
    Bytes last = proof.get(proof.size() - 1);
    byte[] changed = last.toArray();
    changed[changed.length - 1] ^= 1;
    proof.set(proof.size() - 1, Bytes.wrap(changed));
    assertRejected(root, "doge", proof, Reason.HASH_MISMATCH, proof.size() - 1);
  }

  @Test
  void wrongRootIsAHashMismatch() {
    Hash other = Keccak.hash256(ascii("another root"));
    assertRejected(other, "doge", trie.proof(ascii("doge")), Reason.HASH_MISMATCH, 0);
  }

  @Test
  void truncatedProofIsMissingANode() {
    List<Bytes> proof = trie.proof(ascii("doge"));
    List<Bytes> truncated = proof.subList(0, proof.size() - 1);
    assertRejected(root, "doge", truncated, Reason.MISSING_NODE, truncated.size());
    assertRejected(root, "doge", List.of(), Reason.MISSING_NODE, 0);
  }

  @Test
  void reorderedProofIsRejected() {
    List<Bytes> proof = new ArrayList<>(trie.proof(ascii("doge")));
    Bytes first = proof.remove(0);
    proof.add(first);
    assertRejected(root, "doge", proof, Reason.HASH_MISMATCH, 0);
  }

  @Test
  void extraEntriesAreRejected() {
    List<Bytes> proof = new ArrayList<>(trie.proof(ascii("do")));
    proof.addAll(trie.proof(ascii("horse")).subList(1, trie.proof(ascii("horse")).size()));
    assertRejected(root, "do", proof, Reason.UNUSED_NODES, trie.proof(ascii("do")).size());
  }

  @Test
  void malformedNodeIsRejected() {
    // A root that commits to bytes which are not a node: valid hash, bad content.
    for (String hex : List.of("c3010203", "83646f67", "c2c0c0", "c4823f0180", "c22080")) {
      Bytes garbage = Bytes.fromHex(hex);
      assertRejected(Keccak.hash256(garbage), "do", List.of(garbage), Reason.MALFORMED_NODE, 0);
    }
  }

  @Test
  void secureProofs() {
    SecureTrie secure = new SecureTrie();
    secure.put(ascii("dog"), ascii("puppy"));
    secure.put(ascii("doe"), ascii("reindeer"));
    Hash secureRoot = secure.rootHash();
    assertThat(SecureTrie.verifyProof(secureRoot, ascii("dog"), secure.proof(ascii("dog")))).contains(ascii("puppy"));
    assertThat(SecureTrie.verifyProof(secureRoot, ascii("cat"), secure.proof(ascii("cat")))).isEmpty();
  }

  /** Checks the absence proof of {@code key}, whose path must end at a node of {@code kind}. */
  private void assertAbsent(String key, Class<? extends Node> kind) {
    List<Bytes> proof = trie.proof(ascii(key));
    assertThat(proof).isNotEmpty();
    assertThat(NodeCodec.decode(proof.get(proof.size() - 1), null)).as("last node for '%s'", key).isInstanceOf(kind);
    assertThat(MerkleTrie.verifyProof(root, ascii(key), proof)).as("absence of '%s'", key).isEmpty();
  }

  private static void assertRejected(Hash root, String key, List<Bytes> proof, Reason reason, int index) {
    assertThatThrownBy(() -> MerkleTrie.verifyProof(root, ascii(key), proof))
        .isInstanceOfSatisfying(InvalidProofException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.index()).isEqualTo(index);
        });
  }
}
