package org.linden.sync.eth;

import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * {@code [txtypes: B, [txsize₁, ...], [txhash₁, ...]]} (0x08, eth/68 form): announces pool
 * transactions by type, size of the consensus encoding, and hash. The three lists have one
 * entry per transaction.
 *
 * @param types one transaction type byte per announced transaction
 * @param sizes the size of each transaction's consensus encoding (at most 2^32-1)
 * @param hashes the transaction hashes
 */
public record NewPooledTransactionHashes(Bytes types, List<Long> sizes, List<Hash> hashes) implements EthMessage {
  public static final int CODE = 0x08;
  /** Sizes are 32-bit on the wire. */
  public static final long MAX_SIZE = 0xffff_ffffL;

  public NewPooledTransactionHashes {
    sizes = List.copyOf(sizes);
    hashes = List.copyOf(hashes);
    if (types.size() != sizes.size() || sizes.size() != hashes.size()) {
      throw new IllegalArgumentException("types, sizes and hashes differ in length: " + types.size() + ", "
          + sizes.size() + ", " + hashes.size());
    }
    for (long s : sizes) {
      if (s < 0 || s > MAX_SIZE) {
        throw new IllegalArgumentException("transaction size " + Long.toUnsignedString(s) + " exceeds 32 bits");
      }
    }
  }

  /** How many transactions are announced. */
  public int count() {
    return hashes.size();
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeBytes(types).startList();
    for (long s : sizes) {
      w.writeUnsignedLong(s);
    }
    w.endList();
    HashList.write(w, hashes);
    w.endList();
  }
}
