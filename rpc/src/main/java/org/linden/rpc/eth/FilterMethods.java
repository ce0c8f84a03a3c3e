package org.linden.rpc.eth;

import java.util.ArrayList;
import java.util.List;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;

/**
 * {@code eth_getLogs} and the polling filters: {@code eth_newFilter},
 * {@code eth_newBlockFilter}, {@code eth_newPendingTransactionFilter},
 * {@code eth_getFilterChanges}, {@code eth_getFilterLogs}, {@code eth_uninstallFilter}.
 */
final class FilterMethods {
  private final LogQuery query;
  private final FilterManager filters;

  FilterMethods(LogQuery query, FilterManager filters) {
    this.query = query;
    this.filters = filters;
  }

  void register(RpcDispatcher d) {
    d.register("eth_getLogs", (p, s) -> {
      p.atMost(1);
      return encode(query.run(LogFilter.parse(p.object(0, "filter"), 0, "filter")));
    });
    d.register("eth_newFilter", (p, s) -> {
      p.atMost(1);
      LogFilter f = LogFilter.parse(p.object(0, "filter"), 0, "filter");
      if (f.fromBlock() instanceof BlockParameter.Number from && f.toBlock() instanceof BlockParameter.Number to
          && Long.compareUnsigned(from.number(), to.number()) > 0) {
        throw RpcException.server("invalid block range params: fromBlock " + from.number() + " is after toBlock "
            + to.number());
      }
      return filters.install(FilterManager.Kind.LOGS, f);
    });
    d.register("eth_newBlockFilter", (p, s) -> {
      p.atMost(0);
      return filters.install(FilterManager.Kind.BLOCKS, null);
    });
    d.register("eth_newPendingTransactionFilter", (p, s) -> {
      p.atMost(0);
      return filters.install(FilterManager.Kind.PENDING_TRANSACTIONS, null);
    });
    d.register("eth_getFilterChanges", (p, s) -> {
      p.atMost(1);
      FilterManager.Changes c = filters.changes(EthParams.id(p, 0, "filter id"));
      if (c.kind() == FilterManager.Kind.LOGS) {
        return encode(c.logs());
      }
      return c.hashes().stream().map(h -> h.toHex()).toList();
    });
    d.register("eth_getFilterLogs", (p, s) -> {
      p.atMost(1);
      return encode(query.run(filters.logFilter(EthParams.id(p, 0, "filter id"))));
    });
    d.register("eth_uninstallFilter", (p, s) -> {
      p.atMost(1);
      return filters.uninstall(EthParams.id(p, 0, "filter id"));
    });
  }

  private static List<Object> encode(List<LogEntry> logs) {
    List<Object> out = new ArrayList<>(logs.size());
    logs.forEach(e -> out.add(RpcJson.log(e)));
    return out;
  }
}
