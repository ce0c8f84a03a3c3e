package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.linden.chain.block.LogsBloom;
import org.linden.evm.Log;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * The criteria of a log query, filter or subscription (execution-apis {@code Filter}):
 * either a block range or one block by hash, any of a set of addresses, and per topic
 * position a set of alternatives.
 *
 * <p>Matching follows geth: an empty address set or topic set is a wildcard, and a log
 * with fewer topics than the filter has positions never matches, even when the extra
 * positions are wildcards.
 *
 * @param fromBlock the first block of the range, or null for {@code latest}
 * @param toBlock the last block of the range, or null for {@code latest}
 * @param blockHash the one block to search, or null for a range query
 * @param addresses the emitting contracts; empty for any
 * @param topics per position the accepted topics; an empty set accepts any
 */
public record LogFilter(BlockParameter fromBlock, BlockParameter toBlock, Hash blockHash, Set<Address> addresses,
    List<Set<Hash>> topics) {
  /** Topic positions a log can have (LOG0..LOG4), so more positions could never match. */
  public static final int MAX_TOPICS = 4;
  /** Addresses, and alternatives per topic position, that one filter may list. */
  public static final int MAX_ALTERNATIVES = 1000;

  public LogFilter {
    addresses = Set.copyOf(addresses);
    topics = topics.stream().map(Set::copyOf).toList();
  }

  /** A filter that accepts every log of the range. */
  public static LogFilter all(BlockParameter from, BlockParameter to) {
    return new LogFilter(from, to, null, Set.of(), List.of());
  }

  /** True if {@code log} meets the address and topic criteria (block bounds are not checked here). */
  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Hash> accepted = topics.get(i);
      if (!accepted.isEmpty() && !accepted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if a live log of block {@code number}/{@code hash} is within the filter's block
   * criteria. As in geth, only explicit numbers bound a live filter; tags such as
   * {@code latest} follow the head.
   */
  public boolean acceptsBlock(long number, Hash hash) {
    if (blockHash != null) {
      return blockHash.equals(hash);
    }
    if (fromBlock instanceof BlockParameter.Number n && Long.compareUnsigned(number, n.number()) < 0) {
      return false;
    }
    return !(toBlock instanceof BlockParameter.Number n && Long.compareUnsigned(number, n.number()) > 0);
  }

  /**
   * False if no log of a block with {@code bloom} can match: some address must be in the
   * bloom, and for each constrained position some alternative. Blooms have false
   * positives, so true only means the block's receipts must be read.
   */
  public boolean mightMatch(LogsBloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> bloom.mightContain(a.bytes()))) {
      return false;
    }
    for (Set<Hash> accepted : topics) {
      if (!accepted.isEmpty() && accepted.stream().noneMatch(t -> bloom.mightContain(t.bytes()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a filter object from argument {@code index}. Errors are -32602 naming the
   * argument and the offending field. Other keys are ignored, as geth ignores them, so
   * that clients sending extra fields keep working.
   */
  public static LogFilter parse(JsonNode n, int index, String name) {
    if (n == null || !n.isObject()) {
      throw bad(index, name, "expected a filter object");
    }
    Hash blockHash = null;
    if (present(n, "blockHash")) {
      if (present(n, "fromBlock") || present(n, "toBlock")) {
        throw bad(index, name, "cannot specify both blockHash and fromBlock/toBlock, choose one or the other");
      }
      blockHash = Params.parseHash(text(n.get("blockHash"), index, name + ".blockHash"), index, name + ".blockHash");
    }
    BlockParameter from = rangeBound(n, "fromBlock", index, name);
    BlockParameter to = rangeBound(n, "toBlock", index, name);
    return new LogFilter(from, to, blockHash, addresses(n.get("address"), index, name),
        topics(n.get("topics"), index, name));
  }

  private static boolean present(JsonNode n, String key) {
    return n.has(key) && !n.get(key).isNull();
  }

  private static BlockParameter rangeBound(JsonNode n, String key, int index, String name) {
    if (!present(n, key)) {
      return null;
    }
    JsonNode v = n.get(key);
    if (!v.isTextual()) {
      throw bad(index, name, key + ": expected a block number or tag");
    }
    BlockParameter p = Params.parseBlock(v, index, name + "." + key);
    if (p instanceof BlockParameter.ByHash) {
      throw bad(index, name, key + ": a block hash is not a range bound; use blockHash");
    }
    return p;
  }

  private static Set<Address> addresses(JsonNode n, int index, String name) {
    Set<Address> out = new LinkedHashSet<>();
    if (n == null || n.isNull()) {
      return out;
    }
    String field = name + ".address";
    if (n.isTextual()) {
      out.add(Params.parseAddress(n.textValue(), index, field));
      return out;
    }
    if (!n.isArray()) {
      throw bad(index, name, "address: expected an address or an array of addresses");
    }
    if (n.size() > MAX_ALTERNATIVES) {
      throw bad(index, name, "address: more than " + MAX_ALTERNATIVES + " addresses");
    }
    for (JsonNode a : n) {
      out.add(Params.parseAddress(text(a, index, field), index, field));
    }
    return out;
  }

  private static List<Set<Hash>> topics(JsonNode n, int index, String name) {
    List<Set<Hash>> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw bad(index, name, "topics: expected an array");
    }
    if (n.size() > MAX_TOPICS) {
      throw bad(index, name, "topics: more than " + MAX_TOPICS + " positions; a log has at most " + MAX_TOPICS);
    }
    for (int i = 0; i < n.size(); i++) {
      out.add(position(n.get(i), index, name + ".topics[" + i + "]"));
    }
    return out;
  }

  /** One topic position: null (any), a topic, or an array of alternatives in which a null means any. */
  private static Set<Hash> position(JsonNode n, int index, String field) {
    Set<Hash> accepted = new LinkedHashSet<>();
    if (n.isNull()) {
      return accepted;
    }
    if (n.isTextual()) {
      accepted.add(Params.parseHash(n.textValue(), index, field));
      return accepted;
    }
    if (!n.isArray()) {
      throw RpcException.invalidParams("invalid argument " + index + " (" + field
          + "): expected null, a topic or an array of topics");
    }
    if (n.size() > MAX_ALTERNATIVES) {
      throw RpcException.invalidParams("invalid argument " + index + " (" + field + "): more than "
          + MAX_ALTERNATIVES + " alternatives");
    }
    for (JsonNode t : n) {
      if (t.isNull()) {
        return new LinkedHashSet<>();
      }
      accepted.add(Params.parseHash(text(t, index, field), index, field));
    }
    return accepted;
  }

  private static String text(JsonNode n, int index, String field) {
    if (n == null || !n.isTextual()) {
      throw RpcException.invalidParams("invalid argument " + index + " (" + field + "): expected a hex string");
    }
    return n.textValue();
  }

  static RpcException bad(int index, String name, String why) {
    return RpcException.invalidParams("invalid argument " + index + " (" + name + "): " + why);
  }
}
