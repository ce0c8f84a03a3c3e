package org.linden.trie;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A {@link MerkleTrie} whose keys are keccak256 of the caller's keys, as Ethereum's state
 * and storage tries are: hashing spreads keys evenly, so the trie stays shallow and no
 * caller can craft keys that make a path long. Iteration and {@link #trie()} see the
 * hashed keys, since the trie does not keep preimages.
 */
public final class SecureTrie implements Iterable<TrieEntry> {
  private final MerkleTrie trie;

  /** An empty secure trie over a fresh in-memory store. */
  public SecureTrie() {
    this(new MerkleTrie());
  }

  /** An empty secure trie that commits to {@code store}. */
  public SecureTrie(NodeStore store) {
    this(new MerkleTrie(store));
  }

  private SecureTrie(MerkleTrie trie) {
    this.trie = trie;
  }

  /** The secure trie committed to {@code store} with root {@code rootHash}. */
  public static SecureTrie load(NodeStore store, Hash rootHash) {
    return new SecureTrie(MerkleTrie.load(store, rootHash));
  }

  public Optional<Bytes> get(Bytes key) {
    return trie.get(hashed(key));
  }

  /** Sets {@code key} to {@code value}; an empty value deletes. */
  public void put(Bytes key, Bytes value) {
    trie.put(hashed(key), value);
  }

  public void delete(Bytes key) {
    trie.delete(hashed(key));
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash commit() {
    return trie.commit();
  }

  /** The proof for {@code key}, i.e. for its hash in the underlying trie. */
  public List<Bytes> proof(Bytes key) {
    return trie.proof(hashed(key));
  }

  /** Verifies a proof made by {@link #proof}; {@code key} is the unhashed key. */
  public static Optional<Bytes> verifyProof(Hash rootHash, Bytes key, List<Bytes> proof) {
    return MerkleTrie.verifyProof(rootHash, hashed(key), proof);
  }

  /** Entries keyed by keccak256 of the original key, in order of those hashes. */
  @Override
  public Iterator<TrieEntry> iterator() {
    return trie.iterator();
  }

  /** The underlying trie, keyed by hashes. */
  public MerkleTrie trie() {
    return trie;
  }

  private static Bytes hashed(Bytes key) {
    return Keccak.hash256(key).bytes();
  }
}
