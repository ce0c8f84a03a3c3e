package org.linden.chain.block;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * The part of a block that the header commits to by roots: transactions, ommer headers and,
 * from Shanghai on, withdrawals. This is also what the {@code eth} protocol's
 * {@code BlockBodies} message carries for each block.
 *
 * @param transactions the transactions in block order
 * @param ommers the ommer ("uncle") headers; always empty after the merge
 * @param withdrawals the withdrawals (Shanghai on), or null for a body of an earlier fork
 *     (a body without the fourth list is a different encoding from one with an empty list)
 */
public record BlockBody(List<Transaction> transactions, List<BlockHeader> ommers, List<Withdrawal> withdrawals) {
  /** The body of a pre-Shanghai block with nothing in it. */
  public static final BlockBody EMPTY = new BlockBody(List.of(), List.of(), null);

  public BlockBody {
    transactions = List.copyOf(transactions);
    ommers = List.copyOf(ommers);
    withdrawals = withdrawals == null ? null : List.copyOf(withdrawals);
  }

  /** True if the body carries a withdrawals list (possibly empty). */
  public boolean hasWithdrawals() {
    return withdrawals != null;
  }

  /** Appends the body's lists (not wrapped in a list of their own) to {@code w}. */
  void writeItems(RlpWriter w) {
    w.startList();
    for (Transaction tx : transactions) {
      TransactionCodec.writeToBlock(w, tx);
    }
    w.endList();
    w.startList();
    for (BlockHeader ommer : ommers) {
      ommer.writeTo(w);
    }
    w.endList();
    if (withdrawals != null) {
      w.startList();
      for (Withdrawal wd : withdrawals) {
        wd.writeTo(w);
      }
      w.endList();
    }
  }

  /** Appends the body as one RLP list {@code [txs, ommers]} or {@code [txs, ommers, withdrawals]}. */
  public void writeTo(RlpWriter w) {
    w.startList();
    writeItems(w);
    w.endList();
  }

  /** The body as one RLP list, the form of an entry of the {@code eth} {@code BlockBodies} message. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(512);
    writeTo(w);
    return w.toBytes();
  }

  /** Decodes a body that is all of {@code rlp}. */
  public static BlockBody decode(Bytes rlp) throws InvalidBlockException {
    return readItems(Fields.ofList(rlp, "body"));
  }

  /** Reads the next item of {@code reader}, which must be a body list. */
  public static BlockBody readFrom(RlpReader reader) throws InvalidBlockException {
    return readItems(Fields.of(reader, "body").list("body"));
  }

  /** Reads the body's lists from {@code f}, which is positioned at the transaction list. */
  static BlockBody readItems(Fields f) throws InvalidBlockException {
    Fields txList = f.list("transactions");
    List<Transaction> txs = new ArrayList<>();
    while (!txList.isDone()) {
      try {
        txs.add(TransactionCodec.readFromBlock(txList.reader()));
      } catch (InvalidTransactionException e) {
        throw new InvalidBlockException(Reason.INVALID_TRANSACTION,
            f.what() + ".transactions[" + txs.size() + "]: " + e, e);
      }
    }
    Fields ommerList = f.list("ommers");
    List<BlockHeader> ommers = new ArrayList<>();
    while (!ommerList.isDone()) {
      ommers.add(BlockHeader.read(ommerList.list("ommers[" + ommers.size() + "]")));
    }
    List<Withdrawal> withdrawals = null;
    if (!f.isDone()) {
      Fields wdList = f.list("withdrawals");
      withdrawals = new ArrayList<>();
      while (!wdList.isDone()) {
        withdrawals.add(Withdrawal.read(wdList.list("withdrawals[" + withdrawals.size() + "]")));
      }
    }
    f.done();
    return new BlockBody(txs, ommers, withdrawals);
  }
}
