package org.linden.chain.block;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.chain.tx.Transaction;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A complete block: its header and its body. The RLP is {@code [header, transactions, ommers]}
 * before Shanghai and {@code [header, transactions, ommers, withdrawals]} from Shanghai on;
 * this is the encoding of {@code chain.rlp} files, of the {@code eth} {@code NewBlock}
 * message and of the {@code rlp} field of blockchain tests.
 *
 * <p>Decoding is strict (canonical RLP, field sizes, nothing left over, a withdrawals list
 * exactly when the header has a withdrawals root) but checks no consensus rule: for
 * instance, it does not compare the roots in the header with the body.
 */
public record Block(BlockHeader header, BlockBody body) {
  public Block {
    if (header == null || body == null) {
      throw new IllegalArgumentException("a block needs a header and a body");
    }
    if (body.hasWithdrawals() != (header.withdrawalsRoot() != null)) {
      throw new IllegalArgumentException(withdrawalsMismatch(header));
    }
  }

  private static String withdrawalsMismatch(BlockHeader header) {
    return header.withdrawalsRoot() != null
        ? "block: the header has withdrawals_root but the body has no withdrawals list"
        : "block: the body has a withdrawals list but the header has no withdrawals_root";
  }

  /** The block hash, i.e. the header's hash. */
  public Hash hash() {
    return header.hash();
  }

  public long number() {
    return header.number();
  }

  public List<Transaction> transactions() {
    return body.transactions();
  }

  /** The canonical RLP of the block. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(1024);
    writeTo(w);
    return w.toBytes();
  }

  /** Appends the block as one RLP list. */
  public void writeTo(RlpWriter w) {
    w.startList();
    header.writeTo(w);
    body.writeItems(w);
    w.endList();
  }

  /** Decodes a block that is all of {@code rlp}. */
  public static Block decode(Bytes rlp) throws InvalidBlockException {
    return read(Fields.ofList(rlp, "block"));
  }

  /** Reads the next item of {@code reader}, which must be a block. */
  public static Block readFrom(RlpReader reader) throws InvalidBlockException {
    return read(Fields.of(reader, "block").list("block"));
  }

  /**
   * Decodes a concatenation of blocks, the format of {@code chain.rlp} files written by
   * {@code geth export} and read by {@code geth import}.
   */
  public static List<Block> decodeAll(Bytes concatenated) throws InvalidBlockException {
    RlpReader reader = RlpReader.of(concatenated);
    List<Block> blocks = new ArrayList<>();
    while (!reader.isDone()) {
      int at = reader.position();
      try {
        blocks.add(readFrom(reader));
      } catch (InvalidBlockException e) {
        throw new InvalidBlockException(e.reason(),
            "block " + blocks.size() + " of the stream (at byte " + at + "): " + e.getMessage(), e);
      }
    }
    return blocks;
  }

  static Block read(Fields f) throws InvalidBlockException {
    if (f.isDone()) {
      throw new InvalidBlockException(Reason.WRONG_FIELD_COUNT, "block: empty list, expected a header first");
    }
    BlockHeader header = BlockHeader.read(f.list("header"));
    BlockBody body;
    try {
      body = BlockBody.readItems(f);
    } catch (RlpException e) {
      throw f.fail("body", e);
    }
    // The header's shape decides whether the fourth list exists (Shanghai on), so a
    // mismatch is an encoding error, not merely an invalid block.
    if (body.hasWithdrawals() != (header.withdrawalsRoot() != null)) {
      throw new InvalidBlockException(Reason.WRONG_FIELD_COUNT, withdrawalsMismatch(header));
    }
    return new Block(header, body);
  }
}
