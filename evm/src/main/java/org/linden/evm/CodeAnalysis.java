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
 * the length. Beside the code, {@link #ops} holds the instructions the untraced
 * interpreter dispatches on, with frequent sequences fused ({@link FusedOps}). Results are
 * cached per code, since the same contract runs many times.
 */
final class CodeAnalysis {
  /** STOP at the end, plus room for the widest PUSH read (8-byte reads of PUSH32 data). */
  static final int PADDING = 33;
  private static final int CACHE_LIMIT = 4096;
  private static final Map<Bytes, CodeAnalysis> CACHE = new ConcurrentHashMap<>();

  /** The code followed by {@link #PADDING} zero bytes. */
  final byte[] padded;
  /**
   * The padded code with the first instruction of each fused sequence replaced by its
   * {@link FusedOps} id; read only at instruction starts, by the untraced interpreter.
   */
  final byte[] ops;
  /** Bit {@code i} set when position {@code i} is a valid destination; plain words, read once per jump. */
  private final long[] jumpDests;

  private CodeAnalysis(byte[] padded, long[] jumpDests) {
    this.padded = padded;
    this.jumpDests = jumpDests;
    this.ops = fuse(padded, padded.length - PADDING);
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

  /** The instruction stream of {@link #ops}: the code, with sequences fused. */
  private byte[] fuse(byte[] padded, int length) {
    byte[] out = padded.clone();
    for (int i = 0; i < length; i++) {
      int op = padded[i] & 0xff;
      if (FusedOps.isFused(op)) {
        out[i] = (byte) FusedOps.UNDEFINED;
      } else if (op == Opcodes.PUSH2 && i + 3 < length && isJumpDest(u16(padded, i + 1))) {
        int next = padded[i + 3] & 0xff;
        if (next == Opcodes.JUMP) {
          out[i] = (byte) FusedOps.PUSH2_JUMP;
        } else if (next == Opcodes.JUMPI) {
          out[i] = (byte) FusedOps.PUSH2_JUMPI;
        }
      } else if (op == Opcodes.ISZERO && i + 4 < length && (padded[i + 1] & 0xff) == Opcodes.PUSH2
          && (padded[i + 4] & 0xff) == Opcodes.JUMPI && isJumpDest(u16(padded, i + 2))) {
        out[i] = (byte) FusedOps.ISZERO_PUSH2_JUMPI;
      } else if (i + 1 < length) {
        int next = padded[i + 1] & 0xff;
        if (op == Opcodes.POP && next == Opcodes.POP) {
          out[i] = (byte) FusedOps.POP_POP;
        } else if (op == Opcodes.POP && next == Opcodes.JUMP) {
          out[i] = (byte) FusedOps.POP_JUMP;
        } else if (op == Opcodes.SWAP1 && next == Opcodes.POP) {
          out[i] = (byte) FusedOps.SWAP1_POP;
        } else if (op == Opcodes.SWAP2 && next == Opcodes.POP) {
          out[i] = (byte) FusedOps.SWAP2_POP;
        } else if (op == Opcodes.PUSH1 && i + 2 < length && (padded[i + 2] & 0xff) == Opcodes.ADD) {
          out[i] = (byte) FusedOps.PUSH1_ADD;
        }
      }
      if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
        i += op - Opcodes.PUSH1 + 1;
      }
    }
    return out;
  }

  /** The big-endian 16-bit number at {@code at}: the operand of a PUSH2. */
  static int u16(byte[] code, int at) {
    return (code[at] & 0xff) << 8 | (code[at + 1] & 0xff);
  }

  /** Whether {@code dest} is a JUMPDEST of the code; any value, including past the end. */
  boolean isJumpDest(long dest) {
    long word = dest >>> 6;
    return word < jumpDests.length && (jumpDests[(int) word] & (1L << dest)) != 0;
  }
}
