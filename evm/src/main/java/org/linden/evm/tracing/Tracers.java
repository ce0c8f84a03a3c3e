package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.linden.evm.state.WorldState;
import org.linden.types.Fork;

/**
 * Builds geth's built-in tracers by name, for {@code debug_traceTransaction},
 * {@code debug_traceCall} and {@code debug_traceBlock*}. Each tracer reads the state it
 * runs on (the prestate tracer records accounts, the others the code a creation deployed)
 * and the fork (for gas figures geth reports differently from how they are charged).
 */
public final class Tracers {
  public static final String CALL_TRACER = "callTracer";
  public static final String PRESTATE_TRACER = "prestateTracer";

  private Tracers() {}

  /** The names {@link #create} accepts (besides none at all, for the struct logger). */
  public static List<String> names() {
    return List.of(CALL_TRACER, PRESTATE_TRACER);
  }

  /**
   * A fresh tracer for one transaction. {@code name} null or empty means the struct
   * logger, whose options ({@code enableMemory}, {@code disableStack}, {@code limit}, ...)
   * geth reads from the trace options object itself; for a named tracer {@code config} is
   * the {@code tracerConfig} object. A null config means defaults.
   *
   * @throws TracerException for an unknown name ({@link TracerException.Reason#UNKNOWN_TRACER})
   *     or a malformed configuration ({@link TracerException.Reason#INVALID_CONFIG})
   */
  public static GethTracer create(String name, JsonNode config, WorldState state, Fork fork) {
    if (name == null || name.isEmpty()) {
      return new StructLogger(StructLogger.Config.from(config), state, fork);
    }
    return switch (name) {
      case CALL_TRACER -> new CallTracer(CallTracer.Config.from(config), state, fork);
      case PRESTATE_TRACER -> new PrestateTracer(PrestateTracer.Config.from(config), state, fork);
      default -> throw new TracerException(TracerException.Reason.UNKNOWN_TRACER,
          "unknown tracer " + quote(name) + "; available: " + String.join(", ", names())
              + ", or none for the struct logger");
    };
  }

  /**
   * A tracer from a whole trace options object as the JSON-RPC methods receive it:
   * {@code tracer} names it, {@code tracerConfig} configures a named tracer, and the
   * struct logger's options sit beside them.
   */
  public static GethTracer fromTraceOptions(JsonNode options, WorldState state, Fork fork) {
    if (options == null || options.isNull() || options.isMissingNode()) {
      return create(null, null, state, fork);
    }
    if (!options.isObject()) {
      throw ConfigReader.invalid("trace options must be a JSON object");
    }
    JsonNode tracer = options.get("tracer");
    if (tracer == null || tracer.isNull()) {
      return create(null, options, state, fork);
    }
    if (!tracer.isTextual()) {
      throw ConfigReader.invalid("tracer must be a string, not " + tracer);
    }
    return create(tracer.textValue(), options.get("tracerConfig"), state, fork);
  }

  private static String quote(String name) {
    String shown = name.length() > 64 ? name.substring(0, 61) + "..." : name;
    return '"' + shown + '"';
  }
}
