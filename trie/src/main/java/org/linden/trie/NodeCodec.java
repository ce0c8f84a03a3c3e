package org.linden.trie;

import java.util.ArrayList;
import java.util.List;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Decodes a node from its RLP. Decoding is strict because the bytes may come from a peer
 * (a proof) or a damaged store: anything that our own encoder could not have produced is
 * rejected with a {@link MalformedNodeException} rather than guessed at.
 */
final class NodeCodec {
  private static final int BRANCH_ITEMS = 17;

  private NodeCodec() {}

  /**
   * Decodes {@code encoded}; {@code hash} is its keccak256 if the caller already knows it
   * (null otherwise). Embedded children are decoded too; hashed children become
   * {@link HashNode}s. The result is marked as persisted.
   */
  static Node decode(Bytes encoded, Hash hash) {
    Node node;
    try {
      node = parse(encoded);
    } catch (RlpException | IllegalArgumentException e) {
      throw new MalformedNodeException("malformed trie node " + abbreviate(encoded) + ": " + e.getMessage(), e);
    }
    node.seed(encoded, hash);
    return node;
  }

  private static Node parse(Bytes encoded) {
    RlpReader top = RlpReader.of(encoded);
    if (!top.nextIsList()) {
      throw new IllegalArgumentException("a node is an RLP list, found a string");
    }
    RlpReader list = top.readList();
    top.ensureDone();
    List<Bytes> items = new ArrayList<>(BRANCH_ITEMS);
    while (!list.isDone()) {
      if (items.size() == BRANCH_ITEMS) {
        throw new IllegalArgumentException("a node has 2 or 17 items, found more than 17");
      }
      items.add(list.readRaw());
    }
    return switch (items.size()) {
      case 2 -> shortNode(items.get(0), items.get(1));
      case BRANCH_ITEMS -> branch(items);
      default -> throw new IllegalArgumentException("a node has 2 or 17 items, found " + items.size());
    };
  }

  private static Node shortNode(Bytes compactItem, Bytes second) {
    Bytes compact = string(compactItem, "the path of a leaf or extension");
    byte[] path = HexPrefix.decodeNibbles(compact);
    if (HexPrefix.isLeaf(compact)) {
      Bytes value = string(second, "a leaf value");
      if (value.isEmpty()) {
        throw new IllegalArgumentException("a leaf has an empty value");
      }
      return new LeafNode(path, value);
    }
    if (path.length == 0) {
      throw new IllegalArgumentException("an extension has an empty path");
    }
    Node child = child(second);
    if (child == null) {
      throw new IllegalArgumentException("an extension has no child");
    }
    return new ExtensionNode(path, child);
  }

  private static Node branch(List<Bytes> items) {
    Node[] children = new Node[16];
    for (int i = 0; i < 16; i++) {
      children[i] = child(items.get(i));
    }
    Bytes value = string(items.get(16), "a branch value");
    BranchNode branch = new BranchNode(children, value.isEmpty() ? null : value);
    if (branch.entryCount() < 2) {
      throw new IllegalArgumentException("a branch has fewer than two entries");
    }
    return branch;
  }

  /** A child reference: empty string (none), a 32-byte hash, or a node embedded as a list. */
  private static Node child(Bytes item) {
    RlpReader r = RlpReader.of(item);
    if (r.nextIsList()) {
      if (item.size() >= Node.INLINE_LIMIT) {
        throw new IllegalArgumentException("an embedded node of " + item.size() + " bytes must be referred to by hash");
      }
      Node inline = parse(item);
      inline.seed(item, null);
      return inline;
    }
    Bytes ref = r.readBytes();
    if (ref.isEmpty()) {
      return null;
    }
    if (ref.size() != 32) {
      throw new IllegalArgumentException("a child reference is a 32-byte hash, found " + ref.size() + " bytes");
    }
    return new HashNode(Hash.wrap(ref));
  }

  private static Bytes string(Bytes item, String what) {
    RlpReader r = RlpReader.of(item);
    if (r.nextIsList()) {
      throw new IllegalArgumentException(what + " must be a string, found a list");
    }
    return r.readBytes();
  }

  private static String abbreviate(Bytes b) {
    String hex = b.toHex();
    return hex.length() <= 80 ? hex : hex.substring(0, 77) + "...";
  }
}
