package org.linden.types;

import java.math.BigInteger;

/**
 * An immutable unsigned 256-bit integer on four {@code long} limbs, {@code u0} the least
 * significant. Arithmetic wraps modulo 2^256 with EVM semantics: division and reduction by zero
 * give zero, the signed operations read the word as two's complement, shifts of 256 or more
 * clear the word (or fill it with the sign for {@link #sar}).
 *
 * <p>The cheap operations work on the fields directly; the multi-limb algorithms live in
 * {@link UInt256Math}, which the EVM stack can also call on its {@code long[]} slots.
 */
public final class UInt256 implements Comparable<UInt256> {
  public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
  public static final UInt256 ONE = new UInt256(1, 0, 0, 0);
  public static final UInt256 MAX = new UInt256(-1L, -1L, -1L, -1L);

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
  private static final long TEN_POW_19 = Long.parseUnsignedLong("10000000000000000000");

  final long u0;
  final long u1;
  final long u2;
  final long u3;

  public UInt256(long u0, long u1, long u2, long u3) {
    this.u0 = u0;
    this.u1 = u1;
    this.u2 = u2;
    this.u3 = u3;
  }

  // ---------------------------------------------------------------- construction

  /** The value of {@code unsignedValue} read as unsigned: {@code valueOf(-1)} is 2^64 - 1. */
  public static UInt256 valueOf(long unsignedValue) {
    if (unsignedValue == 0) {
      return ZERO;
    }
    if (unsignedValue == 1) {
      return ONE;
    }
    return new UInt256(unsignedValue, 0, 0, 0);
  }

