package org.linden.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * How much to log: a level for everything, optionally followed by levels for single modules, as
 * in {@code info,p2p=debug,sync=trace}. A module is a package under {@code org.linden} (its first
 * part, such as {@code p2p}, or a deeper one, such as {@code p2p.discovery}).
 *
 * @param root the level of every logger not named otherwise
 * @param modules levels by module, in the order given
 */
public record LogLevels(Level root, Map<String, Level> modules) {
  private static final Set<String> NAMES = Set.of("off", "error", "warn", "info", "debug", "trace");

  public LogLevels {
    modules = Map.copyOf(modules);
  }

  /** Parses {@code LEVEL[,MODULE=LEVEL...]}; a clear message names what is wrong. */
  public static LogLevels parse(String spec) {
    String[] parts = spec.split(",", -1);
    Level root = level(parts[0]);
    Map<String, Level> modules = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + part + "' is not MODULE=LEVEL (as in p2p=debug)");
      }
      String module = part.substring(0, eq).trim();
      if (!module.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*")) {
        throw new IllegalArgumentException("'" + module + "' is not a module name (as in p2p or sync.net)");
      }
      modules.put(module, level(part.substring(eq + 1)));
    }
    return new LogLevels(root, modules);
  }

  private static Level level(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(n)) {
      throw new IllegalArgumentException("unknown log level '" + name.trim() + "' (off, error, warn, info, debug"
          + " or trace)");
    }
    return Level.toLevel(n);
  }

  /** Sets these levels on the running logback configuration. */
  public void apply() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(root);
    modules.forEach((module, level) -> context.getLogger("org.linden." + module).setLevel(level));
  }
}
