package org.linden.chain.block;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Function;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The commitments a header makes to its body and results: the ordered tries of
 * transactions, receipts and withdrawals (key {@code rlp(index)}, value the item's
 * canonical encoding), the ommers hash, and the EIP-7685 requests hash.
 */
public final class BlockRoots {
  /** Root of a trie with no entries: keccak(rlp("")). */
  public static final Hash EMPTY_TRIE_ROOT = MerkleTrie.EMPTY_ROOT;
  /** keccak(rlp([])): the ommers hash of a block without ommers, and of every post-merge block. */
  public static final Hash EMPTY_OMMERS_HASH = Keccak.EMPTY_LIST_HASH;
  /** sha256 of nothing: the requests hash of a Prague block without requests. */
  public static final Hash EMPTY_REQUESTS_HASH = requestsHash(List.of());

  private BlockRoots() {}

  /** Root of the transactions trie; values are the EIP-2718 canonical transaction bytes. */
  public static Hash transactionsRoot(List<Transaction> transactions) {
    return orderedTrieRoot(transactions, TransactionCodec::encode);
  }

  /** Root of the receipts trie; values are the EIP-2718 canonical receipt bytes. */
  public static Hash receiptsRoot(List<Receipt> receipts) {
    return orderedTrieRoot(receipts, Receipt::encode);
  }

  /** Root of the withdrawals trie (EIP-4895). */
  public static Hash withdrawalsRoot(List<Withdrawal> withdrawals) {
    return orderedTrieRoot(withdrawals, Withdrawal::encode);
  }

  /** keccak of the RLP list of the ommer headers. */
  public static Hash ommersHash(List<BlockHeader> ommers) {
    if (ommers.isEmpty()) {
      return EMPTY_OMMERS_HASH;
    }
    RlpWriter w = new RlpWriter(600 * ommers.size());
    w.startList();
    for (BlockHeader h : ommers) {
      h.writeTo(w);
    }
    w.endList();
    return Keccak.hash256(w.toBytes());
  }

  /** The OR of the receipts' blooms: a header's logs bloom. */
  public static LogsBloom logsBloom(List<Receipt> receipts) {
    return LogsBloom.union(receipts.stream().map(Receipt::logsBloom).toList());
  }

  /**
   * The EIP-7685 commitment to a block's execution requests. Each request is
   * {@code request_type ‖ request_data}, ordered by type; the hash is
   * {@code sha256(sha256(r_0) ‖ sha256(r_1) ‖ ...)} over the requests that have data.
   * A request with only a type byte (a system contract that returned nothing) is left out,
   * as EIP-7685 and the Engine API define, so a block without requests commits to sha256("").
   */
  public static Hash requestsHash(List<Bytes> requests) {
    MessageDigest outer = sha256();
    for (Bytes request : requests) {
      if (request.size() <= 1) {
        continue;
      }
      outer.update(sha256().digest(request.toArray()));
    }
    return Hash.wrap(outer.digest());
  }

  /** Root of a trie mapping {@code rlp(i)} to {@code encode(items[i])}. */
  public static <T> Hash orderedTrieRoot(List<T> items, Function<T, Bytes> encode) {
    if (items.isEmpty()) {
      return EMPTY_TRIE_ROOT;
    }
    MerkleTrie trie = new MerkleTrie();
    for (int i = 0; i < items.size(); i++) {
      trie.put(new RlpWriter(9).writeLong(i).toBytes(), encode.apply(items.get(i)));
    }
    return trie.rootHash();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
