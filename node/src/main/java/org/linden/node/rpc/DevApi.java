package org.linden.node.rpc;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.linden.node.dev.DevSealer;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;

/**
 * The dev-chain methods that test frameworks call (hardhat and anvil answer the same
 * way): {@code evm_mine} seals a block now, {@code evm_setAutomine} switches sealing on
 * each transaction on or off.
 */
public final class DevApi {
  private final DevSealer sealer;

  public DevApi(DevSealer sealer) {
    this.sealer = sealer;
  }

  public void register(RpcDispatcher d) {
    d.register("evm_mine", (p, s) -> {
      p.atMost(1);
      try {
        sealer.mine().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RpcException.server("interrupted while sealing");
      } catch (ExecutionException | TimeoutException e) {
        throw RpcException.server("could not seal a block: " + e);
      }
      return "0x0";
    });
    d.register("evm_setAutomine", (p, s) -> {
      p.atMost(1);
      p.required(0, "enabled");
      sealer.setAutomine(p.bool(0, "enabled", true));
      return true;
    });
  }
}
