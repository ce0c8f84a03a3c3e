package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.linden.rpc.RpcException;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * The JSON-RPC errors of a failed call: a revert is error {@code 3} with the revert data as
 * {@code data} and, when the data is a Solidity {@code Error(string)} or
 * {@code Panic(uint256)}, the decoded reason after "execution reverted: "; an exceptional
 * halt or a refused call is {@code -32000} with the reason.
 */
public final class CallErrors {
  private static final Bytes ERROR_SELECTOR = Bytes.fromHex("0x08c379a0");
  private static final Bytes PANIC_SELECTOR = Bytes.fromHex("0x4e487b71");
  /** Solidity's panic codes, worded as geth (and ethers) word them. */
  private static final Map<Long, String> PANIC_REASONS = Map.of(
      0x00L, "generic panic",
      0x01L, "assert(false)",
      0x11L, "arithmetic underflow or overflow",
      0x12L, "division or modulo by zero",
      0x21L, "enum overflow",
      0x22L, "invalid encoded storage byte array accessed",
      0x31L, "out-of-bounds array access; popping on an empty array",
      0x32L, "out-of-bounds access of an array or bytesN",
      0x41L, "out of memory",
      0x51L, "uninitialized function");

  private CallErrors() {}

  /** The error for a call that did not succeed. */
  public static RpcException failed(CallResult r) {
    if (r.reverted()) {
      return reverted(r.output());
    }
    return RpcException.server(r.errorMessage());
  }

  /** Error 3, "execution reverted[: reason]", data = the revert data. */
  public static RpcException reverted(Bytes data) {
    return new RpcException(RpcException.EXECUTION_REVERTED, revertMessage(data), TextNode.valueOf(data.toHex()));
  }

  public static String revertMessage(Bytes data) {
    return revertReason(data).map(r -> "execution reverted: " + r).orElse("execution reverted");
  }

  /** A refused call (fees, funds, intrinsic gas): -32000 with the reason. */
  public static RpcException rejected(CallRejectedException e) {
    return RpcException.server(e.getMessage());
  }

  /** The human-readable reason in revert data, if it is an {@code Error(string)} or a {@code Panic(uint256)}. */
  public static Optional<String> revertReason(Bytes data) {
    if (data.size() < 4) {
      return Optional.empty();
    }
    Bytes selector = data.slice(0, 4);
    Bytes payload = data.slice(4);
    if (selector.equals(ERROR_SELECTOR)) {
      return errorString(payload);
    }
    if (selector.equals(PANIC_SELECTOR) && payload.size() >= 32) {
      UInt256 code = UInt256.fromBytes(payload.slice(0, 32));
      String known = code.fitsInLong() ? PANIC_REASONS.get(code.longValue()) : null;
      return Optional.of(known != null ? known : "unknown panic code: " + code.toHexString());
    }
    return Optional.empty();
  }

  /** ABI-decodes a single {@code string}: a 32-byte offset, then at it a 32-byte length and the bytes. */
  private static Optional<String> errorString(Bytes payload) {
    if (payload.size() < 64) {
      return Optional.empty();
    }
    UInt256 offset = UInt256.fromBytes(payload.slice(0, 32));
    if (!offset.fitsInInt() || offset.toIntExact() > payload.size() - 32) {
      return Optional.empty();
    }
    int at = offset.toIntExact();
    UInt256 length = UInt256.fromBytes(payload.slice(at, 32));
    if (!length.fitsInInt() || length.toIntExact() > payload.size() - at - 32) {
      return Optional.empty();
    }
    return Optional.of(new String(payload.slice(at + 32, length.toIntExact()).toArray(), StandardCharsets.UTF_8));
  }
}
