package org.linden.sync.eth;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.ForkId;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.TransactionCodec;
import org.linden.chain.tx.TransactionType;
import org.linden.rlp.RlpException;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Decodes {@code eth} message payloads into {@link EthMessage} records, strictly: canonical
 * RLP, exactly the fields of the message's form in the negotiated version, every nested
 * header, body, transaction and receipt valid as an encoding. Anything else is a
 * {@link MalformedMessageException} naming the message and the field; no other exception
 * leaves a decoder.
 */
public final class EthCodec {
  private EthCodec() {}

  /**
   * Decodes the payload of message {@code code} (relative to the capability's offset) as
   * version {@code version} defines it.
   */
  public static EthMessage decode(EthVersion version, int code, Bytes payload) throws MalformedMessageException {
    return switch (code) {
      case Status.CODE -> version.isAtLeast(EthVersion.ETH69) ? status69(payload) : status68(payload);
      case NewBlockHashes.CODE -> newBlockHashes(payload);
      case Transactions.CODE -> transactions(payload);
      case GetBlockHeaders.CODE -> getBlockHeaders(payload);
      case BlockHeaders.CODE -> blockHeaders(payload);
      case GetBlockBodies.CODE -> {
        MessageReader r = MessageReader.of("GetBlockBodies", payload);
        yield new GetBlockBodies(r.u64("request-id"), hashesThenDone(r, "blockhashes"));
      }
      case BlockBodies.CODE -> blockBodies(payload);
      case NewBlock.CODE -> newBlock(payload);
      case NewPooledTransactionHashes.CODE -> newPooledTransactionHashes(payload);
      case GetPooledTransactions.CODE -> {
        MessageReader r = MessageReader.of("GetPooledTransactions", payload);
        yield new GetPooledTransactions(r.u64("request-id"), hashesThenDone(r, "txhashes"));
      }
      case PooledTransactions.CODE -> pooledTransactions(payload);
      case GetReceipts.CODE -> {
        MessageReader r = MessageReader.of("GetReceipts", payload);
        yield new GetReceipts(r.u64("request-id"), hashesThenDone(r, "blockhashes"));
      }
      case Receipts.CODE -> receipts(version, payload);
      case BlockRangeUpdate.CODE -> {
        if (!version.isAtLeast(EthVersion.ETH69)) {
          throw unknownCode(version, code);
        }
        yield blockRangeUpdate(payload);
      }
      default -> throw unknownCode(version, code);
    };
  }

  private static MalformedMessageException unknownCode(EthVersion version, int code) {
    return new MalformedMessageException("eth/" + version.number(), "code",
        String.format("message code 0x%02x does not exist in this version", code));
  }

  private static List<Hash> hashesThenDone(MessageReader r, String field) throws MalformedMessageException {
    List<Hash> hashes = HashList.read(r, field);
    r.done();
    return hashes;
  }

  private static ForkId forkId(MessageReader r) throws MalformedMessageException {
    return r.item("forkid", reader -> ForkId.readFrom(reader));
  }

  private static Status.Eth68 status68(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("Status", payload);
    Status.Eth68 s = new Status.Eth68(r.u64("version"), r.u64("networkid"), r.u256("td"), r.hash("blockhash"),
        r.hash("genesis"), forkId(r));
    r.done();
    return s;
  }

  private static Status.Eth69 status69(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("Status", payload);
    long version = r.u64("version");
    long networkId = r.u64("networkid");
    Hash genesis = r.hash("genesis");
    ForkId forkId = forkId(r);
    long earliest = r.u64("earliest");
    long latest = r.u64("latest");
    Hash latestHash = r.hash("latestHash");
    r.done();
    if (Long.compareUnsigned(earliest, latest) > 0) {
      throw r.fail("earliest", "is after latest");
    }
    return new Status.Eth69(version, networkId, genesis, forkId, earliest, latest, latestHash);
  }

  private static NewBlockHashes newBlockHashes(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("NewBlockHashes", payload);
    List<NewBlockHashes.Announcement> out = new ArrayList<>();
    while (!r.isDone()) {
      MessageReader a = r.list("[" + out.size() + "]");
      Hash hash = a.hash("blockhash");
      long number = a.u64("number");
      a.done();
      out.add(new NewBlockHashes.Announcement(hash, number));
    }
    return new NewBlockHashes(out);
  }

  private static Transactions transactions(Bytes payload) throws MalformedMessageException {
    return new Transactions(MessageReader.of("Transactions", payload).rest(TransactionCodec::readFromBlock));
  }

  private static GetBlockHeaders getBlockHeaders(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("GetBlockHeaders", payload);
    long requestId = r.u64("request-id");
    MessageReader q = r.list("query");
    r.done();
    // The start block is a hash when it is 32 bytes long, otherwise a number.
    Bytes start = q.bytes("startblock");
    GetBlockHeaders.Origin origin;
    if (start.size() == Hash.SIZE) {
      origin = new GetBlockHeaders.ByHash(Hash.wrap(start));
    } else if (start.size() > 8) {
      throw q.fail("startblock", "expected a number of at most 8 bytes or a 32-byte hash, got " + start.size() + " bytes");
    } else if (start.size() == 1 && start.getUnsigned(0) < 0x80) {
      origin = new GetBlockHeaders.ByNumber(start.getUnsigned(0));
    } else {
      origin = new GetBlockHeaders.ByNumber(startNumber(q, start));
    }
    long limit = q.u64("limit");
    long skip = q.u64("skip");
    boolean reverse = q.bool("reverse");
    q.done();
    return new GetBlockHeaders(requestId, origin, limit, skip, reverse);
  }

