package org.linden.sync.eth;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linden.sync.eth.SampleMessages.Sample;
import org.linden.types.Bytes;

/**
 * Decoding mutated and random payloads either succeeds or fails with
 * {@link MalformedMessageException}; nothing else may escape. The seed is random per run,
 * printed on failure, and can be fixed with {@code -Dlinden.seed=...}.
 */
class EthCodecFuzzTest {
  private static final int ROUNDS = 20_000;
  private static final int[] CODES = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0d, 0x0f,
      0x10, 0x11, 0x12, 0xff};

  @Test
  void garbageOnlyEverFailsWithTheTypedException() {
    long seed = Long.getLong("linden.seed", new Random().nextLong());
    Random random = new Random(seed);
    List<Sample> samples = SampleMessages.all();
    for (int round = 0; round < ROUNDS; round++) {
      Sample s = samples.get(random.nextInt(samples.size()));
      byte[] bytes = mutate(s.message().encode().toArray(), random);
      int code = random.nextInt(8) == 0 ? CODES[random.nextInt(CODES.length)] : s.message().code();
      EthVersion version = EthVersion.values()[random.nextInt(EthVersion.values().length)];
      try {
        EthCodec.decode(version, code, Bytes.wrap(bytes));
      } catch (MalformedMessageException expected) {
        // the only acceptable failure
      } catch (Throwable t) {
        fail("seed " + seed + ", round " + round + ": " + version + " code " + code + " payload "
            + Bytes.wrap(bytes).toHex() + " threw " + t, t);
      }
    }
  }

  private static byte[] mutate(byte[] in, Random random) {
    switch (random.nextInt(6)) {
      case 0 -> { // flip one byte
        if (in.length > 0) {
          in[random.nextInt(in.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return in;
      }
      case 1 -> { // truncate
        return java.util.Arrays.copyOf(in, random.nextInt(in.length + 1));
      }
      case 2 -> { // append bytes
        byte[] out = java.util.Arrays.copyOf(in, in.length + 1 + random.nextInt(4));
        for (int i = in.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
        return out;
      }
      case 3 -> { // pure noise, often list-shaped
        byte[] out = new byte[random.nextInt(64)];
        random.nextBytes(out);
        if (out.length > 1) {
          out[0] = (byte) (0xc0 + Math.min(55, out.length - 1));
        }
        return out;
      }
      case 4 -> { // several flips
        for (int i = 0; i < 1 + random.nextInt(8) && in.length > 0; i++) {
          in[random.nextInt(in.length)] = (byte) random.nextInt(256);
        }
        return in;
      }
      default -> { // delete a byte in the middle
        if (in.length < 2) {
          return in;
        }
        int at = random.nextInt(in.length);
        byte[] out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + 1, out, at, in.length - at - 1);
        return out;
      }
    }
  }
}