  public static UInt256 fromBigInteger(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("value does not fit in 256 unsigned bits: " + v);
    }
    return new UInt256(
        v.longValue(), v.shiftRight(64).longValue(), v.shiftRight(128).longValue(), v.shiftRight(192).longValue());
  }

  /** Big-endian bytes of at most 32, read as an unsigned integer. */
  public static UInt256 fromBytes(Bytes b) {
    if (b.size() > 32) {
      throw new IllegalArgumentException("more than 32 bytes: " + b.size());
    }
    return fromBytes(b.unsafeArray(), 0, b.size());
  }

  /** {@code length} (at most 32) big-endian bytes from {@code src}, read as an unsigned integer. */
  public static UInt256 fromBytes(byte[] src, int offset, int length) {
    long[] l = new long[UInt256Math.LIMBS];
    UInt256Math.fromBytes(src, offset, length, l, 0);
    return new UInt256(l[0], l[1], l[2], l[3]);
  }

  /** The word at {@code src[offset .. offset + 3]}, least significant limb first. */
  public static UInt256 fromLimbs(long[] src, int offset) {
    return new UInt256(src[offset], src[offset + 1], src[offset + 2], src[offset + 3]);
  }

  /**
   * Parses hexadecimal digits, with or without {@code 0x}, in any case; leading zeros are
   * allowed. At least one digit is required and the value must fit in 256 bits.
   */
  public static UInt256 fromHex(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("hex string is null");
    }
    int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    int len = hex.length();
    if (start == len) {
      throw new IllegalArgumentException("no hex digits in " + quote(hex));
    }
    int first = start;
    while (first < len && hex.charAt(first) == '0') {
      first++;
    }
    if (len - first > 64) {
      throw new IllegalArgumentException("hex value does not fit in 256 bits: " + quote(hex));
    }
    long[] l = new long[UInt256Math.LIMBS];
    for (int i = len - 1, bit = 0; i >= first; i--, bit += 4) {
      int d = hexDigit(hex.charAt(i));
      if (d < 0) {
        throw new IllegalArgumentException(
            "invalid hex digit '" + hex.charAt(i) + "' at position " + i + " in " + quote(hex));
      }
      l[bit >>> 6] |= (long) d << (bit & 63);
    }
    return new UInt256(l[0], l[1], l[2], l[3]);
  }

  /** ASCII hex digits only: {@link Character#digit} would also accept other scripts' digits. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String quote(String s) {
    return s.length() <= 80 ? '"' + s + '"' : '"' + s.substring(0, 77) + "...\"";
  }

  // ---------------------------------------------------------------- conversion

  /** Exactly 32 big-endian bytes. */
  public Bytes toBytes32() {
    byte[] out = new byte[32];
    toBytes32(out, 0);
    return Bytes.wrap(out);
  }

  /** Writes exactly 32 big-endian bytes to {@code dest} at {@code offset}. */
  public void toBytes32(byte[] dest, int offset) {
    UInt256Math.toBytes32(new long[] {u0, u1, u2, u3}, 0, dest, offset);
  }

  /** Big-endian bytes without leading zeros; zero is the empty sequence. */
  public Bytes toMinimalBytes() {
    int n = byteLength();
    if (n == 0) {
      return Bytes.EMPTY;
    }
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      int fromLow = n - 1 - i;
      out[i] = (byte) (limb(fromLow >>> 3) >>> ((fromLow & 7) * 8));
    }
    return Bytes.wrap(out);
  }

  /** Writes the limbs to {@code dest[offset .. offset + 3]}, least significant first. */
  public void toLimbs(long[] dest, int offset) {
    dest[offset] = u0;
    dest[offset + 1] = u1;
    dest[offset + 2] = u2;
    dest[offset + 3] = u3;
  }

  /** Limb {@code index} (0..3), 0 the least significant. */
  public long limb(int index) {
    return switch (index) {
      case 0 -> u0;
      case 1 -> u1;
      case 2 -> u2;
      case 3 -> u3;
      default -> throw new IndexOutOfBoundsException("limb index " + index + " is not in 0..3");
    };
  }

  /** The JSON-RPC quantity form: {@code 0x} and lower-case hex without leading zeros, "0x0" for zero. */
  public String toHexString() {
    int digits = (bitLength() + 3) >>> 2;
    if (digits == 0) {
      return "0x0";
    }
    char[] out = new char[2 + digits];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < digits; i++) {
      int nibble = digits - 1 - i;
      out[2 + i] = HEX_DIGITS[(int) (limb(nibble >>> 4) >>> ((nibble & 15) * 4)) & 0xf];
    }
    return new String(out);
  }

  public BigInteger toBigInteger() {
    return new BigInteger(1, toBytes32().unsafeArray());
  }

  // ---------------------------------------------------------------- predicates and sizes

  public boolean isZero() {
    return (u0 | u1 | u2 | u3) == 0;
  }

  /** Whether the sign bit is set, i.e. the word is negative read as two's complement. */
  public boolean isNegative() {
    return u3 < 0;
  }

  /** The number of significant bits, 0 for zero. */
  public int bitLength() {
    return 256 - numberOfLeadingZeros();
  }

  /** Leading zero bits, 256 for zero: the result of CLZ (EIP-7939). */
  public int numberOfLeadingZeros() {
    return UInt256Math.numberOfLeadingZeros(u0, u1, u2, u3);
  }

  /** The number of significant bytes, 0 for zero: EXP charges gas per byte of the exponent. */
  public int byteLength() {
    return (bitLength() + 7) >>> 3;
  }

  /** Whether the value is at most {@link Long#MAX_VALUE}. */
  public boolean fitsInLong() {
    return (u1 | u2 | u3) == 0 && u0 >= 0;
  }

  /** Whether the value is at most {@link Integer#MAX_VALUE}. */
  public boolean fitsInInt() {
    return (u1 | u2 | u3) == 0 && u0 >= 0 && u0 <= Integer.MAX_VALUE;
  }

  /**
   * The value, or {@link Long#MAX_VALUE} if it is larger: gas and memory sizes above that are
   * unaffordable anyway, so callers can treat the clamp as "too much".
   */
  public long clampedToLong() {
    return fitsInLong() ? u0 : Long.MAX_VALUE;
  }

  /** The value, or {@link Integer#MAX_VALUE} if it is larger. */
  public int clampedToInt() {
    return fitsInInt() ? (int) u0 : Integer.MAX_VALUE;
  }

  /** The value as a long; throws if it is above {@link Long#MAX_VALUE}. */
  public long toLongExact() {
    if (!fitsInLong()) {
      throw new ArithmeticException("value does not fit in a long: " + this);
    }
    return u0;
  }

  /** The value as an int; throws if it is above {@link Integer#MAX_VALUE}. */
  public int toIntExact() {
    if (!fitsInInt()) {
      throw new ArithmeticException("value does not fit in an int: " + this);
    }
    return (int) u0;
  }

  /** The low 64 bits, like {@link BigInteger#longValue()}: no range check. */
  public long longValue() {
    return u0;
  }

  // ---------------------------------------------------------------- arithmetic

  public UInt256 add(UInt256 o) {
    long r0 = u0 + o.u0;
    long c = UInt256Math.carry(u0, o.u0, r0);
    long r1 = u1 + o.u1 + c;
    c = UInt256Math.carry(u1, o.u1, r1);
    long r2 = u2 + o.u2 + c;
    c = UInt256Math.carry(u2, o.u2, r2);
    long r3 = u3 + o.u3 + c;
    return new UInt256(r0, r1, r2, r3);
  }

  /** {@code this - o}, wrapping. */
  public UInt256 sub(UInt256 o) {
    long r0 = u0 - o.u0;
    long b = UInt256Math.borrow(u0, o.u0, r0);
    long r1 = u1 - o.u1 - b;
    b = UInt256Math.borrow(u1, o.u1, r1);
    long r2 = u2 - o.u2 - b;
    b = UInt256Math.borrow(u2, o.u2, r2);
    long r3 = u3 - o.u3 - b;
    return new UInt256(r0, r1, r2, r3);
  }

  public UInt256 mul(UInt256 o) {
    if ((u1 | u2 | u3 | o.u1 | o.u2 | o.u3) == 0) {
      return new UInt256(u0 * o.u0, Math.unsignedMultiplyHigh(u0, o.u0), 0, 0);
    }
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.mul(u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3, r, 0);
    return fromLimbs(r, 0);
  }

  /** Unsigned {@code this / o}; zero when {@code o} is zero. */
  public UInt256 div(UInt256 o) {
    if ((u1 | u2 | u3 | o.u1 | o.u2 | o.u3) == 0) {
      return o.u0 == 0 ? ZERO : valueOf(Long.divideUnsigned(u0, o.u0));
    }
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.divMod(u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3, r, 0, null, 0);
    return fromLimbs(r, 0);
  }

  /** Unsigned {@code this mod o}; zero when {@code o} is zero. */
  public UInt256 mod(UInt256 o) {
    if ((u1 | u2 | u3 | o.u1 | o.u2 | o.u3) == 0) {
      return o.u0 == 0 ? ZERO : valueOf(Long.remainderUnsigned(u0, o.u0));
    }
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.divMod(u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3, null, 0, r, 0);
    return fromLimbs(r, 0);
  }

  /** Signed division truncating toward zero (SDIV); zero when {@code o} is zero. */
  public UInt256 sdiv(UInt256 o) {
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.sdiv(u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3, r, 0);
    return fromLimbs(r, 0);
  }

  /** Signed remainder with the sign of {@code this} (SMOD); zero when {@code o} is zero. */
  public UInt256 smod(UInt256 o) {
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.smod(u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3, r, 0);
    return fromLimbs(r, 0);
  }

  /** {@code (this + o) mod m} without wrapping the sum (ADDMOD); zero when {@code m} is zero. */
  public UInt256 addMod(UInt256 o, UInt256 m) {
    long[] w = {u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3, m.u0, m.u1, m.u2, m.u3};
    UInt256Math.addMod(w, 0, w, 4, w, 8, w, 0);
    return fromLimbs(w, 0);
  }

  /** {@code (this * o) mod m} on the full 512-bit product (MULMOD); zero when {@code m} is zero. */
  public UInt256 mulMod(UInt256 o, UInt256 m) {
    long[] w = {u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3, m.u0, m.u1, m.u2, m.u3};
    UInt256Math.mulMod(w, 0, w, 4, w, 8, w, 0);
    return fromLimbs(w, 0);
  }

  /** {@code this ^ exponent mod 2^256} (EXP). */
  public UInt256 exp(UInt256 exponent) {
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.exp(u0, u1, u2, u3, exponent.u0, exponent.u1, exponent.u2, exponent.u3, r, 0);
    return fromLimbs(r, 0);
  }

  /** Two's complement negation, {@code 0 - this}. */
  public UInt256 negate() {
    return ZERO.sub(this);
  }

  /**
   * SIGNEXTEND: reads the low {@code byteIndex + 1} bytes as a signed integer and extends its
   * sign; a byte index of 31 or more returns the value unchanged.
   */
  public UInt256 signExtend(UInt256 byteIndex) {
    long[] w = {byteIndex.u0, byteIndex.u1, byteIndex.u2, byteIndex.u3, u0, u1, u2, u3};
    UInt256Math.signExtend(w, 0, w, 4, w, 4);
    return fromLimbs(w, 4);
  }

  /** {@link #signExtend(UInt256)} for a non-negative int index. */
  public UInt256 signExtend(int byteIndex) {
    return signExtend(valueOf(requireNonNegative(byteIndex, "byte index")));
  }

  // ---------------------------------------------------------------- bytes and shifts

  /** BYTE: byte {@code index} counted from the most significant (0..31) as a word, else zero. */
  public UInt256 byteAt(UInt256 index) {
    if ((index.u1 | index.u2 | index.u3) != 0 || Long.compareUnsigned(index.u0, 32) >= 0) {
      return ZERO;
    }
    return valueOf(byteAt((int) index.u0));
  }

  /** Byte {@code index} counted from the most significant (0..31) as 0..255; 0 outside that range. */
  public int byteAt(int index) {
    if (index < 0 || index >= 32) {
      return 0;
    }
    int fromLow = 31 - index;
    return (int) (limb(fromLow >>> 3) >>> ((fromLow & 7) * 8)) & 0xff;
  }

  /** {@code this << shift}; zero for shifts of 256 or more. */
  public UInt256 shl(int shift) {
    requireNonNegative(shift, "shift");
    if (shift >= 256) {
      return ZERO;
    }
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.shiftLeft(u0, u1, u2, u3, shift, r, 0);
    return fromLimbs(r, 0);
  }

  /** SHL with the shift as a word. */
  public UInt256 shl(UInt256 shift) {
    return shl(shift.clampedToInt());
  }

  /** Logical {@code this >>> shift}; zero for shifts of 256 or more. */
  public UInt256 shr(int shift) {
    requireNonNegative(shift, "shift");
    if (shift >= 256) {
      return ZERO;
    }
    long[] r = new long[UInt256Math.LIMBS];
    UInt256Math.shiftRight(u0, u1, u2, u3, shift, r, 0);
    return fromLimbs(r, 0);
  }

  /** SHR with the shift as a word. */
  public UInt256 shr(UInt256 shift) {
    return shr(shift.clampedToInt());
  }

  /** Arithmetic {@code this >> shift} filling with the sign bit; 0 or -1 for shifts of 256 or more. */
  public UInt256 sar(int shift) {
    requireNonNegative(shift, "shift");
    if (u3 >= 0) {
      return shr(shift);
    }
    // For a negative value, x >> n == ~(~x >>> n).
    return not().shr(shift).not();
  }

  /** SAR with the shift as a word. */
  public UInt256 sar(UInt256 shift) {
    return sar(shift.clampedToInt());
  }

  private static int requireNonNegative(int v, String what) {
    if (v < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + v);
    }
    return v;
  }

  // ---------------------------------------------------------------- bitwise

  public UInt256 and(UInt256 o) {
    return new UInt256(u0 & o.u0, u1 & o.u1, u2 & o.u2, u3 & o.u3);
  }

  public UInt256 or(UInt256 o) {
    return new UInt256(u0 | o.u0, u1 | o.u1, u2 | o.u2, u3 | o.u3);
  }

  public UInt256 xor(UInt256 o) {
    return new UInt256(u0 ^ o.u0, u1 ^ o.u1, u2 ^ o.u2, u3 ^ o.u3);
  }

  public UInt256 not() {
    return new UInt256(~u0, ~u1, ~u2, ~u3);
  }

  // ---------------------------------------------------------------- comparison

  /** LT: unsigned {@code this < o}. */
  public boolean lt(UInt256 o) {
    return compareUnsigned(this, o) < 0;
  }

  /** GT: unsigned {@code this > o}. */
  public boolean gt(UInt256 o) {
    return compareUnsigned(this, o) > 0;
  }

  /** SLT: {@code this < o} as two's complement signed integers. */
  public boolean slt(UInt256 o) {
    return compareSigned(this, o) < 0;
  }

  /** SGT: {@code this > o} as two's complement signed integers. */
  public boolean sgt(UInt256 o) {
    return compareSigned(this, o) > 0;
  }

  /** EQ. */
  public boolean eq(UInt256 o) {
    return u0 == o.u0 && u1 == o.u1 && u2 == o.u2 && u3 == o.u3;
  }

  public static int compareUnsigned(UInt256 a, UInt256 b) {
    return UInt256Math.compareUnsigned(a.u0, a.u1, a.u2, a.u3, b.u0, b.u1, b.u2, b.u3);
  }

  /** Compares as two's complement signed integers. */
  public static int compareSigned(UInt256 a, UInt256 b) {
    if (a.u3 != b.u3) {
      return Long.compare(a.u3, b.u3); // the top limb carries the sign
    }
    return UInt256Math.compareUnsigned(a.u0, a.u1, a.u2, 0, b.u0, b.u1, b.u2, 0);
  }

  /** Unsigned order. */
  @Override
  public int compareTo(UInt256 o) {
    return compareUnsigned(this, o);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UInt256 x && x.u0 == u0 && x.u1 == u1 && x.u2 == u2 && x.u3 == u3;
  }

  @Override
  public int hashCode() {
    // Mix every limb by position: xor-ing the upper limbs together would make words such as
    // (x, a, a, 0) and (x, 0, 0, 0) collide.
    int h = Long.hashCode(u3);
    h = 31 * h + Long.hashCode(u2);
    h = 31 * h + Long.hashCode(u1);
    return 31 * h + Long.hashCode(u0);
  }

  /** Decimal. */
  @Override
  public String toString() {
    if (fitsInLong()) {
      return Long.toString(u0);
    }
    // Peel off 19 decimal digits at a time by dividing by 10^19, the largest power of ten
    // below 2^64.
    long[] l = {u0, u1, u2, u3};
    int len = UInt256Math.limbCount(u0, u1, u2, u3);
    String[] chunks = new String[5]; // 2^256 has 78 decimal digits
    int n = 0;
    while (len > 0) {
      long rem = UInt256Math.divideByLimb(l, 0, len, TEN_POW_19, l, 0);
      chunks[n++] = Long.toUnsignedString(rem);
      while (len > 0 && l[len - 1] == 0) {
        len--;
      }
    }
    StringBuilder sb = new StringBuilder(78).append(chunks[n - 1]);
    for (int i = n - 2; i >= 0; i--) {
      sb.append("0".repeat(19 - chunks[i].length())).append(chunks[i]);
    }
    return sb.toString();
  }
}
