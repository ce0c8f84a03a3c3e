package org.linden.evm.precompile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * BLAKE2F at 0x09 (from Istanbul, EIP-152): one call of the BLAKE2b compression function.
 * Input is exactly 213 bytes: rounds (4 bytes, big-endian), h (8 words), m (16 words),
 * t0, t1 (words little-endian) and the final-block flag (0 or 1). Output is the new h,
 * 64 bytes little-endian. One gas per round.
 */
public final class Blake2f implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x09);

  static final int INPUT_SIZE = 213;
  private static final int H_OFFSET = 4;
  private static final int M_OFFSET = 68;
  private static final int T_OFFSET = 196;
  private static final int F_OFFSET = 212;

  @Override
  public long gas(Bytes input, Fork fork) {
    // A wrong length fails in run(); charging nothing here keeps the failure's reason.
    return input.size() == INPUT_SIZE ? rounds(input) : 0;
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    if (input.size() != INPUT_SIZE) {
      return PrecompileResult.failure("blake2f input must be exactly " + INPUT_SIZE + " bytes, got " + input.size());
    }
    int flag = input.getUnsigned(F_OFFSET);
    if (flag > 1) {
      return PrecompileResult.failure("blake2f final block flag must be 0 or 1, got " + flag);
    }
    ByteBuffer in = ByteBuffer.wrap(input.unsafeArray()).order(ByteOrder.LITTLE_ENDIAN);
    long[] h = new long[8];
    for (int i = 0; i < 8; i++) {
      h[i] = in.getLong(H_OFFSET + 8 * i);
    }
    long[] m = new long[16];
    for (int i = 0; i < 16; i++) {
      m[i] = in.getLong(M_OFFSET + 8 * i);
    }
    long t0 = in.getLong(T_OFFSET);
    long t1 = in.getLong(T_OFFSET + 8);
    Blake2bCompression.compress(h, m, t0, t1, flag == 1, rounds(input));
    ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    for (long word : h) {
      out.putLong(word);
    }
    return PrecompileResult.ok(Bytes.wrap(out.array()));
  }

  /** The round count: an unsigned 32-bit big-endian number. */
  private static long rounds(Bytes input) {
    return ByteBuffer.wrap(input.unsafeArray(), 0, 4).getInt() & 0xffffffffL;
  }
}