  private static long startNumber(MessageReader q, Bytes start) throws MalformedMessageException {
    if (!start.isEmpty() && start.get(0) == 0) {
      throw q.fail("startblock", "number has a leading zero byte");
    }
    long v = 0;
    for (int i = 0; i < start.size(); i++) {
      v = (v << 8) | start.getUnsigned(i);
    }
    return v;
  }

  private static BlockHeaders blockHeaders(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("BlockHeaders", payload);
    long requestId = r.u64("request-id");
    MessageReader list = r.list("headers");
    r.done();
    return new BlockHeaders(requestId, list.rest(BlockHeader::readFrom));
  }

  private static BlockBodies blockBodies(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("BlockBodies", payload);
    long requestId = r.u64("request-id");
    MessageReader list = r.list("bodies");
    r.done();
    return new BlockBodies(requestId, list.rest(BlockBody::readFrom));
  }

  private static NewBlock newBlock(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("NewBlock", payload);
    Block block = r.item("block", Block::readFrom);
    NewBlock msg = new NewBlock(block, r.u256("td"));
    r.done();
    return msg;
  }

  private static NewPooledTransactionHashes newPooledTransactionHashes(Bytes payload)
      throws MalformedMessageException {
    MessageReader r = MessageReader.of("NewPooledTransactionHashes", payload);
    Bytes types = r.bytes("txtypes");
    MessageReader sizeList = r.list("txsizes");
    List<Long> sizes = new ArrayList<>();
    while (!sizeList.isDone()) {
      String field = "[" + sizes.size() + "]";
      long size = sizeList.u64(field);
      if (Long.compareUnsigned(size, NewPooledTransactionHashes.MAX_SIZE) > 0) {
        throw sizeList.fail(field, "size does not fit in 32 bits");
      }
      sizes.add(size);
    }
    List<Hash> hashes = HashList.read(r, "txhashes");
    r.done();
    if (types.size() != sizes.size() || sizes.size() != hashes.size()) {
      throw r.fail("txtypes", "types, sizes and hashes differ in length: " + types.size() + ", " + sizes.size()
          + ", " + hashes.size());
    }
    return new NewPooledTransactionHashes(types, sizes, hashes);
  }

  private static PooledTransactions pooledTransactions(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("PooledTransactions", payload);
    long requestId = r.u64("request-id");
    MessageReader list = r.list("txs");
    r.done();
    List<Bytes> txs = new ArrayList<>();
    while (!list.isDone()) {
      String field = "[" + txs.size() + "]";
      Bytes networkForm = list.nextIsList(field) ? list.raw(field) : list.bytes(field);
      txs.add(checkNetworkForm(list, field, networkForm));
    }
    return new PooledTransactions(requestId, txs);
  }

  /** A pooled transaction must decode: a blob transaction in its wrapped form, any other as in a block. */
  private static Bytes checkNetworkForm(MessageReader list, String field, Bytes tx) throws MalformedMessageException {
    if (tx.isEmpty()) {
      throw list.fail(field, "empty transaction");
    }
    int first = tx.getUnsigned(0);
    if (first >= 0x80 && first < 0xc0) {
      throw list.fail(field, "a string in the list must hold a typed transaction");
    }
    try {
      if (first == TransactionType.BLOB.code()) {
        BlobTransactionWithBlobs.decode(tx);
      } else {
        TransactionCodec.decode(tx);
      }
    } catch (org.linden.chain.tx.InvalidTransactionException | RlpException | IllegalArgumentException e) {
      throw list.fail(field, String.valueOf(e.getMessage()));
    }
    return tx;
  }

  private static Receipts receipts(EthVersion version, Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("Receipts", payload);
    long requestId = r.u64("request-id");
    MessageReader blocks = r.list("receipts");
    r.done();
    List<List<Receipt>> out = new ArrayList<>();
    while (!blocks.isDone()) {
      MessageReader block = blocks.list("[" + out.size() + "]");
      List<Receipt> receipts = new ArrayList<>();
      while (!block.isDone()) {
        String field = "[" + receipts.size() + "]";
        receipts.add(version.isAtLeast(EthVersion.ETH69)
            ? Eth69Receipt.read(block.list(field))
            : block.item(field, Receipt::readFromList));
      }
      out.add(receipts);
    }
    return new Receipts(version, requestId, out);
  }

  private static BlockRangeUpdate blockRangeUpdate(Bytes payload) throws MalformedMessageException {
    MessageReader r = MessageReader.of("BlockRangeUpdate", payload);
    long earliest = r.u64("earliest");
    long latest = r.u64("latest");
    Hash latestHash = r.hash("latestHash");
    r.done();
    if (Long.compareUnsigned(earliest, latest) > 0) {
      throw r.fail("earliest", "is after latest");
    }
    return new BlockRangeUpdate(earliest, latest, latestHash);
  }
}
