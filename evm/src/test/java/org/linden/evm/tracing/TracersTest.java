package org.linden.evm.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.linden.evm.state.WorldState;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/** Building tracers from names and options, and decoding revert data. */
class TracersTest {
  private final WorldState state = new TestChain(Fork.CANCUN).state;

  @Test
  void noNameMeansTheStructLoggerWithItsOptionsAtTheTopLevel() {
    GethTracer t = Tracers.fromTraceOptions(Json.parse("""
        {"disableStack": true, "limit": 5}"""), state, Fork.CANCUN);
    assertThat(t).isInstanceOf(StructLogger.class);
    assertThat(Tracers.fromTraceOptions(null, state, Fork.CANCUN)).isInstanceOf(StructLogger.class);
  }

  @Test
  void namedTracersTakeTheirTracerConfig() {
    assertThat(Tracers.fromTraceOptions(Json.parse("""
        {"tracer": "callTracer", "tracerConfig": {"onlyTopCall": true}}"""), state, Fork.CANCUN))
        .isInstanceOf(CallTracer.class);
    assertThat(Tracers.create("prestateTracer", null, state, Fork.CANCUN)).isInstanceOf(PrestateTracer.class);
  }

  @Test
  void anUnknownNameIsRefusedByName() {
    assertThatThrownBy(() -> Tracers.create("4byteTracer", null, state, Fork.CANCUN))
        .isInstanceOf(TracerException.class)
        .hasMessageContaining("unknown tracer \"4byteTracer\"")
        .extracting(e -> ((TracerException) e).reason())
        .isEqualTo(TracerException.Reason.UNKNOWN_TRACER);
  }

  @Test
  void optionsOfTheWrongTypeAreRefused() {
    assertThatThrownBy(() -> Tracers.create("callTracer", Json.parse("""
        {"withLog": "yes"}"""), state, Fork.CANCUN))
        .isInstanceOf(TracerException.class)
        .hasMessage("callTracer option withLog must be a boolean, not \"yes\"");
    assertThatThrownBy(() -> Tracers.fromTraceOptions(Json.parse("""
        {"limit": -1}"""), state, Fork.CANCUN))
        .isInstanceOf(TracerException.class)
        .hasMessageContaining("limit must be a non-negative integer");
    assertThatThrownBy(() -> Tracers.fromTraceOptions(Json.parse("""
        {"tracer": 7}"""), state, Fork.CANCUN))
        .isInstanceOf(TracerException.class);
  }

  @Test
  void revertReasonsDecodeErrorStringsAndPanics() {
    String text = "balance too low";
    Bytes error = Bytes.concat(Bytes.fromHex("08c379a0"), word(0x20), word(text.length()),
        Bytes.wrap(java.util.Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), 32)));
    assertThat(RevertReason.decode(error)).contains(text);
    assertThat(RevertReason.decode(Bytes.concat(Bytes.fromHex("4e487b71"), word(0x11))))
        .contains("arithmetic underflow or overflow");
    assertThat(RevertReason.decode(Bytes.concat(Bytes.fromHex("4e487b71"), word(0x99))))
        .contains("unknown panic code: 0x99");
    // An offset past the data, a custom error, and too little data decode to nothing.
    assertThat(RevertReason.decode(Bytes.concat(Bytes.fromHex("08c379a0"), word(0x40), word(1)))).isEmpty();
    assertThat(RevertReason.decode(Bytes.fromHex("deadbeef"))).isEmpty();
    assertThat(RevertReason.decode(Bytes.fromHex("08c379"))).isEmpty();
  }

  private static Bytes word(long v) {
    return org.linden.types.UInt256.valueOf(v).toBytes32();
  }
}
