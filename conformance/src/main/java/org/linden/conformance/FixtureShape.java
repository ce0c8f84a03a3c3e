package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks on the shape of a fixture file, used to recognise formats by content. */
final class FixtureShape {
  private FixtureShape() {}

  /** True if root is a non-empty object whose every value is an object with all of {@code keys}. */
  static boolean everyCaseHas(JsonNode root, String... keys) {
    if (root == null || !root.isObject() || root.isEmpty()) {
      return false;
    }
    for (JsonNode c : root) {
      if (!c.isObject()) {
        return false;
      }
      for (String k : keys) {
        if (!c.has(k)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True if root is an object and some case has {@code key}. */
  static boolean anyCaseHas(JsonNode root, String key) {
    if (root == null || !root.isObject()) {
      return false;
    }
    for (JsonNode c : root) {
      if (c.isObject() && c.has(key)) {
        return true;
      }
    }
    return false;
  }
}
