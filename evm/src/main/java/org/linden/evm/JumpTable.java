package org.linden.evm;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.linden.types.Bytes;

/**
 * The valid JUMPDEST positions of a code: 0x5b bytes that are not inside PUSH data.
 * Analysis results are cached per code, since the same contract runs many times.
 */
final class JumpTable {
  private static final int CACHE_LIMIT = 4096;
  private static final Map<Bytes, JumpTable> CACHE = new ConcurrentHashMap<>();

  private final BitSet valid;

  private JumpTable(BitSet valid) {
    this.valid = valid;
  }

  static JumpTable of(Bytes code) {
    if (code.size() < 64) {
      return analyse(code.unsafeArray());
    }
    JumpTable t = CACHE.get(code);
    if (t == null) {
      t = analyse(code.unsafeArray());
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(code, t);
    }
    return t;
  }

  private static JumpTable analyse(byte[] code) {
    BitSet valid = new BitSet(code.length);
    for (int i = 0; i < code.length; i++) {
      int op = code[i] & 0xff;
      if (op == Opcodes.JUMPDEST) {
        valid.set(i);
      } else if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
        i += op - Opcodes.PUSH1 + 1;
      }
    }
    return new JumpTable(valid);
  }

  boolean isValid(long dest) {
    return dest >= 0 && dest < Integer.MAX_VALUE && valid.get((int) dest);
  }
}
