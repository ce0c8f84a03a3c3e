package org.linden.types;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * 256-bit EVM arithmetic on {@code long} limbs kept in arrays, for callers such as the EVM
 * operand stack that hold many words in one {@code long[]} and must not allocate per operation.
 *
 * <p>A word at offset {@code o} occupies {@code a[o] .. a[o + 3]}, least significant limb
 * first. Every operation reads all of its inputs before it writes its result, so the result may
 * go to the same slot as an input; slots must not partly overlap.
 *
 * <p>Operands come in EVM stack order: the first argument is the one the opcode pops first
 * (dividend before divisor, shift before value, base before exponent, byte index before word).
 * All arithmetic wraps modulo 2^256; division and reduction by zero give zero, as in the EVM.
 *
 * <p>Nothing here allocates, except division by a divisor wider than one limb, ADDMOD and MULMOD
 * in their general cases, and EXP in its general case: they use one small scratch array.
 */
public final class UInt256Math {
  /** Limbs per word. */
  public static final int LIMBS = 4;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private UInt256Math() {}

  // ---------------------------------------------------------------- loads and stores

  /** Stores the unsigned value of {@code unsignedValue}. */
  public static void set(long[] r, int ro, long unsignedValue) {
    r[ro] = unsignedValue;
    r[ro + 1] = 0;
    r[ro + 2] = 0;
    r[ro + 3] = 0;
  }

  public static void copy(long[] a, int ao, long[] r, int ro) {
    r[ro] = a[ao];
    r[ro + 1] = a[ao + 1];
    r[ro + 2] = a[ao + 2];
    r[ro + 3] = a[ao + 3];
  }

