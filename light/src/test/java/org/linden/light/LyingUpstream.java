package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;

/** A proxy that passes calls to an honest upstream and lets a test alter the answers. */
final class LyingUpstream implements Upstream {
  private final Upstream honest;
  private final BiFunction<String, JsonNode, JsonNode> alter;

  LyingUpstream(Upstream honest, BiFunction<String, JsonNode, JsonNode> alter) {
    this.honest = honest;
    this.alter = alter;
  }

  @Override
  public String name() {
    return "liar";
  }

  @Override
  public JsonNode call(String method, Object... params) {
    return alter.apply(method, honest.call(method, params).deepCopy());
  }
}
