package org.linden.explorer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linden.chain.block.Block;
import org.linden.chain.block.Receipt;
import org.linden.chain.tx.Transaction;
import org.linden.evm.ContractAddress;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * What the address index holds for one block: for each transaction an entry under its
 * sender, its recipient and the contract it created; for each token transfer an entry
 * under both parties. The same key twice (a transfer to oneself) is one entry.
 *
 * <p>Values: a transaction entry is {@code blockHash (32) ‖ sender (20)}; a transfer entry
 * is {@code blockHash (32) ‖ txIndex (4) ‖ txHash (32) ‖ standard (1) ‖ token (20) ‖
 * from (20) ‖ to (20) ‖ amount (32)}, complete enough that a page needs no other read.
 */
final class BlockEntries {
  static final int TX_VALUE = 32 + 20;
  static final int TRANSFER_VALUE = 32 + 4 + 32 + 1 + 20 + 20 + 20 + 32;

  private BlockEntries() {}

  /** Keys (as map keys wrapped for equality) to values, in insertion order. */
  static Map<Key, byte[]> of(Block block, List<Receipt> receipts, SenderLookup senders) {
    Map<Key, byte[]> entries = new LinkedHashMap<>();
    byte[] blockHash = block.hash().bytes().toArray();
    long number = block.number();
    List<Transaction> txs = block.transactions();
    int logIndex = 0;
    for (int i = 0; i < txs.size(); i++) {
      Transaction tx = txs.get(i);
      Address sender = senders.of(tx, block.header());
      byte[] value = ByteBuffer.allocate(TX_VALUE).put(blockHash).put(sender.bytes().unsafeArray()).array();
      List<Address> touched = new ArrayList<>(2);
      touched.add(sender);
      touched.add(tx.to() != null ? tx.to() : ContractAddress.of(sender, tx.nonce()));
      for (Address a : touched) {
        entries.put(new Key(IndexKeys.entry(IndexKeys.TRANSACTION, a, number, i)), value);
      }
      if (i >= receipts.size()) {
        continue;
      }
      Hash txHash = null;
      for (Log log : receipts.get(i).logs()) {
        int position = logIndex++;
        var transfer = TokenTransfer.of(log);
        if (transfer.isEmpty()) {
          continue;
        }
        if (txHash == null) {
          txHash = tx.hash();
        }
        TokenTransfer t = transfer.get();
        byte[] v = ByteBuffer.allocate(TRANSFER_VALUE).put(blockHash).putInt(i).put(txHash.bytes().unsafeArray())
            .put((byte) t.standard().ordinal()).put(t.token().bytes().unsafeArray())
            .put(t.from().bytes().unsafeArray()).put(t.to().bytes().unsafeArray())
            .put(t.amount().toBytes32().unsafeArray()).array();
        entries.put(new Key(IndexKeys.entry(IndexKeys.TRANSFER, t.from(), number, position)), v);
        entries.put(new Key(IndexKeys.entry(IndexKeys.TRANSFER, t.to(), number, position)), v);
      }
    }
    return entries;
  }

  /** A key with value equality, so that duplicate entries collapse. */
  record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }
  }
}