  public static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }

  /**
   * Reads {@code length} (0..32) big-endian bytes as an unsigned integer, as PUSHn, CALLDATALOAD
   * and MLOAD need.
   */
  public static void fromBytes(byte[] src, int offset, int length, long[] r, int ro) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("a 256-bit word is at most 32 bytes, got " + length);
    }
    Objects.checkFromIndexSize(offset, length, src.length);
    if (length == 32) {
      r[ro + 3] = (long) LONG_BE.get(src, offset);
      r[ro + 2] = (long) LONG_BE.get(src, offset + 8);
      r[ro + 1] = (long) LONG_BE.get(src, offset + 16);
      r[ro] = (long) LONG_BE.get(src, offset + 24);
      return;
    }
    // Limb k holds the bytes [end - 8(k+1), end - 8k), clipped at the start of the input.
    int end = offset + length;
    r[ro] = readBigEndian(src, Math.max(offset, end - 8), end);
    r[ro + 1] = readBigEndian(src, Math.max(offset, end - 16), Math.max(offset, end - 8));
    r[ro + 2] = readBigEndian(src, Math.max(offset, end - 24), Math.max(offset, end - 16));
    r[ro + 3] = readBigEndian(src, offset, Math.max(offset, end - 24));
  }

  private static long readBigEndian(byte[] src, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = (v << 8) | (src[i] & 0xff);
    }
    return v;
  }

  /** Writes the word as exactly 32 big-endian bytes. */
  public static void toBytes32(long[] a, int ao, byte[] dest, int offset) {
    Objects.checkFromIndexSize(offset, 32, dest.length);
    LONG_BE.set(dest, offset, a[ao + 3]);
    LONG_BE.set(dest, offset + 8, a[ao + 2]);
    LONG_BE.set(dest, offset + 16, a[ao + 1]);
    LONG_BE.set(dest, offset + 24, a[ao]);
  }

  // ---------------------------------------------------------------- carries

  /** The carry out of {@code sum = x + y (+ carry in)}, from the top bits alone (no branch). */
  static long carry(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** The borrow out of {@code diff = x - y (- borrow in)}, from the top bits alone. */
  static long borrow(long x, long y, long diff) {
    return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
  }

  // ---------------------------------------------------------------- add, sub, mul

  public static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long r0 = a0 + b0;
    long c = carry(a0, b0, r0);
    long r1 = a1 + b1 + c;
    c = carry(a1, b1, r1);
    long r2 = a2 + b2 + c;
    c = carry(a2, b2, r2);
    r[ro + 3] = a3 + b3 + c;
    r[ro + 2] = r2;
    r[ro + 1] = r1;
    r[ro] = r0;
  }

  /** {@code r = a - b}. */
  public static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long r0 = a0 - b0;
    long c = borrow(a0, b0, r0);
    long r1 = a1 - b1 - c;
    c = borrow(a1, b1, r1);
    long r2 = a2 - b2 - c;
    c = borrow(a2, b2, r2);
    r[ro + 3] = a3 - b3 - c;
    r[ro + 2] = r2;
    r[ro + 1] = r1;
    r[ro] = r0;
  }

  public static void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    mul(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
  }

  /** The low 256 bits of the product, written to {@code r}. */
  static void mul(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int ro) {
    if ((a1 | a2 | a3 | b1 | b2 | b3) == 0) {
      r[ro] = a0 * b0;
      r[ro + 1] = Math.unsignedMultiplyHigh(a0, b0);
      r[ro + 2] = 0;
      r[ro + 3] = 0;
      return;
    }
    // Schoolbook, row by row, dropping every partial product that lands at 2^256 or above.
    // Each step computes x*y + s + k, which always fits in 128 bits.
    long lo;
    long hi;
    long t;
    // row a0
    long r0 = a0 * b0;
    long k = Math.unsignedMultiplyHigh(a0, b0);
    lo = a0 * b1;
    hi = Math.unsignedMultiplyHigh(a0, b1);
    long r1 = lo + k;
    k = hi + carry(lo, k, r1);
    lo = a0 * b2;
    hi = Math.unsignedMultiplyHigh(a0, b2);
    long r2 = lo + k;
    k = hi + carry(lo, k, r2);
    long r3 = a0 * b3 + k;
    // row a1
    lo = a1 * b0;
    hi = Math.unsignedMultiplyHigh(a1, b0);
    t = lo + r1;
    k = hi + carry(lo, r1, t);
    r1 = t;
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    t = lo + r2;
    hi += carry(lo, r2, t);
    r2 = t + k;
    k = hi + carry(t, k, r2);
    r3 += a1 * b2 + k;
    // row a2
    lo = a2 * b0;
    hi = Math.unsignedMultiplyHigh(a2, b0);
    t = lo + r2;
    k = hi + carry(lo, r2, t);
    r2 = t;
    r3 += a2 * b1 + k;
    // row a3
    r3 += a3 * b0;
    r[ro] = r0;
    r[ro + 1] = r1;
    r[ro + 2] = r2;
    r[ro + 3] = r3;
  }

  /**
   * The full product of {@code a[ao..ao+alen)} and {@code b[bo..bo+blen)}, written to
   * {@code w[wo..wo+alen+blen)}; the output must not overlap the inputs.
   */
  private static void mulFull(
      long[] a, int ao, int alen, long[] b, int bo, int blen, long[] w, int wo) {
    for (int i = 0; i < alen + blen; i++) {
      w[wo + i] = 0;
    }
    for (int i = 0; i < alen; i++) {
      long ai = a[ao + i];
      long k = 0;
      for (int j = 0; j < blen; j++) {
        long bj = b[bo + j];
        long lo = ai * bj;
        long hi = Math.unsignedMultiplyHigh(ai, bj);
        long t = lo + k;
        hi += carry(lo, k, t);
        long acc = w[wo + i + j];
        long s = t + acc;
        hi += carry(t, acc, s);
        w[wo + i + j] = s;
        k = hi;
      }
      w[wo + i + blen] = k;
    }
  }

  // ---------------------------------------------------------------- division

  /** {@code r = a / b}, or zero when {@code b} is zero. */
  public static void div(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    divMod(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3],
        r, ro, null, 0);
  }

  /** {@code r = a mod b}, or zero when {@code b} is zero. */
  public static void mod(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    divMod(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3],
        null, 0, r, ro);
  }

  /**
   * Signed division, truncating toward zero; zero for a zero divisor; {@code -2^255 / -1}
   * overflows back to {@code -2^255}.
   */
  public static void sdiv(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    sdiv(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
  }

  static void sdiv(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int ro) {
    boolean aNeg = a3 < 0;
    boolean bNeg = b3 < 0;
    // Divide the magnitudes, then restore the sign. The magnitude of -2^255 is 2^255, which
    // still fits as an unsigned word, so the overflow case -2^255 / -1 needs no special path.
    if (aNeg) {
      a0 = -a0;
      long c = a0 == 0 ? 1 : 0;
      a1 = ~a1 + c;
      c &= a1 == 0 ? 1 : 0;
      a2 = ~a2 + c;
      c &= a2 == 0 ? 1 : 0;
      a3 = ~a3 + c;
    }
    if (bNeg) {
      b0 = -b0;
      long c = b0 == 0 ? 1 : 0;
      b1 = ~b1 + c;
      c &= b1 == 0 ? 1 : 0;
      b2 = ~b2 + c;
      c &= b2 == 0 ? 1 : 0;
      b3 = ~b3 + c;
    }
    divMod(a0, a1, a2, a3, b0, b1, b2, b3, r, ro, null, 0);
    if (aNeg != bNeg) {
      negate(r, ro, r, ro);
    }
  }

  /** Signed remainder: takes the sign of the dividend; zero for a zero divisor. */
  public static void smod(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    smod(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
  }

  static void smod(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int ro) {
    boolean aNeg = a3 < 0;
    if (aNeg) {
      a0 = -a0;
      long c = a0 == 0 ? 1 : 0;
      a1 = ~a1 + c;
      c &= a1 == 0 ? 1 : 0;
      a2 = ~a2 + c;
      c &= a2 == 0 ? 1 : 0;
      a3 = ~a3 + c;
    }
    if (b3 < 0) {
      b0 = -b0;
      long c = b0 == 0 ? 1 : 0;
      b1 = ~b1 + c;
      c &= b1 == 0 ? 1 : 0;
      b2 = ~b2 + c;
      c &= b2 == 0 ? 1 : 0;
      b3 = ~b3 + c;
    }
    divMod(a0, a1, a2, a3, b0, b1, b2, b3, null, 0, r, ro);
    if (aNeg) {
      negate(r, ro, r, ro);
    }
  }

  /**
   * Unsigned division of {@code a} by {@code b}: the quotient goes to {@code q} and the
   * remainder to {@code r}, each only if its array is not null. A zero divisor gives zero for
   * both, as the EVM wants.
   */
  static void divMod(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3,
      long[] q, int qo, long[] r, int ro) {
    if ((b1 | b2 | b3) == 0) {
      if (b0 == 0) {
        if (q != null) {
          set(q, qo, 0);
        }
        if (r != null) {
          set(r, ro, 0);
        }
        return;
      }
      if ((a1 | a2 | a3) == 0) {
        if (q != null) {
          set(q, qo, Long.divideUnsigned(a0, b0));
        }
        if (r != null) {
          set(r, ro, Long.remainderUnsigned(a0, b0));
        }
        return;
      }
      divModByLimb(a0, a1, a2, a3, b0, q, qo, r, ro);
      return;
    }
    if (compareUnsigned(a0, a1, a2, a3, b0, b1, b2, b3) < 0) {
      if (q != null) {
        set(q, qo, 0);
      }
      if (r != null) {
        r[ro] = a0;
        r[ro + 1] = a1;
        r[ro + 2] = a2;
        r[ro + 3] = a3;
      }
      return;
    }
    // The divisor has at least two limbs and a >= b: long division (Knuth's algorithm D).
    int ulen = limbCount(a0, a1, a2, a3);
    int vlen = limbCount(b0, b1, b2, b3);
    int vOff = ulen + 1;
    long[] w = new long[vOff + vlen];
    w[0] = a0;
    w[1] = a1;
    if (ulen > 2) {
      w[2] = a2;
    }
    if (ulen > 3) {
      w[3] = a3;
    }
    w[vOff] = b0;
    w[vOff + 1] = b1;
    if (vlen > 2) {
      w[vOff + 2] = b2;
    }
    if (vlen > 3) {
      w[vOff + 3] = b3;
    }
    knuthDivide(w, 0, ulen, vOff, vlen, q, qo, r, ro);
    if (q != null) {
      for (int i = ulen - vlen + 1; i < LIMBS; i++) {
        q[qo + i] = 0;
      }
    }
    if (r != null) {
      for (int i = vlen; i < LIMBS; i++) {
        r[ro + i] = 0;
      }
    }
  }

  /** Division of a word of two or more limbs by a one-limb divisor, all in registers. */
  private static void divModByLimb(
      long a0, long a1, long a2, long a3, long d, long[] q, int qo, long[] r, int ro) {
    // Normalize so the divisor's top bit is set; the quotient is unchanged and the remainder
    // comes out shifted left by s.
    int s = Long.numberOfLeadingZeros(d);
    long dn = d << s;
    long v = reciprocal(dn);
    long n4;
    long n3;
    long n2;
    long n1;
    long n0;
    if (s == 0) {
      n4 = 0;
      n3 = a3;
      n2 = a2;
      n1 = a1;
      n0 = a0;
    } else {
      int t = 64 - s;
      n4 = a3 >>> t;
      n3 = (a3 << s) | (a2 >>> t);
      n2 = (a2 << s) | (a1 >>> t);
      n1 = (a1 << s) | (a0 >>> t);
      n0 = a0 << s;
    }
    long q3 = div2by1(n4, n3, dn, v);
    long rem = n3 - q3 * dn;
    long q2 = div2by1(rem, n2, dn, v);
    rem = n2 - q2 * dn;
    long q1 = div2by1(rem, n1, dn, v);
    rem = n1 - q1 * dn;
    long q0 = div2by1(rem, n0, dn, v);
    rem = n0 - q0 * dn;
    if (q != null) {
      q[qo] = q0;
      q[qo + 1] = q1;
      q[qo + 2] = q2;
      q[qo + 3] = q3;
    }
    if (r != null) {
      set(r, ro, rem >>> s);
    }
  }

  /**
   * Divides {@code u[uOff..uOff+ulen)} by the one-limb {@code d != 0}; writes the quotient to
   * {@code q[qOff..qOff+ulen)} if {@code q} is not null (it may be the same slots as {@code u})
   * and returns the remainder.
   */
  static long divideByLimb(long[] u, int uOff, int ulen, long d, long[] q, int qOff) {
    if (ulen == 0) {
      return 0;
    }
    if (ulen == 1) {
      long x = u[uOff];
      if (q != null) {
        q[qOff] = Long.divideUnsigned(x, d);
      }
      return Long.remainderUnsigned(x, d);
    }
    int s = Long.numberOfLeadingZeros(d);
    long dn = d << s;
    long v = reciprocal(dn);
    long rem = s == 0 ? 0 : u[uOff + ulen - 1] >>> (64 - s);
    for (int i = ulen - 1; i >= 0; i--) {
      long digit = u[uOff + i] << s;
      if (s != 0 && i > 0) {
        digit |= u[uOff + i - 1] >>> (64 - s);
      }
      long qd = div2by1(rem, digit, dn, v);
      rem = digit - qd * dn;
      if (q != null) {
        q[qOff + i] = qd;
      }
    }
    return rem >>> s;
  }

  /**
   * Knuth's algorithm D on 64-bit digits. {@code w} holds the dividend at {@code uOff} with
   * {@code ulen} limbs and one free limb above it, and the divisor at {@code vOff} with
   * {@code vlen >= 2} limbs, top limb non-zero, {@code ulen >= vlen}; both are overwritten. The
   * quotient digits 0..ulen-vlen go to {@code q} and the {@code vlen} remainder limbs to
   * {@code r}, each only if not null.
   */
  private static void knuthDivide(
      long[] w, int uOff, int ulen, int vOff, int vlen, long[] q, int qo, long[] r, int ro) {
    // D1: normalize so the divisor's top limb has its top bit set; this makes each estimated
    // quotient digit at most two too large.
    int s = Long.numberOfLeadingZeros(w[vOff + vlen - 1]);
    if (s != 0) {
      int t = 64 - s;
      for (int i = vlen - 1; i > 0; i--) {
        w[vOff + i] = (w[vOff + i] << s) | (w[vOff + i - 1] >>> t);
      }
      w[vOff] <<= s;
      w[uOff + ulen] = w[uOff + ulen - 1] >>> t;
      for (int i = ulen - 1; i > 0; i--) {
        w[uOff + i] = (w[uOff + i] << s) | (w[uOff + i - 1] >>> t);
      }
      w[uOff] <<= s;
    } else {
      w[uOff + ulen] = 0;
    }
    long vTop = w[vOff + vlen - 1];
    long vNext = w[vOff + vlen - 2];
    long recip = reciprocal(vTop);
    for (int j = ulen - vlen; j >= 0; j--) {
      int top = uOff + j + vlen;
      long uTop = w[top];
      long uNext = w[top - 1];
      long uNext2 = w[top - 2];
      // D3: estimate the digit from the top two limbs. The running remainder is below the
      // divisor, so uTop <= vTop; when equal the estimate would be 2^64 and is capped.
      long qhat;
      long rhat;
      boolean rhatOverflow;
      if (uTop == vTop) {
        qhat = -1L;
        rhat = uNext + vTop;
        rhatOverflow = Long.compareUnsigned(rhat, uNext) < 0;
      } else {
        qhat = div2by1(uTop, uNext, vTop, recip);
        rhat = uNext - qhat * vTop;
        rhatOverflow = false;
      }
      // Refine with the second divisor limb; this leaves qhat at most one too large.
      while (!rhatOverflow) {
        long pHi = Math.unsignedMultiplyHigh(qhat, vNext);
        long pLo = qhat * vNext;
        int c = Long.compareUnsigned(pHi, rhat);
        if (c < 0 || (c == 0 && Long.compareUnsigned(pLo, uNext2) <= 0)) {
          break;
        }
        qhat--;
        long old = rhat;
        rhat += vTop;
        rhatOverflow = Long.compareUnsigned(rhat, old) < 0;
      }
      // D4: subtract qhat times the divisor from the window u[j .. j+vlen].
      long mulCarry = 0;
      long b = 0;
      for (int i = 0; i < vlen; i++) {
        long vi = w[vOff + i];
        long pLo = qhat * vi;
        long pHi = Math.unsignedMultiplyHigh(qhat, vi);
        long p = pLo + mulCarry;
        pHi += carry(pLo, mulCarry, p);
        long x = w[uOff + j + i];
        long d = x - p - b;
        b = borrow(x, p, d);
        w[uOff + j + i] = d;
        mulCarry = pHi;
      }
      long x = w[top];
      long d = x - mulCarry - b;
      b = borrow(x, mulCarry, d);
      w[top] = d;
      // D6: the window went negative, so qhat was one too large: add the divisor back once.
      if (b != 0) {
        qhat--;
        long c = 0;
        for (int i = 0; i < vlen; i++) {
          long ui = w[uOff + j + i];
          long vi = w[vOff + i];
          long sum = ui + vi + c;
          c = carry(ui, vi, sum);
          w[uOff + j + i] = sum;
        }
        w[top] += c; // the carry out cancels the borrow taken above
      }
      if (q != null) {
        q[qo + j] = qhat;
      }
    }
    // D8: the remainder is u[0 .. vlen), still shifted left by s; u[vlen] is zero by now.
    if (r != null) {
      for (int i = 0; i < vlen; i++) {
        r[ro + i] = s == 0 ? w[uOff + i] : (w[uOff + i] >>> s) | (w[uOff + i + 1] << (64 - s));
      }
    }
  }

  /**
   * The quotient of the 128-bit {@code (u1, u0)} by the normalized {@code d} (top bit set),
   * given {@code v = reciprocal(d)} and {@code u1 < d}. The remainder is {@code u0 - q * d}
   * modulo 2^64. This is the division by an invariant integer of Möller and Granlund
   * ("Improved division by invariant integers", 2011, algorithm 4): two multiplications instead
   * of a hardware divide, worth it when one divisor serves several digits.
   */
  static long div2by1(long u1, long u0, long d, long v) {
    long qLo = v * u1;
    long qHi = Math.unsignedMultiplyHigh(v, u1);
    long sum = qLo + u0;
    qHi += u1 + 1 + carry(qLo, u0, sum);
    qLo = sum;
    long rem = u0 - qHi * d;
    if (Long.compareUnsigned(rem, qLo) > 0) {
      qHi--;
      rem += d;
    }
    if (Long.compareUnsigned(rem, d) >= 0) {
      qHi++;
    }
    return qHi;
  }

  /** {@code floor((2^128 - 1) / d) - 2^64} for a normalized {@code d} (top bit set). */
  static long reciprocal(long d) {
    // (2^128 - 1) - 2^64 * d has high limb ~d and low limb all ones, and ~d < d.
    return divide128(~d, -1L, d);
  }

  /**
   * The quotient of the 128-bit {@code (u1, u0)} by {@code v}, for {@code u1 < v} (so it fits
   * in 64 bits). Long division on 32-bit half digits with the hardware 64-bit divide; the
   * remainder is {@code u0 - q * v} modulo 2^64.
   */
  static long divide128(long u1, long u0, long v) {
    final long half = 0xFFFF_FFFFL;
    int s = Long.numberOfLeadingZeros(v);
    if (s != 0) {
      v <<= s;
      u1 = (u1 << s) | (u0 >>> (64 - s));
      u0 <<= s;
    }
    long vh = v >>> 32;
    long vl = v & half;
    long u0h = u0 >>> 32;
    long u0l = u0 & half;
    // The high half digit, from (u1, u0h) / v estimated by u1 / vh and corrected at most twice.
    long qh = Long.divideUnsigned(u1, vh);
    long rh = u1 - qh * vh;
    while (qh > half || Long.compareUnsigned(qh * vl, (rh << 32) | u0h) > 0) {
      qh--;
      rh += vh;
      if (rh > half) {
        break;
      }
    }
    long mid = (u1 << 32) + u0h - qh * v;
    long ql = Long.divideUnsigned(mid, vh);
    long rl = mid - ql * vh;
    while (ql > half || Long.compareUnsigned(ql * vl, (rl << 32) | u0l) > 0) {
      ql--;
      rl += vh;
      if (rl > half) {
        break;
      }
    }
    return (qh << 32) | ql;
  }

  /** {@code (u1, u0) mod d} for any {@code d != 0}. */
  static long remainder128(long u1, long u0, long d) {
    if (Long.compareUnsigned(u1, d) >= 0) {
      u1 = Long.remainderUnsigned(u1, d);
    }
    return u0 - divide128(u1, u0, d) * d;
  }

  // ---------------------------------------------------------------- modular arithmetic

  /** {@code r = (a + b) mod m} without wrapping the sum; zero when {@code m} is zero. */
  public static void addMod(long[] a, int ao, long[] b, int bo, long[] m, int mo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long m0 = m[mo], m1 = m[mo + 1], m2 = m[mo + 2], m3 = m[mo + 3];
    if ((m0 | m1 | m2 | m3) == 0) {
      set(r, ro, 0);
      return;
    }
    long s0 = a0 + b0;
    long c = carry(a0, b0, s0);
    long s1 = a1 + b1 + c;
    c = carry(a1, b1, s1);
    long s2 = a2 + b2 + c;
    c = carry(a2, b2, s2);
    long s3 = a3 + b3 + c;
    long s4 = carry(a3, b3, s3);
    if ((m1 | m2 | m3 | a1 | a2 | a3 | b1 | b2 | b3) == 0) {
      set(r, ro, remainder128(s1, s0, m0));
      return;
    }
    // Operands already reduced (the usual case in field arithmetic): one subtraction suffices.
    if (compareUnsigned(a0, a1, a2, a3, m0, m1, m2, m3) < 0
        && compareUnsigned(b0, b1, b2, b3, m0, m1, m2, m3) < 0) {
      if (s4 != 0 || compareUnsigned(s0, s1, s2, s3, m0, m1, m2, m3) >= 0) {
        long d0 = s0 - m0;
        long bw = borrow(s0, m0, d0);
        long d1 = s1 - m1 - bw;
        bw = borrow(s1, m1, d1);
        long d2 = s2 - m2 - bw;
        bw = borrow(s2, m2, d2);
        s3 = s3 - m3 - bw;
        s2 = d2;
        s1 = d1;
        s0 = d0;
      }
      r[ro] = s0;
      r[ro + 1] = s1;
      r[ro + 2] = s2;
      r[ro + 3] = s3;
      return;
    }
    long[] w = new long[5 + 1 + LIMBS];
    w[0] = s0;
    w[1] = s1;
    w[2] = s2;
    w[3] = s3;
    w[4] = s4;
    reduce(w, 5, m0, m1, m2, m3, r, ro);
  }

  /** {@code r = (a * b) mod m} on the full 512-bit product; zero when {@code m} is zero. */
  public static void mulMod(long[] a, int ao, long[] b, int bo, long[] m, int mo, long[] r, int ro) {
    long m0 = m[mo], m1 = m[mo + 1], m2 = m[mo + 2], m3 = m[mo + 3];
    if ((m0 | m1 | m2 | m3) == 0) {
      set(r, ro, 0);
      return;
    }
    int alen = limbCount(a[ao], a[ao + 1], a[ao + 2], a[ao + 3]);
    int blen = limbCount(b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
    if (alen == 0 || blen == 0) {
      set(r, ro, 0);
      return;
    }
    if (alen == 1 && blen == 1 && (m1 | m2 | m3) == 0) {
      long x = a[ao];
      long y = b[bo];
      set(r, ro, remainder128(Math.unsignedMultiplyHigh(x, y), x * y, m0));
      return;
    }
    long[] w = new long[8 + 1 + LIMBS];
    mulFull(a, ao, alen, b, bo, blen, w, 0);
    reduce(w, alen + blen, m0, m1, m2, m3, r, ro);
  }

  /**
   * {@code r = w[0..ulen) mod m} for {@code m != 0}. {@code w} is scratch: it must have room
   * for one more limb above the dividend and for the divisor after that.
   */
  private static void reduce(long[] w, int ulen, long m0, long m1, long m2, long m3, long[] r, int ro) {
    while (ulen > 0 && w[ulen - 1] == 0) {
      ulen--;
    }
    int mlen = limbCount(m0, m1, m2, m3);
    if (mlen == 1) {
      set(r, ro, divideByLimb(w, 0, ulen, m0, null, 0));
      return;
    }
    if (ulen < mlen) {
      for (int i = 0; i < LIMBS; i++) {
        r[ro + i] = i < ulen ? w[i] : 0;
      }
      return;
    }
    int vOff = ulen + 1;
    w[vOff] = m0;
    w[vOff + 1] = m1;
    if (mlen > 2) {
      w[vOff + 2] = m2;
    }
    if (mlen > 3) {
      w[vOff + 3] = m3;
    }
    knuthDivide(w, 0, ulen, vOff, mlen, null, 0, r, ro);
    for (int i = mlen; i < LIMBS; i++) {
      r[ro + i] = 0;
    }
  }

  /** {@code r = base ^ exponent mod 2^256}. */
  public static void exp(long[] base, int bo, long[] exponent, int eo, long[] r, int ro) {
    exp(base[bo], base[bo + 1], base[bo + 2], base[bo + 3],
        exponent[eo], exponent[eo + 1], exponent[eo + 2], exponent[eo + 3], r, ro);
  }

  static void exp(
      long b0, long b1, long b2, long b3, long e0, long e1, long e2, long e3, long[] r, int ro) {
    int ebits = 256 - numberOfLeadingZeros(e0, e1, e2, e3);
    if (ebits == 0) {
      set(r, ro, 1);
      return;
    }
    int bbits = 256 - numberOfLeadingZeros(b0, b1, b2, b3);
    if (bbits <= 1) {
      set(r, ro, b0); // 0^e = 0 and 1^e = 1 for e > 0
      return;
    }
    if (Long.bitCount(b0) + Long.bitCount(b1) + Long.bitCount(b2) + Long.bitCount(b3) == 1) {
      // (2^k)^e = 2^(k*e): one shift, and zero once k*e reaches 256. Common in contracts.
      long k = bbits - 1;
      if (ebits > 8 || k * e0 >= 256) {
        set(r, ro, 0);
      } else {
        shiftLeft(1, 0, 0, 0, (int) (k * e0), r, ro);
      }
      return;
    }
    // Left-to-right square-and-multiply over the exponent's bits; the top bit gives the base.
    long[] w = new long[LIMBS];
    long x0 = b0, x1 = b1, x2 = b2, x3 = b3;
    for (int i = ebits - 2; i >= 0; i--) {
      mul(x0, x1, x2, x3, x0, x1, x2, x3, w, 0);
      x0 = w[0];
      x1 = w[1];
      x2 = w[2];
      x3 = w[3];
      if (bit(e0, e1, e2, e3, i)) {
        mul(x0, x1, x2, x3, b0, b1, b2, b3, w, 0);
        x0 = w[0];
        x1 = w[1];
        x2 = w[2];
        x3 = w[3];
      }
      if ((x0 | x1 | x2 | x3) == 0) {
        break; // an even base's powers reach zero and stay there
      }
    }
    r[ro] = x0;
    r[ro + 1] = x1;
    r[ro + 2] = x2;
    r[ro + 3] = x3;
  }

  private static boolean bit(long l0, long l1, long l2, long l3, int i) {
    long limb = switch (i >>> 6) {
      case 0 -> l0;
      case 1 -> l1;
      case 2 -> l2;
      default -> l3;
    };
    return ((limb >>> (i & 63)) & 1) != 0;
  }

  // ---------------------------------------------------------------- sign and bytes

  /** Two's complement negation, {@code r = 0 - a}. */
  public static void negate(long[] a, int ao, long[] r, int ro) {
    long r0 = -a[ao];
    long c = r0 == 0 ? 1 : 0;
    long r1 = ~a[ao + 1] + c;
    c &= r1 == 0 ? 1 : 0;
    long r2 = ~a[ao + 2] + c;
    c &= r2 == 0 ? 1 : 0;
    r[ro + 3] = ~a[ao + 3] + c;
    r[ro + 2] = r2;
    r[ro + 1] = r1;
    r[ro] = r0;
  }

  /**
   * SIGNEXTEND: treats the low {@code byteNum + 1} bytes of {@code value} as a signed integer
   * and extends its sign through the word; a byte number of 31 or more leaves the value as is.
   */
  public static void signExtend(long[] byteNum, int no, long[] value, int vo, long[] r, int ro) {
    long n = byteNum[no];
    boolean big = (byteNum[no + 1] | byteNum[no + 2] | byteNum[no + 3]) != 0
        || Long.compareUnsigned(n, 31) >= 0;
    if (r != value || ro != vo) {
      copy(value, vo, r, ro);
    }
    if (big) {
      return;
    }
    int signBit = 8 * (int) n + 7; // 7..247
    int limb = signBit >>> 6;
    int off = signBit & 63;
    long x = r[ro + limb];
    boolean negative = ((x >>> off) & 1) != 0;
    long low = -1L >>> (63 - off); // the bits up to and including the sign bit
    r[ro + limb] = negative ? x | ~low : x & low;
    long fill = negative ? -1L : 0;
    for (int i = limb + 1; i < LIMBS; i++) {
      r[ro + i] = fill;
    }
  }

  /** BYTE: byte {@code index} of {@code word} counted from the most significant (0..31), else 0. */
  public static void byteAt(long[] index, int io, long[] word, int wo, long[] r, int ro) {
    long i = index[io];
    if ((index[io + 1] | index[io + 2] | index[io + 3]) != 0 || Long.compareUnsigned(i, 32) >= 0) {
      set(r, ro, 0);
      return;
    }
    int fromLow = 31 - (int) i;
    long limb = word[wo + (fromLow >>> 3)];
    set(r, ro, (limb >>> ((fromLow & 7) * 8)) & 0xff);
  }

  // ---------------------------------------------------------------- shifts

  /** SHL: {@code r = value << shift}, zero for shifts of 256 or more. */
  public static void shl(long[] shift, int so, long[] value, int vo, long[] r, int ro) {
    int n = shiftAmount(shift, so);
    if (n >= 256) {
      set(r, ro, 0);
      return;
    }
    shiftLeft(value[vo], value[vo + 1], value[vo + 2], value[vo + 3], n, r, ro);
  }

  /** SHR: logical {@code r = value >>> shift}, zero for shifts of 256 or more. */
  public static void shr(long[] shift, int so, long[] value, int vo, long[] r, int ro) {
    int n = shiftAmount(shift, so);
    if (n >= 256) {
      set(r, ro, 0);
      return;
    }
    shiftRight(value[vo], value[vo + 1], value[vo + 2], value[vo + 3], n, r, ro);
  }

  /**
   * SAR: arithmetic {@code r = value >> shift}, filling with the sign bit; a shift of 256 or
   * more gives 0 or -1 by the sign.
   */
  public static void sar(long[] shift, int so, long[] value, int vo, long[] r, int ro) {
    int n = Math.min(shiftAmount(shift, so), 256);
    long v0 = value[vo], v1 = value[vo + 1], v2 = value[vo + 2], v3 = value[vo + 3];
    if (v3 >= 0) {
      if (n == 256) {
        set(r, ro, 0);
      } else {
        shiftRight(v0, v1, v2, v3, n, r, ro);
      }
      return;
    }
    // For a negative value, x >> n == ~(~x >>> n): the complement turns the sign fill into zeros.
    if (n == 256) {
      r[ro] = r[ro + 1] = r[ro + 2] = r[ro + 3] = -1L;
      return;
    }
    shiftRight(~v0, ~v1, ~v2, ~v3, n, r, ro);
    r[ro] = ~r[ro];
    r[ro + 1] = ~r[ro + 1];
    r[ro + 2] = ~r[ro + 2];
    r[ro + 3] = ~r[ro + 3];
  }

  /**
   * {@code r = value << shift} for a shift known as an int (such as PUSHn padding); shifts of
   * 256 or more give zero.
   */
  public static void shl(int shift, long[] value, int vo, long[] r, int ro) {
    if (shift < 0) {
      throw new IllegalArgumentException("shift must not be negative: " + shift);
    }
    if (shift >= 256) {
      set(r, ro, 0);
      return;
    }
    shiftLeft(value[vo], value[vo + 1], value[vo + 2], value[vo + 3], shift, r, ro);
  }

  /** {@code r = value >>> shift} for a shift known as an int; shifts of 256 or more give zero. */
  public static void shr(int shift, long[] value, int vo, long[] r, int ro) {
    if (shift < 0) {
      throw new IllegalArgumentException("shift must not be negative: " + shift);
    }
    if (shift >= 256) {
      set(r, ro, 0);
      return;
    }
    shiftRight(value[vo], value[vo + 1], value[vo + 2], value[vo + 3], shift, r, ro);
  }

  /** The shift as an int, with every amount of 256 or more reported as 256. */
  private static int shiftAmount(long[] shift, int so) {
    long s = shift[so];
    if ((shift[so + 1] | shift[so + 2] | shift[so + 3]) != 0 || Long.compareUnsigned(s, 256) >= 0) {
      return 256;
    }
    return (int) s;
  }

  /** {@code r = x << n} for {@code 0 <= n < 256}. */
  static void shiftLeft(long x0, long x1, long x2, long x3, int n, long[] r, int ro) {
    // Move whole limbs first, then bits; a bit shift of 0 must skip the (x >>> 64) term,
    // which Java would treat as a shift by 0.
    switch (n >>> 6) {
      case 0 -> { }
      case 1 -> {
        x3 = x2;
        x2 = x1;
        x1 = x0;
        x0 = 0;
      }
      case 2 -> {
        x3 = x1;
        x2 = x0;
        x1 = 0;
        x0 = 0;
      }
      default -> {
        x3 = x0;
        x2 = 0;
        x1 = 0;
        x0 = 0;
      }
    }
    int b = n & 63;
    if (b != 0) {
      int c = 64 - b;
      x3 = (x3 << b) | (x2 >>> c);
      x2 = (x2 << b) | (x1 >>> c);
      x1 = (x1 << b) | (x0 >>> c);
      x0 = x0 << b;
    }
    r[ro] = x0;
    r[ro + 1] = x1;
    r[ro + 2] = x2;
    r[ro + 3] = x3;
  }

  /** {@code r = x >>> n} for {@code 0 <= n < 256}. */
  static void shiftRight(long x0, long x1, long x2, long x3, int n, long[] r, int ro) {
    switch (n >>> 6) {
      case 0 -> { }
      case 1 -> {
        x0 = x1;
        x1 = x2;
        x2 = x3;
        x3 = 0;
      }
      case 2 -> {
        x0 = x2;
        x1 = x3;
        x2 = 0;
        x3 = 0;
      }
      default -> {
        x0 = x3;
        x1 = 0;
        x2 = 0;
        x3 = 0;
      }
    }
    int b = n & 63;
    if (b != 0) {
      int c = 64 - b;
      x0 = (x0 >>> b) | (x1 << c);
      x1 = (x1 >>> b) | (x2 << c);
      x2 = (x2 >>> b) | (x3 << c);
      x3 = x3 >>> b;
    }
    r[ro] = x0;
    r[ro + 1] = x1;
    r[ro + 2] = x2;
    r[ro + 3] = x3;
  }

  // ---------------------------------------------------------------- bitwise

  public static void and(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    r[ro] = a[ao] & b[bo];
    r[ro + 1] = a[ao + 1] & b[bo + 1];
    r[ro + 2] = a[ao + 2] & b[bo + 2];
    r[ro + 3] = a[ao + 3] & b[bo + 3];
  }

  public static void or(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    r[ro] = a[ao] | b[bo];
    r[ro + 1] = a[ao + 1] | b[bo + 1];
    r[ro + 2] = a[ao + 2] | b[bo + 2];
    r[ro + 3] = a[ao + 3] | b[bo + 3];
  }

  public static void xor(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    r[ro] = a[ao] ^ b[bo];
    r[ro + 1] = a[ao + 1] ^ b[bo + 1];
    r[ro + 2] = a[ao + 2] ^ b[bo + 2];
    r[ro + 3] = a[ao + 3] ^ b[bo + 3];
  }

  public static void not(long[] a, int ao, long[] r, int ro) {
    r[ro] = ~a[ao];
    r[ro + 1] = ~a[ao + 1];
    r[ro + 2] = ~a[ao + 2];
    r[ro + 3] = ~a[ao + 3];
  }

  // ---------------------------------------------------------------- comparison

  public static int compareUnsigned(long[] a, int ao, long[] b, int bo) {
    return compareUnsigned(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
  }

  static int compareUnsigned(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    if (a3 != b3) {
      return Long.compareUnsigned(a3, b3);
    }
    if (a2 != b2) {
      return Long.compareUnsigned(a2, b2);
    }
    if (a1 != b1) {
      return Long.compareUnsigned(a1, b1);
    }
    return Long.compareUnsigned(a0, b0);
  }

  /** Compares the words as two's complement signed integers. */
  public static int compareSigned(long[] a, int ao, long[] b, int bo) {
    long a3 = a[ao + 3];
    long b3 = b[bo + 3];
    if (a3 != b3) {
      return Long.compare(a3, b3); // the top limb carries the sign
    }
    return compareUnsigned(0, a[ao], a[ao + 1], a[ao + 2], 0, b[bo], b[bo + 1], b[bo + 2]);
  }

  /** LT: unsigned {@code a < b}. */
  public static boolean lt(long[] a, int ao, long[] b, int bo) {
    return compareUnsigned(a, ao, b, bo) < 0;
  }

  /** GT: unsigned {@code a > b}. */
  public static boolean gt(long[] a, int ao, long[] b, int bo) {
    return compareUnsigned(a, ao, b, bo) > 0;
  }

  /** SLT: signed {@code a < b}. */
  public static boolean slt(long[] a, int ao, long[] b, int bo) {
    return compareSigned(a, ao, b, bo) < 0;
  }

  /** SGT: signed {@code a > b}. */
  public static boolean sgt(long[] a, int ao, long[] b, int bo) {
    return compareSigned(a, ao, b, bo) > 0;
  }

  /** EQ. */
  public static boolean eq(long[] a, int ao, long[] b, int bo) {
    return a[ao] == b[bo] && a[ao + 1] == b[bo + 1] && a[ao + 2] == b[bo + 2] && a[ao + 3] == b[bo + 3];
  }

  // ---------------------------------------------------------------- sizes and clamps

  /** Leading zero bits, 256 for zero; CLZ (EIP-7939) pushes exactly this. */
  public static int numberOfLeadingZeros(long[] a, int ao) {
    return numberOfLeadingZeros(a[ao], a[ao + 1], a[ao + 2], a[ao + 3]);
  }

  static int numberOfLeadingZeros(long l0, long l1, long l2, long l3) {
    if (l3 != 0) {
      return Long.numberOfLeadingZeros(l3);
    }
    if (l2 != 0) {
      return 64 + Long.numberOfLeadingZeros(l2);
    }
    if (l1 != 0) {
      return 128 + Long.numberOfLeadingZeros(l1);
    }
    return 192 + Long.numberOfLeadingZeros(l0);
  }

  /** The number of significant bits, 0 for zero. */
  public static int bitLength(long[] a, int ao) {
    return 256 - numberOfLeadingZeros(a, ao);
  }

  /** The number of significant bytes, 0 for zero; EXP charges gas per exponent byte. */
  public static int byteLength(long[] a, int ao) {
    return (bitLength(a, ao) + 7) >>> 3;
  }

  /** The value if it is at most {@link Long#MAX_VALUE}, otherwise {@link Long#MAX_VALUE}. */
  public static long clampedToLong(long[] a, int ao) {
    long l0 = a[ao];
    return ((a[ao + 1] | a[ao + 2] | a[ao + 3]) != 0 || l0 < 0) ? Long.MAX_VALUE : l0;
  }

  /** The number of non-zero limbs counting from the top: 0 for zero, 1 below 2^64, and so on. */
  static int limbCount(long l0, long l1, long l2, long l3) {
    if (l3 != 0) {
      return 4;
    }
    if (l2 != 0) {
      return 3;
    }
    if (l1 != 0) {
      return 2;
    }
    return l0 != 0 ? 1 : 0;
  }
}
