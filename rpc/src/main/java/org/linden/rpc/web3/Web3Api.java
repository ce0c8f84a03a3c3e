package org.linden.rpc.web3;

import org.linden.crypto.Keccak;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;

/** {@code web3_clientVersion} and {@code web3_sha3}. */
public final class Web3Api {
  private final String clientVersion;

  public Web3Api(String clientVersion) {
    this.clientVersion = clientVersion;
  }

  public void register(RpcDispatcher d) {
    d.register("web3_clientVersion", (p, s) -> {
      p.atMost(0);
      return clientVersion;
    });
    d.register("web3_sha3", (p, s) -> {
      p.atMost(1);
      return Quantity.data(Keccak.hash256(p.data(0, "data")).bytes());
    });
  }
}
