package org.linden.sync.download;

import java.util.List;
import java.util.Optional;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.types.Hash;

/**
 * Checks downloaded data against the header it belongs to: a body by its transactions root,
 * ommers hash and withdrawals root, receipts by the receipts root. A header commits to all
 * of these, so data that passes is the data the chain agreed on, whoever sent it.
 */
final class BodyVerifier {
  private BodyVerifier() {}

  /** Why {@code body} is not the body of {@code header}, or empty if it is. */
  static Optional<String> checkBody(BlockHeader header, BlockBody body) {
    if (!BlockRoots.transactionsRoot(body.transactions()).equals(header.transactionsRoot())) {
      return Optional.of("transactions do not match transactions_root of block " + header.number());
    }
    if (!BlockRoots.ommersHash(body.ommers()).equals(header.ommersHash())) {
      return Optional.of("ommers do not match ommers_hash of block " + header.number());
    }
    Hash withdrawalsRoot = header.withdrawalsRoot();
    if ((withdrawalsRoot == null) != (body.withdrawals() == null)) {
      return Optional.of("withdrawals list present/absent contrary to the header of block " + header.number());
    }
    if (withdrawalsRoot != null && !BlockRoots.withdrawalsRoot(body.withdrawals()).equals(withdrawalsRoot)) {
      return Optional.of("withdrawals do not match withdrawals_root of block " + header.number());
    }
    return Optional.empty();
  }

  static Optional<String> checkReceipts(BlockHeader header, List<Receipt> receipts) {
    if (!BlockRoots.receiptsRoot(receipts).equals(header.receiptsRoot())) {
      return Optional.of("receipts do not match receipts_root of block " + header.number());
    }
    return Optional.empty();
  }

  /** True if the header commits to an empty body, which then needs no download. */
  static boolean hasEmptyBody(BlockHeader header) {
    return header.transactionsRoot().equals(BlockRoots.EMPTY_TRIE_ROOT)
        && header.ommersHash().equals(BlockRoots.EMPTY_OMMERS_HASH)
        && (header.withdrawalsRoot() == null || header.withdrawalsRoot().equals(BlockRoots.EMPTY_TRIE_ROOT));
  }

  static BlockBody emptyBody(BlockHeader header) {
    return header.withdrawalsRoot() == null ? BlockBody.EMPTY : new BlockBody(List.of(), List.of(), List.of());
  }
}
