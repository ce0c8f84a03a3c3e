package org.linden.rpc;

import java.util.function.Consumer;

/**
 * The connection a request came in on. WebSocket sessions can push notifications
 * (subscriptions); HTTP sessions cannot.
 */
public interface RpcSession {
  /** True if the connection can carry server-pushed notifications. */
  boolean canPush();

  /** Sends a notification (a complete JSON-RPC message) on this connection. */
  void push(String json);

  /** Runs {@code onClose} when the connection closes (subscriptions clean up with it). */
  void onClose(Runnable onClose);

  /** A session for calls made without a connection (tests, in-process callers). */
  RpcSession NONE = new RpcSession() {
    @Override
    public boolean canPush() {
      return false;
    }

    @Override
    public void push(String json) {
      throw new UnsupportedOperationException("no connection to push to");
    }

    @Override
    public void onClose(Runnable onClose) {}
  };

  /** A session that collects pushed messages, for tests. */
  static RpcSession collecting(Consumer<String> sink) {
    return new RpcSession() {
      @Override
      public boolean canPush() {
        return true;
      }

      @Override
      public void push(String json) {
        sink.accept(json);
      }

      @Override
      public void onClose(Runnable onClose) {}
    };
  }
}
