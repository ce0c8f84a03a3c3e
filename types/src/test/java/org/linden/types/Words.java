package org.linden.types;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/** Test values for 256-bit words: hand-picked edges and QuickTheories generators. */
final class Words {
  private Words() {}

  static BigInteger big(String hex) {
    return new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
  }

  static UInt256 word(BigInteger v) {
    return UInt256.fromBigInteger(v);
  }

  static UInt256 word(String hex) {
    return word(big(hex));
  }

  static BigInteger pow2(int k) {
    return BigInteger.ONE.shiftLeft(k);
  }

  /** Two's complement of {@code -v}. */
  static BigInteger neg(BigInteger v) {
    return EvmReference.wrap(v.negate());
  }

  /**
   * Dividend/divisor pairs that reach the rare steps of long division on 64-bit digits: the
   * add-back after an estimated digit one too large, the digit capped at 2^64-1 when the top
   * limbs are equal, and the remainder estimate overflowing 64 bits. Found by searching
   * structured limb patterns with an instrumented build.
   */
  static final String[][] DIVISION_CORNERS = {
    // add back
    {"0xe1894ee15618cfb9ffffffffffffffffa984e48925b36a47ffffffffffffffff", "0xfffffffffffffffffffffffffffffffffffffffffffffffe"},
    {"0x7ffffffffffffffefffffffffffffffefffffffffffffffe0000000000000002", "0x800000000000000100000000000000038000000000000001"},
    {"0x2800000000000000000000000000000020000000000000001", "0x80000000000000000000000000000000b417a83be4204132"},
    {"0x7ffffffffffffffeffffffffffffffff00000000000000020000000000000001", "0xfffffffffffffffffffffffffffffffe8000000000000000"},
    {"0x7fffffffffffffff800000000000000000000000000000000000000000000002", "0x100000000000000010000000000000002ffffffffffffffff"},
    {"0x7ffffffffffffffffffffffffffffffe00000000ffffffff0000000000000001", "0x80000000000000007ffffffffffffffec2d3f46bd6947c4f"},
    // capped digit
    {"0x7ffffffffffffffe755c7652779c3679ffffffffffffffff0000000000000002", "0x7ffffffffffffffe7fffffffffffffffb448c86c2250949f"},
    {"0xffffffffffffffffbfb9fe938c3417140000000000000001966a49fb9607440f", "0x7ffffffffffffffff6fc7cf6ec3084f7cd03cb46e12a432c"},
    {"0x80000000000000000000000000000003000000000000000100000000ffffffff", "0x800000000000000061d61e10506296e70000000000000001"},
    // remainder estimate overflow
    {"0x3d337b772d7ab7a80000000000000000684034564e9457340000000000000002", "0x40a1f90d89fb80597ffffffffffffffe"},
    {"0x734fcdcef2426399800000000000000000000000000000000000000000000002", "0x8000000000000000fffffffffffffffe"},
    {"0x3800000000000000080000000000000017fffffffffffffff", "0x3ffffffffffffffffffffffffffffffff"},
  };

  /** Edge values: limb and sign boundaries, powers of two and their neighbours, shift amounts. */
  static final List<BigInteger> EDGES = edges();

