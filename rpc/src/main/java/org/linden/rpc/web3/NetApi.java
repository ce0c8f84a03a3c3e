package org.linden.rpc.web3;

import java.util.function.IntSupplier;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;

/** {@code net_version}, {@code net_listening} and {@code net_peerCount}. */
public final class NetApi {
  private final long networkId;
  private final IntSupplier peerCount;

  public NetApi(long networkId, IntSupplier peerCount) {
    this.networkId = networkId;
    this.peerCount = peerCount;
  }

  public void register(RpcDispatcher d) {
    // net_version is a decimal string, unlike every other number in the API.
    d.register("net_version", (p, s) -> Long.toUnsignedString(networkId));
    d.register("net_listening", (p, s) -> true);
    d.register("net_peerCount", (p, s) -> Quantity.of(peerCount.getAsInt()));
  }
}
