package org.linden.trie;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A Merkle-Patricia trie (Yellow Paper appendix D) mapping byte-string keys to non-empty
 * byte-string values.
 *
 * <p>Updates only build new nodes; nothing is hashed until {@link #rootHash()} (or
 * {@link #commit()}, or a proof) asks, and hashes stay cached on unchanged nodes, so many
 * updates followed by one root cost one pass over the changed nodes. {@link #commit()}
 * writes the nodes created since the last commit to the {@link NodeStore};
 * {@link #load(NodeStore, Hash)} reopens a committed trie, reading nodes on demand.
 *
 * <p>Not thread-safe: one writer at a time, and no reads while a write is in progress.
 */
public final class MerkleTrie implements Iterable<TrieEntry> {
  /** The root of the empty trie: keccak256(rlp("")). */
  public static final Hash EMPTY_ROOT = Keccak.hash256(Bytes.of((byte) 0x80));

  private final NodeLoader loader;
  private final TrieUpdater updater;
  private Node root;

  /** An empty trie over a fresh in-memory store. */
  public MerkleTrie() {
    this(new InMemoryNodeStore());
  }

  /** An empty trie that commits to {@code store}. */
  public MerkleTrie(NodeStore store) {
    this.loader = new NodeLoader(Objects.requireNonNull(store, "store"));
    this.updater = new TrieUpdater(loader);
  }

  /**
   * The trie committed to {@code store} with root {@code rootHash}. The root node is read
   * now, so a wrong root fails here; the rest is read as it is used.
   *
   * @throws MissingNodeException if the store does not hold the root node
   */
  public static MerkleTrie load(NodeStore store, Hash rootHash) {
    MerkleTrie trie = new MerkleTrie(store);
    if (!rootHash.equals(EMPTY_ROOT)) {
      trie.root = trie.loader.load(rootHash, Bytes.EMPTY);
    }
    return trie;
  }

  /** The value at {@code key}, or empty if the key is absent. */
  public Optional<Bytes> get(Bytes key) {
    byte[] path = Nibbles.fromBytes(key);
    Node node = root;
    int depth = 0;
    while (node != null) {
      switch (loader.resolve(node, path, depth)) {
        case LeafNode leaf -> {
          return Nibbles.restEquals(path, depth, leaf.path) ? Optional.of(leaf.value) : Optional.empty();
        }
        case ExtensionNode ext -> {
          if (!Nibbles.startsWith(path, depth, ext.path)) {
            return Optional.empty();
          }
          depth += ext.path.length;
          node = ext.child;
        }
        case BranchNode branch -> {
          if (depth == path.length) {
            return Optional.ofNullable(branch.value);
          }
          node = branch.children[path[depth++]];
        }
        case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
      }
    }
    return Optional.empty();
  }

  /** Sets {@code key} to {@code value}; an empty value deletes the key, as in Ethereum. */
  public void put(Bytes key, Bytes value) {
    if (value.isEmpty()) {
      delete(key);
      return;
    }
    root = updater.put(root, Nibbles.fromBytes(key), 0, value);
  }

  /** Removes {@code key}; removing an absent key changes nothing. */
  public void delete(Bytes key) {
    root = updater.delete(root, Nibbles.fromBytes(key), 0);
  }

  /** True if the trie holds no key. */
  public boolean isEmpty() {
    return root == null;
  }

  /** keccak256 of the root node's RLP; hashes only nodes changed since the last call. */
  public Hash rootHash() {
    return root == null ? EMPTY_ROOT : root.hash();
  }

  /**
   * Writes every node created since the last commit to the store and returns the root
   * hash. The root is always stored by hash, even when it is shorter than 32 bytes, so
   * {@link #load} can find it.
   */
  public Hash commit() {
    if (root == null) {
      return EMPTY_ROOT;
    }
    Hash hash = root.hash();
    if (!(root instanceof HashNode)) {
      new Committer(loader.store()).commitRoot(root);
    }
    return hash;
  }

  /** The store this trie reads from and commits to. */
  public NodeStore store() {
    return loader.store();
  }

  /** Every entry in increasing (unsigned byte) order of key. */
  @Override
  public Iterator<TrieEntry> iterator() {
    return new TrieIterator(root, loader);
  }

  /** The entry with the smallest key strictly greater than {@code key}, if any. */
  public Optional<TrieEntry> nextEntry(Bytes key) {
    return Optional.ofNullable(new TrieNavigator(loader).higher(root, Nibbles.fromBytes(key), 0));
  }

  /** The entry with the largest key strictly smaller than {@code key}, if any. */
  public Optional<TrieEntry> previousEntry(Bytes key) {
    return Optional.ofNullable(new TrieNavigator(loader).lower(root, Nibbles.fromBytes(key), 0));
  }

  /**
   * The EIP-1186 proof for {@code key}: the RLP of each node on its path, root first, with
   * embedded nodes inside their parent's entry. Proves presence or absence alike; empty
   * for the empty trie.
   */
  public List<Bytes> proof(Bytes key) {
    return MerkleProof.build(root, Nibbles.fromBytes(key), loader);
  }

  /**
   * Checks a proof made by {@link #proof} against {@code rootHash}: returns the proven
   * value of {@code key}, or empty if the proof shows the key is absent.
   *
   * @throws InvalidProofException if an entry is missing, does not hash to what its parent
   *     refers to, does not decode as a node, or is left over after the path ends
   */
  public static Optional<Bytes> verifyProof(Hash rootHash, Bytes key, List<Bytes> proof) {
    return MerkleProof.verify(rootHash, key, proof);
  }
}
