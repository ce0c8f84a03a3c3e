package org.linden.state;

import java.util.Arrays;
import java.util.Optional;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Key and value layouts of the state columns, as documented on {@link Column}. */
final class StateKeys {
  /** First byte of an account-trie node key. */
  static final byte ACCOUNT_TRIE = 0x00;
  /** First byte of a storage-trie node key, followed by keccak(address). */
  static final byte STORAGE_TRIE = 0x01;

  private StateKeys() {}

  static Bytes account(Address address) {
    return address.bytes();
  }

  static Bytes storage(Address address, UInt256 slot) {
    byte[] key = new byte[Address.SIZE + 32];
    address.bytes().copyTo(key, 0);
    slot.toBytes32(key, Address.SIZE);
    return Bytes.wrap(key);
  }

  /** The prefix shared by every flat slot of {@code address}. */
  static Bytes storagePrefix(Address address) {
    return address.bytes();
  }

  static Bytes accountTriePrefix() {
    return Bytes.of(ACCOUNT_TRIE);
  }

  /** The prefix of every node of the storage trie of the account with {@code accountHash}. */
  static Bytes storageTriePrefix(Hash accountHash) {
    byte[] p = new byte[1 + Hash.SIZE];
    p[0] = STORAGE_TRIE;
    accountHash.bytes().copyTo(p, 1);
    return Bytes.wrap(p);
  }

  /** The node key: the trie's prefix followed by the node's nibble path. */
  static Bytes trieNode(Bytes triePrefix, Bytes path) {
    return Bytes.concat(triePrefix, path);
  }

  /** The stored node value: hash ‖ RLP, so a read can tell a stale node from the wanted one. */
  static Bytes trieNodeValue(Hash hash, Bytes encoded) {
    return Bytes.concat(hash.bytes(), encoded);
  }

  /** The node RLP in a stored value, if the value holds the node with {@code hash}. */
  static Optional<Bytes> trieNodeIfHash(Bytes stored, Hash hash) {
    byte[] v = stored.unsafeArray();
    if (v.length <= Hash.SIZE || !Arrays.equals(v, 0, Hash.SIZE, hash.bytes().unsafeArray(), 0, Hash.SIZE)) {
      return Optional.empty();
    }
    return Optional.of(stored.slice(Hash.SIZE));
  }
}
