package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.chain.block.Withdrawal;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.types.Hash;

/**
 * Bodies and receipts of verified headers: transactions fetched raw and checked against the
 * transactions root, withdrawals against the withdrawals root, receipts rebuilt and checked
 * against the receipts root. Nothing unchecked leaves this class.
 */
public final class VerifiedBlocks {
  private final UpstreamPool upstreams;

  public VerifiedBlocks(UpstreamPool upstreams) {
    this.upstreams = upstreams;
  }

  /** The body of {@code header}, verified. */
  public Block block(BlockHeader header) {
    return upstreams.query(u -> block(u, header));
  }

  /** The receipts of {@code block}, verified. */
  public List<Receipt> receipts(Block block) {
    return upstreams.query(u -> receipts(u, block.header()));
  }

  private static Block block(Upstream u, BlockHeader header) {
    Hash hash = header.hash();
    if (!header.ommersHash().equals(BlockRoots.EMPTY_OMMERS_HASH)) {
      throw new VerificationException("block " + header.number() + " has ommers, which a QBFT chain never has");
    }
    JsonNode json = u.call("eth_getBlockByHash", hash.toHex(), false);
    if (json.isNull() || !json.path("transactions").isArray()) {
      throw new VerificationException("the server does not serve the body of verified block " + header.number());
    }
    int count = json.get("transactions").size();
    List<Transaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      JsonNode raw = u.call("eth_getRawTransactionByBlockHashAndIndex", hash.toHex(), "0x" + Integer.toHexString(i));
      if (!raw.isTextual()) {
        throw new VerificationException("transaction " + i + " of block " + header.number() + " is missing");
      }
      try {
        txs.add(TransactionCodec.decode(JsonFields.data(raw.asText(), "raw transaction")));
      } catch (InvalidTransactionException e) {
        throw new VerificationException("transaction " + i + " of block " + header.number() + " is malformed: " + e.getMessage());
      }
    }
    Hash txRoot = BlockRoots.transactionsRoot(txs);
    if (!txRoot.equals(header.transactionsRoot())) {
      throw new VerificationException("the transactions of block " + header.number() + " give root " + txRoot
          + ", not the verified transactions root " + header.transactionsRoot());
    }
    List<Withdrawal> withdrawals = null;
    if (header.withdrawalsRoot() != null) {
      withdrawals = new ArrayList<>();
      for (JsonNode w : json.path("withdrawals")) {
        withdrawals.add(new Withdrawal(JsonFields.quantity(w, "index"), JsonFields.quantity(w, "validatorIndex"),
            JsonFields.address(w, "address"), JsonFields.quantity(w, "amount")));
      }
      if (!BlockRoots.withdrawalsRoot(withdrawals).equals(header.withdrawalsRoot())) {
        throw new VerificationException("the withdrawals of block " + header.number() + " do not match its withdrawals root");
      }
    }
    return new Block(header, new BlockBody(txs, List.of(), withdrawals));
  }

  private static List<Receipt> receipts(Upstream u, BlockHeader header) {
    JsonNode json = u.call("eth_getBlockReceipts", header.hash().toHex());
    if (!json.isArray()) {
      throw new VerificationException("the server does not serve the receipts of verified block " + header.number());
    }
    List<Receipt> receipts = new ArrayList<>();
    json.forEach(r -> receipts.add(ReceiptJson.parse(r)));
    Hash root = BlockRoots.receiptsRoot(receipts);
    if (!root.equals(header.receiptsRoot())) {
      throw new VerificationException("the receipts of block " + header.number() + " give root " + root
          + ", not the verified receipts root " + header.receiptsRoot());
    }
    return receipts;
  }
}
