package org.linden.rpc;

/** Receives a measurement per handled request (method, error or not, duration). */
@FunctionalInterface
public interface RpcMetrics {
  RpcMetrics NONE = (method, error, nanos) -> {};

  void record(String method, boolean error, long nanos);
}
