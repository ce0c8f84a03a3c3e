package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON-RPC server the light client asks; nothing it answers is trusted unchecked. */
public interface Upstream {
  /** A name for messages (its URL). */
  String name();

  /**
   * Calls {@code method} and returns its result (JSON null for a null result).
   *
   * @throws UpstreamException when the server is unreachable or answers with an error
   */
  JsonNode call(String method, Object... params);
}
