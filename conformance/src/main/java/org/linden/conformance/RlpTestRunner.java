package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpItem;
import org.linden.types.Bytes;

/**
 * ethereum/tests RLPTests: {@code {name: {in, out}}}. A value {@code in} is encoded and
 * must give {@code out}, and {@code out} must decode back to it; {@code "INVALID"} means
 * {@code out} must be rejected, {@code "VALID"} that it must decode.
 */
public final class RlpTestRunner implements FixtureRunner {
  @Override
  public String suite() {
    return "RLPTests";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return FixtureShape.everyCaseHas(root, "in", "out") && !FixtureShape.anyCaseHas(root, "root");
  }

  @Override
  public List<CaseResult> run(Path file, JsonNode root, ForkFilter forks) {
    List<CaseResult> results = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      results.add(CaseResult.of(e.getKey(), suite(), null, () -> check(e.getValue())));
    }
    return results;
  }

  private static String check(JsonNode c) {
    Bytes out = Bytes.fromHex(c.get("out").asText());
    JsonNode in = c.get("in");
    if (in.isTextual() && in.asText().equals("INVALID")) {
      try {
        RlpItem decoded = RlpItem.decode(out);
        return "decoding must fail but gave " + decoded;
      } catch (RlpException expected) {
        return null;
      }
    }
    if (in.isTextual() && in.asText().equals("VALID")) {
      RlpItem decoded = RlpItem.decode(out);
      Bytes again = RlpItem.encode(decoded);
      return again.equals(out) ? null : "re-encoding gave " + again;
    }
    RlpItem expected = toItem(in);
    Bytes encoded = RlpItem.encode(expected);
    if (!encoded.equals(out)) {
      return "encoded " + encoded + ", expected " + out;
    }
    RlpItem decoded = RlpItem.decode(out);
    return decoded.equals(expected) ? null : "decoded " + decoded + ", expected " + expected;
  }

  /** Strings are their UTF-8 bytes; numbers and "#digits" are minimal big-endian integers. */
  private static RlpItem toItem(JsonNode in) {
    if (in.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      in.forEach(n -> items.add(toItem(n)));
      return new RlpItem.RlpList(items);
    }
    if (in.isIntegralNumber()) {
      return integer(in.bigIntegerValue());
    }
    String s = in.asText();
    if (s.startsWith("#")) {
      return integer(new BigInteger(s.substring(1)));
    }
    return new RlpItem.RlpString(Bytes.wrap(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static RlpItem integer(BigInteger v) {
    if (v.signum() == 0) {
      return new RlpItem.RlpString(Bytes.EMPTY);
    }
    byte[] b = v.toByteArray();
    return new RlpItem.RlpString(b[0] == 0 ? Bytes.copyOf(b, 1, b.length - 1) : Bytes.wrap(b));
  }
}