  private static List<BigInteger> edges() {
    Set<BigInteger> s = new LinkedHashSet<>();
    for (long v : new long[] {0, 1, 2, 3, 7, 8, 30, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 257, 1000}) {
      s.add(BigInteger.valueOf(v));
    }
    for (int k : new int[] {8, 31, 32, 63, 64, 65, 127, 128, 129, 191, 192, 248, 255}) {
      s.add(pow2(k).subtract(BigInteger.ONE));
      s.add(pow2(k));
      s.add(pow2(k).add(BigInteger.ONE));
    }
    s.add(EvmReference.MAX); // 2^256 - 1, also -1
    s.add(EvmReference.MAX.subtract(BigInteger.ONE)); // -2
    for (BigInteger v : new BigInteger[] {
        BigInteger.valueOf(3), BigInteger.valueOf(256), pow2(63), pow2(64), pow2(128), pow2(254)}) {
      s.add(neg(v));
    }
    s.add(big("0x8000000000000000800000000000000080000000000000008000000000000000"));
    s.add(big("0x7fffffffffffffff7fffffffffffffff7fffffffffffffff7fffffffffffffff"));
    s.add(big("0x8000000000000000000000000000000000000000000000000000000000000001"));
    s.add(big("0xffffffffffffffff00000000000000000000000000000000ffffffffffffffff"));
    s.add(big("0x0000000000000001000000000000000100000000000000010000000000000001"));
    s.add(BigInteger.TEN.pow(18));
    s.add(BigInteger.TEN.pow(19));
    s.add(BigInteger.TEN.pow(36));
    s.add(BigInteger.TEN.pow(77));
    // secp256k1 group order and the BN254 base field prime: real moduli of MULMOD-heavy code
    s.add(big("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
    s.add(big("0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"));
    for (String[] pair : DIVISION_CORNERS) {
      s.add(big(pair[0]));
      s.add(big(pair[1]));
    }
    return List.copyOf(s);
  }

  private static final long[] SPECIAL_LIMBS = {
    0, 1, 2, -1L, -2L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0xFFFF_FFFFL, 0x1_0000_0000L
  };

  /**
   * Random words in many shapes, so every fast path and the slow paths all get exercised:
   * full-width random, fewer limbs, random bit lengths, limbs drawn from boundary values (equal
   * top limbs, carries), small numbers, small negatives, powers of two and neighbours, edges.
   */
  static Gen<BigInteger> values() {
    return in -> {
      int shape = (int) in.next(Constraint.between(0, 9));
      return switch (shape) {
        case 0 -> EDGES.get((int) in.next(Constraint.between(0, EDGES.size() - 1)));
        case 1 -> fromLimbs(rnd(in), rnd(in), rnd(in), rnd(in));
        case 2 -> {
          int limbs = (int) in.next(Constraint.between(1, 4));
          yield fromLimbs(rnd(in), limbs > 1 ? rnd(in) : 0, limbs > 2 ? rnd(in) : 0, limbs > 3 ? rnd(in) : 0);
        }
        case 3 -> fromLimbs(rnd(in), rnd(in), rnd(in), rnd(in)).shiftRight((int) in.next(Constraint.between(0, 256)));
        case 4, 5 -> fromLimbs(special(in), special(in), special(in), special(in));
        case 6 -> BigInteger.valueOf(in.next(Constraint.between(0, 300)));
        case 7 -> neg(BigInteger.valueOf(in.next(Constraint.between(1, 300))));
        default -> {
          BigInteger p = pow2((int) in.next(Constraint.between(0, 255)));
          int delta = (int) in.next(Constraint.between(-1, 1));
          yield EvmReference.wrap(p.add(BigInteger.valueOf(delta)));
        }
      };
    };
  }

  /** Values as {@link UInt256}, paired with the generators above. */
  static Gen<UInt256> words() {
    return values().map(UInt256::fromBigInteger);
  }

  private static long rnd(org.quicktheories.core.RandomnessSource in) {
    return in.next(Constraint.none());
  }

  private static long special(org.quicktheories.core.RandomnessSource in) {
    int i = (int) in.next(Constraint.between(0, SPECIAL_LIMBS.length));
    return i == SPECIAL_LIMBS.length ? rnd(in) : SPECIAL_LIMBS[i];
  }

  static BigInteger fromLimbs(long l0, long l1, long l2, long l3) {
    BigInteger r = BigInteger.ZERO;
    for (long l : new long[] {l3, l2, l1, l0}) {
      r = r.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(l)));
    }
    return r;
  }

  /** All ordered pairs of edges. */
  static List<BigInteger[]> edgePairs() {
    List<BigInteger[]> out = new ArrayList<>();
    for (BigInteger a : EDGES) {
      for (BigInteger b : EDGES) {
        out.add(new BigInteger[] {a, b});
      }
    }
    return out;
  }
}
