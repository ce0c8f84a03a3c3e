package org.linden.rpc.dev;

import java.util.function.Supplier;
import org.linden.rpc.RpcException;

/**
 * Calls into the {@link DevNode} with its two refusals turned into RPC errors: a value the
 * node refuses becomes invalid params naming the argument, a state in which it cannot act
 * becomes -32000. Anything else is a bug and reaches the dispatcher as an internal error.
 */
final class NodeCalls {
  private NodeCalls() {}

  static void run(int arg, String name, Runnable call) {
    get(arg, name, () -> {
      call.run();
      return null;
    });
  }

  /** For calls without arguments: any refusal is the node's state, not the caller's input. */
  static <T> T get(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw RpcException.server(e.getMessage());
    }
  }

  static <T> T get(int arg, String name, Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw DevParams.bad(arg, name, e.getMessage());
    } catch (IllegalStateException e) {
      throw RpcException.server(e.getMessage());
    }
  }
}
