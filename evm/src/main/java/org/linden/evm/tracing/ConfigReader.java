package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a tracer's JSON configuration as geth does: missing or {@code null} fields keep
 * their defaults, unknown fields are ignored, a field of the wrong type is an error.
 */
final class ConfigReader {
  private final JsonNode config;
  private final String tracer;

  ConfigReader(String tracer, JsonNode config) {
    if (config != null && !config.isNull() && !config.isMissingNode() && !config.isObject()) {
      throw invalid("the configuration of " + tracer + " must be a JSON object");
    }
    this.tracer = tracer;
    this.config = config == null || !config.isObject() ? null : config;
  }

  boolean bool(String field) {
    JsonNode v = field(field);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw invalid(tracer + " option " + field + " must be a boolean, not " + v);
    }
    return v.booleanValue();
  }

  /** A non-negative integer that fits in an int; 0 when absent. */
  int count(String field) {
    JsonNode v = field(field);
    if (v == null) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      throw invalid(tracer + " option " + field + " must be a non-negative integer, not " + v);
    }
    return v.intValue();
  }

  private JsonNode field(String name) {
    if (config == null) {
      return null;
    }
    JsonNode v = config.get(name);
    return v == null || v.isNull() ? null : v;
  }

  static TracerException invalid(String message) {
    return new TracerException(TracerException.Reason.INVALID_CONFIG, message);
  }
}
