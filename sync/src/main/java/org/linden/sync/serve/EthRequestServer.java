package org.linden.sync.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.rlp.RlpWriter;
import org.linden.sync.eth.BlockBodies;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.EthMessage;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.GetBlockBodies;
import org.linden.sync.eth.GetBlockHeaders;
import org.linden.sync.eth.GetPooledTransactions;
import org.linden.sync.eth.GetReceipts;
import org.linden.sync.eth.PooledTransactions;
import org.linden.sync.eth.Receipts;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Answers a peer's {@code eth} data requests from the local chain and pool. Pure: no I/O of
 * its own, no state between calls; the transport decodes a request, calls {@link #answer}
 * and sends what comes back. Every answer respects {@link ServeLimits}, whatever the peer
 * asked for, and never fails: what is unknown is left out, as the spec allows.
 */
public final class EthRequestServer {
  private final ChainView chain;
  private final PoolView pool;
  private final ServeLimits limits;

  public EthRequestServer(ChainView chain, PoolView pool, ServeLimits limits) {
    this.chain = chain;
    this.pool = pool;
    this.limits = limits;
  }

  /** The response to a request message, or empty if {@code message} is not a request this server answers. */
  public Optional<EthMessage> answer(EthMessage message, EthVersion version) {
    return Optional.ofNullable(switch (message) {
      case GetBlockHeaders m -> headers(m);
      case GetBlockBodies m -> bodies(m);
      case GetReceipts m -> receipts(m, version);
      case GetPooledTransactions m -> pooledTransactions(m);
      default -> null;
    });
  }

  /**
   * Headers from the origin, {@code skip + 1} apart, along the canonical chain. An origin given
   * by hash that is not canonical yields only that header: its descendants cannot be found
   * by number.
   */
  public BlockHeaders headers(GetBlockHeaders request) {
    long wanted = Long.compareUnsigned(request.limit(), limits.maxHeaders()) > 0 ? limits.maxHeaders() : request.limit();
    List<BlockHeader> out = new ArrayList<>();
    Optional<BlockHeader> first = switch (request.origin()) {
      case GetBlockHeaders.ByHash h -> chain.header(h.hash());
      case GetBlockHeaders.ByNumber n -> chain.canonicalHeader(n.number());
    };
    if (first.isEmpty() || wanted == 0) {
      return new BlockHeaders(request.requestId(), out);
    }
    BlockHeader header = first.get();
    boolean canonical = chain.canonicalHash(header.number()).filter(header.hash()::equals).isPresent();
    int bytes = 0;
    while (true) {
      out.add(header);
      bytes += header.encode().size();
      if (out.size() >= wanted || bytes >= limits.softResponseBytes() || !canonical) {
        break;
      }
      OptionalNumber next = step(header.number(), request.skip(), request.reverse());
      if (next.absent()) {
        break;
      }
      Optional<BlockHeader> h = chain.canonicalHeader(next.value());
      if (h.isEmpty()) {
        break;
      }
      header = h.get();
    }
    return new BlockHeaders(request.requestId(), out);
  }

  /** A block number or nothing, without boxing. */
  private record OptionalNumber(boolean absent, long value) {}

  /** The next number {@code skip + 1} away, or absent when that leaves the range of numbers. */
  private static OptionalNumber step(long number, long skip, boolean reverse) {
    long distance = skip + 1;
    if (distance == 0) { // skip was 2^64-1
      return new OptionalNumber(true, 0);
    }
    if (reverse) {
      return Long.compareUnsigned(number, distance) < 0
          ? new OptionalNumber(true, 0) : new OptionalNumber(false, number - distance);
    }
    long next = number + distance;
    return Long.compareUnsigned(next, number) < 0 ? new OptionalNumber(true, 0) : new OptionalNumber(false, next);
  }

  /** Bodies in request order; unknown blocks are left out. */
  public BlockBodies bodies(GetBlockBodies request) {
    List<BlockBody> out = new ArrayList<>();
    int bytes = 0;
    List<Hash> hashes = request.blockHashes();
    for (int i = 0; i < hashes.size() && i < limits.maxBodies() && bytes < limits.softResponseBytes(); i++) {
      Optional<BlockBody> body = chain.body(hashes.get(i));
      if (body.isPresent()) {
        out.add(body.get());
        bytes += body.get().encode().size();
      }
    }
    return new BlockBodies(request.requestId(), out);
  }

  /** Each block's complete receipt list, in the version's encoding; unknown blocks are left out. */
  public Receipts receipts(GetReceipts request, EthVersion version) {
    List<List<Receipt>> out = new ArrayList<>();
    int bytes = 0;
    List<Hash> hashes = request.blockHashes();
    for (int i = 0; i < hashes.size() && i < limits.maxReceipts() && bytes < limits.softResponseBytes(); i++) {
      Optional<List<Receipt>> receipts = chain.receipts(hashes.get(i));
      if (receipts.isPresent()) {
        out.add(receipts.get());
        bytes += receiptsSize(receipts.get());
      }
    }
    return new Receipts(version, request.requestId(), out);
  }

  private static int receiptsSize(List<Receipt> receipts) {
    RlpWriter w = new RlpWriter(256);
    w.startList();
    for (Receipt r : receipts) {
      r.writeToList(w);
    }
    w.endList();
    return w.size();
  }

  /** Pool transactions in request order; those no longer in the pool are left out. */
  public PooledTransactions pooledTransactions(GetPooledTransactions request) {
    List<Bytes> out = new ArrayList<>();
    int bytes = 0;
    List<Hash> hashes = request.transactionHashes();
    for (int i = 0; i < hashes.size() && i < limits.maxPooledTransactions() && bytes < limits.softResponseBytes(); i++) {
      Optional<Bytes> tx = pool.networkForm(hashes.get(i));
      if (tx.isPresent()) {
        out.add(tx.get());
        bytes += tx.get().size();
      }
    }
    return new PooledTransactions(request.requestId(), out);
  }
}
