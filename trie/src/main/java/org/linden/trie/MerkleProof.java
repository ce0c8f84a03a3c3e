package org.linden.trie;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.trie.InvalidProofException.Reason;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Merkle proofs in the shape of EIP-1186 ({@code eth_getProof}): the RLP of every node on
 * the path from the root towards a key, root first. Nodes embedded in their parent are
 * part of the parent's entry, not entries of their own. The same list proves presence
 * (the path ends at the key's value) or absence (the path ends where the key would be).
 */
final class MerkleProof {
  private static final Bytes EMPTY_NODE = Bytes.of((byte) 0x80);

  private MerkleProof() {}

  /** The proof for {@code key} in the trie whose root node is {@code root}. */
  static List<Bytes> build(Node root, byte[] key, NodeLoader loader) {
    List<Bytes> proof = new ArrayList<>();
    if (root == null) {
      return proof;
    }
    Node node = loader.resolve(root, key, 0);
    proof.add(node.encoded());
    int depth = 0;
    while (true) {
      Node next;
      switch (node) {
        case LeafNode leaf -> {
          return proof;
        }
        case ExtensionNode ext -> {
          if (!Nibbles.startsWith(key, depth, ext.path)) {
            return proof;
          }
          depth += ext.path.length;
          next = ext.child;
        }
        case BranchNode branch -> {
          if (depth == key.length || branch.children[key[depth]] == null) {
            return proof;
          }
          next = branch.children[key[depth++]];
        }
        case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
      }
      if (!next.isInline()) {
        next = loader.resolve(next, key, depth);
        proof.add(next.encoded());
      }
      node = next;
    }
  }

  /**
   * Checks {@code proof} against {@code root} and returns the value it proves for
   * {@code key}, or empty if it proves the key absent.
   *
   * @throws InvalidProofException if the proof does not connect the root to the key
   */
  static Optional<Bytes> verify(Hash root, Bytes key, List<Bytes> proof) {
    if (root.equals(MerkleTrie.EMPTY_ROOT)) {
      // Nothing is in an empty trie; accept the empty proof and the lone empty node.
      if (proof.isEmpty() || (proof.size() == 1 && proof.get(0).equals(EMPTY_NODE))) {
        return Optional.empty();
      }
      throw new InvalidProofException(Reason.UNUSED_NODES, 0, "the trie is empty but the proof has nodes");
    }
    Walk walk = new Walk(proof);
    Optional<Bytes> value = walk.follow(Nibbles.fromBytes(key), root);
    if (walk.used < proof.size()) {
      throw new InvalidProofException(Reason.UNUSED_NODES, walk.used,
          (proof.size() - walk.used) + " entr" + (proof.size() - walk.used == 1 ? "y" : "ies") + " after the path ended");
    }
    return value;
  }

  /** One verification: consumes proof entries in order as the path needs them. */
  private static final class Walk {
    private final List<Bytes> proof;
    private int used;

    Walk(List<Bytes> proof) {
      this.proof = proof;
    }

    Optional<Bytes> follow(byte[] key, Hash root) {
      Node node = take(root);
      int depth = 0;
      while (true) {
        Node next;
        switch (node) {
          case LeafNode leaf -> {
            return Nibbles.restEquals(key, depth, leaf.path) ? Optional.of(leaf.value) : Optional.empty();
          }
          case ExtensionNode ext -> {
            if (!Nibbles.startsWith(key, depth, ext.path)) {
              return Optional.empty();
            }
            depth += ext.path.length;
            next = ext.child;
          }
          case BranchNode branch -> {
            if (depth == key.length) {
              return Optional.ofNullable(branch.value);
            }
            next = branch.children[key[depth++]];
            if (next == null) {
              return Optional.empty();
            }
          }
          case HashNode h -> throw new IllegalStateException("a placeholder is never walked");
        }
        node = next instanceof HashNode h ? take(h.hash()) : next;
      }
    }

    /** The next proof entry, which must be the node with {@code expected} hash. */
    private Node take(Hash expected) {
      int index = used;
      if (index >= proof.size()) {
        throw new InvalidProofException(Reason.MISSING_NODE, index,
            "the path continues to node " + expected + " but the proof has only " + proof.size() + " entries");
      }
      Bytes encoded = proof.get(index);
      Hash actual = Keccak.hash256(encoded);
      if (!actual.equals(expected)) {
        throw new InvalidProofException(Reason.HASH_MISMATCH, index,
            "expected node " + expected + ", the entry hashes to " + actual);
      }
      used++;
      try {
        return NodeCodec.decode(encoded, actual);
      } catch (MalformedNodeException e) {
        throw new InvalidProofException(Reason.MALFORMED_NODE, index, e.getMessage(), e);
      }
    }
  }
}
