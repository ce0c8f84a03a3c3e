package org.linden.node.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;

/**
 * One JSON object per log event on one line: {@code time} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code msg} and, for a failure, {@code error} with the
 * stack trace, so log shippers need no pattern to parse Linden's logs.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder b = new StringBuilder(256).append('{');
    field(b, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString()).append(',');
    field(b, "level", event.getLevel().toString()).append(',');
    field(b, "logger", event.getLoggerName()).append(',');
    field(b, "thread", event.getThreadName()).append(',');
    field(b, "msg", event.getFormattedMessage());
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      b.append(',');
      field(b, "error", ThrowableProxyUtil.asString(error));
    }
    return b.append("}\n").toString();
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    b.append('"').append(name).append("\":");
    if (value == null) {
      return b.append("null");
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"');
  }
}
