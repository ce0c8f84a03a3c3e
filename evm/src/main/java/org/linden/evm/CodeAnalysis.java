package org.linden.evm;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.linden.types.Bytes;

/**
 * A code prepared for the interpreter: the valid JUMPDEST positions (0x5b bytes that are
 * not inside PUSH data), and the code followed by zero bytes. Running off the end of code
 * is a STOP and a PUSH cut off by the end reads zeros, so with the padding the
 * interpreter reads {@code code[pc]} and the 32 bytes after it without comparing against
 * the length. Results are cached per code, since the same contract runs many times.
 */
final class CodeAnalysis {
  /** STOP at the end, plus room for the widest PUSH read (8-byte reads of PUSH32 data). */
  static final int PADDING = 33;
  private static final int CACHE_LIMIT = 4096;
  private static final Map<Bytes, CodeAnalysis> CACHE = new ConcurrentHashMap<>();

  /** The code followed by {@link #PADDING} zero bytes. */
  final byte[] padded;
  /** Bit {@code i} set when position {@code i} is a valid destination; plain words, read once per jump. */
  private final long[] jumpDests;

  private CodeAnalysis(byte[] padded, long[] jumpDests) {
    this.padded = padded;
    this.jumpDests = jumpDests;
  }

  static CodeAnalysis of(Bytes code) {
    if (code.size() < 64) {
      return analyse(code.unsafeArray());
    }
    CodeAnalysis t = CACHE.get(code);
    if (t == null) {
      t = analyse(code.unsafeArray());
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(code, t);
    }
    return t;
  }

  private static CodeAnalysis analyse(byte[] code) {
    long[] valid = new long[(code.length + 63) >>> 6];
    for (int i = 0; i < code.length; i++) {
      int op = code[i] & 0xff;
      if (op == Opcodes.JUMPDEST) {
        valid[i >>> 6] |= 1L << i;
      } else if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
        i += op - Opcodes.PUSH1 + 1;
      }
    }
    return new CodeAnalysis(Arrays.copyOf(code, code.length + PADDING), valid);
  }

  /** Whether {@code dest} is a JUMPDEST of the code; any value, including past the end. */
  boolean isJumpDest(long dest) {
    long word = dest >>> 6;
    return word < jumpDests.length && (jumpDests[(int) word] & (1L << dest)) != 0;
  }
}
