package org.linden.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.ChainStore;
import org.linden.chain.tx.Transaction;
import org.linden.evm.ContractAddress;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * The {@code linden_} JSON-RPC namespace the explorer reads an address page from:
 * <ul>
 *   <li>{@code linden_getAddressTransactions(address, cursor?, limit?)} — transactions sent,
 *       received or creating a contract, newest first;</li>
 *   <li>{@code linden_getTokenTransfers(address, cursor?, limit?)} — ERC-20 and ERC-721
 *       transfers from or to it, newest first;</li>
 *   <li>{@code linden_indexStatus()} — whether the index is kept and how far it got.</li>
 * </ul>
 * A page answers {@code {"items": [...], "next": cursor-or-null}}; pass {@code next} back
 * as the cursor for the following page. With the index turned off the two listing methods
 * answer an error that says so.
 */
public final class LindenApi {
  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 100;

  private final AddressIndex index;
  private final ChainStore blocks;

  /** {@code index} is null when the node keeps no address index. */
  public LindenApi(AddressIndex index, ChainStore blocks) {
    this.index = index;
    this.blocks = blocks;
  }

  public void register(RpcDispatcher d) {
    d.register("linden_getAddressTransactions", (p, s) -> transactions(p));
    d.register("linden_getTokenTransfers", (p, s) -> transfers(p));
    d.register("linden_indexStatus", (p, s) -> {
      p.atMost(0);
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("enabled", index != null);
      if (index != null && index.indexedHead() >= 0) {
        o.put("indexedBlock", Quantity.of(index.indexedHead()));
      } else {
        o.putNull("indexedBlock");
      }
      return o;
    });
  }

  private JsonNode transactions(Params p) {
    Query q = query(p);
    Page<TransactionRef> page = index.transactions(q.address(), q.cursor(), q.limit());
    Map<Hash, Optional<BlockData>> cache = new HashMap<>();
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (TransactionRef ref : page.items()) {
      BlockData block = cache.computeIfAbsent(ref.blockHash(), this::load).orElse(null);
      if (block == null || ref.index() >= block.body().transactions().size()) {
        continue;
      }
      Transaction tx = block.body().transactions().get(ref.index());
      ObjectNode o = items.addObject();
      o.put("hash", tx.hash().toHex());
      o.put("blockNumber", Quantity.of(ref.blockNumber()));
      o.put("blockHash", ref.blockHash().toHex());
      o.put("transactionIndex", Quantity.of(ref.index()));
      o.put("timestamp", Quantity.of(block.header().timestamp()));
      o.put("from", ref.sender().toHex());
      if (tx.to() != null) {
        o.put("to", tx.to().toHex());
        o.putNull("contractAddress");
      } else {
        o.putNull("to");
        o.put("contractAddress", ContractAddress.of(ref.sender(), tx.nonce()).toHex());
      }
      o.put("value", Quantity.of(tx.value()));
      if (ref.index() < block.receipts().size() && block.receipts().get(ref.index()).hasStatus()) {
        o.put("status", block.receipts().get(ref.index()).succeeded() ? "0x1" : "0x0");
      } else {
        o.putNull("status");
      }
    }
    return result(items, page.next());
  }

  private JsonNode transfers(Params p) {
    Query q = query(p);
    Page<TransferRef> page = index.transfers(q.address(), q.cursor(), q.limit());
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (TransferRef ref : page.items()) {
      ObjectNode o = items.addObject();
      TokenTransfer t = ref.transfer();
      o.put("transactionHash", ref.transactionHash().toHex());
      o.put("blockNumber", Quantity.of(ref.blockNumber()));
      o.put("blockHash", ref.blockHash().toHex());
      o.put("transactionIndex", Quantity.of(ref.transactionIndex()));
      o.put("logIndex", Quantity.of(ref.logIndex()));
      o.put("standard", t.standard() == TokenTransfer.Standard.ERC20 ? "erc20" : "erc721");
      o.put("token", t.token().toHex());
      o.put("from", t.from().toHex());
      o.put("to", t.to().toHex());
      o.put(t.standard() == TokenTransfer.Standard.ERC20 ? "value" : "tokenId", Quantity.of(t.amount()));
    }
    return result(items, page.next());
  }

  private Query query(Params p) {
    if (index == null) {
      throw RpcException.server("the address index is turned off on this node (--explorer.index=false)");
    }
    p.atMost(3);
    Address address = p.address(0, "address");
    Cursor cursor = null;
    if (p.has(1)) {
      JsonNode c = p.raw().get(1);
      if (!c.isTextual()) {
        throw RpcException.invalidParams("invalid argument 1 (cursor): want the string a previous page returned");
      }
      try {
        cursor = Cursor.parse(c.textValue());
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams("invalid argument 1 (cursor): " + e.getMessage());
      }
    }
    long limit = p.has(2) ? p.quantity(2, "limit") : DEFAULT_LIMIT;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw RpcException.invalidParams("invalid argument 2 (limit): must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return new Query(address, cursor, (int) limit);
  }

  private static ObjectNode result(ArrayNode items, Cursor next) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("items", items);
    if (next == null) {
      o.putNull("next");
    } else {
      o.put("next", next.toString());
    }
    return o;
  }

  private Optional<BlockData> load(Hash hash) {
    Optional<BlockHeader> header = blocks.header(hash);
    Optional<BlockBody> body = blocks.body(hash);
    if (header.isEmpty() || body.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BlockData(header.get(), body.get(), blocks.receipts(hash).orElse(List.of())));
  }

  private record Query(Address address, Cursor cursor, int limit) {}

  private record BlockData(BlockHeader header, BlockBody body, List<Receipt> receipts) {}
}
