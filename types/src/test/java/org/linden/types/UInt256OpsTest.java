package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.types.Words.EDGES;
import static org.linden.types.Words.values;
import static org.linden.types.Words.word;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every EVM word operation, in both its {@link UInt256} and its {@link UInt256Math} form,
 * against the {@link EvmReference} model: on random words of many shapes, on all pairs of edge
 * values, and with the array form's result written over each of its inputs.
 */
class UInt256OpsTest {
  private static final int EXAMPLES = 4000;

  /** An array-form operation in EVM pop order. */
  interface ArrayBinary {
    void apply(long[] a, int ao, long[] b, int bo, long[] r, int ro);
  }

  interface ArrayTernary {
    void apply(long[] a, int ao, long[] b, int bo, long[] c, int co, long[] r, int ro);
  }

  interface ArrayCompare {
    boolean apply(long[] a, int ao, long[] b, int bo);
  }

  /** A binary opcode: reference, instance form and array form, all taking (first popped, second popped). */
  record Binary(String name, BinaryOperator<BigInteger> ref, BinaryOperator<UInt256> instance, ArrayBinary array) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Ternary(String name, TriFunction ref, TriWord instance, ArrayTernary array) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Compare(String name, BiPredicate<BigInteger, BigInteger> ref, BiPredicate<UInt256, UInt256> instance, ArrayCompare array) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface TriFunction {
    BigInteger apply(BigInteger a, BigInteger b, BigInteger c);
  }

  interface TriWord {
    UInt256 apply(UInt256 a, UInt256 b, UInt256 c);
  }

  static Stream<Binary> binaryOps() {
    return Stream.of(
        new Binary("ADD", EvmReference::add, UInt256::add, UInt256Math::add),
        new Binary("SUB", EvmReference::sub, UInt256::sub, UInt256Math::sub),
        new Binary("MUL", EvmReference::mul, UInt256::mul, UInt256Math::mul),
        new Binary("DIV", EvmReference::div, UInt256::div, UInt256Math::div),
        new Binary("SDIV", EvmReference::sdiv, UInt256::sdiv, UInt256Math::sdiv),
        new Binary("MOD", EvmReference::mod, UInt256::mod, UInt256Math::mod),
        new Binary("SMOD", EvmReference::smod, UInt256::smod, UInt256Math::smod),
        new Binary("EXP", EvmReference::exp, UInt256::exp, UInt256Math::exp),
        new Binary("SIGNEXTEND", EvmReference::signextend, (n, v) -> v.signExtend(n), UInt256Math::signExtend),
        new Binary("BYTE", EvmReference::byteOp, (i, w) -> w.byteAt(i), UInt256Math::byteAt),
        new Binary("SHL", EvmReference::shl, (s, v) -> v.shl(s), UInt256Math::shl),
        new Binary("SHR", EvmReference::shr, (s, v) -> v.shr(s), UInt256Math::shr),
        new Binary("SAR", EvmReference::sar, (s, v) -> v.sar(s), UInt256Math::sar),
        new Binary("AND", EvmReference::and, UInt256::and, UInt256Math::and),
        new Binary("OR", EvmReference::or, UInt256::or, UInt256Math::or),
        new Binary("XOR", EvmReference::xor, UInt256::xor, UInt256Math::xor));
  }

  static Stream<Ternary> ternaryOps() {
    return Stream.of(
        new Ternary("ADDMOD", EvmReference::addmod, UInt256::addMod, UInt256Math::addMod),
        new Ternary("MULMOD", EvmReference::mulmod, UInt256::mulMod, UInt256Math::mulMod));
  }

  static Stream<Compare> compareOps() {
    return Stream.of(
        new Compare("LT", EvmReference::lt, UInt256::lt, UInt256Math::lt),
        new Compare("GT", EvmReference::gt, UInt256::gt, UInt256Math::gt),
        new Compare("SLT", EvmReference::slt, UInt256::slt, UInt256Math::slt),
        new Compare("SGT", EvmReference::sgt, UInt256::sgt, UInt256Math::sgt),
        new Compare("EQ", EvmReference::eq, UInt256::eq, UInt256Math::eq));
  }

  // ---------------------------------------------------------------- binary

  @ParameterizedTest
  @MethodSource("binaryOps")
  void binaryMatchesReferenceOnRandomWords(Binary op) {
    qt().withExamples(EXAMPLES)
        .forAll(values(), values())
        .checkAssert((x, y) -> assertThat(op.instance().apply(word(x), word(y)).toBigInteger())
            .as("%s(%s, %s)", op, hex(x), hex(y))
            .isEqualTo(op.ref().apply(x, y)));
  }

  @ParameterizedTest
  @MethodSource("binaryOps")
  void binaryMatchesReferenceOnAllEdgePairs(Binary op) {
    for (BigInteger x : EDGES) {
      UInt256 wx = word(x);
      for (BigInteger y : EDGES) {
        BigInteger expected = op.ref().apply(x, y);
        assertThat(op.instance().apply(wx, word(y)).toBigInteger())
            .as("%s(%s, %s)", op, hex(x), hex(y))
            .isEqualTo(expected);
        assertThat(applyArray(op.array(), x, y, Layout.SEPARATE))
            .as("array %s(%s, %s)", op, hex(x), hex(y))
            .isEqualTo(expected);
      }
    }
  }

  /** How the array form's operands and result share slots. */
  enum Layout { SEPARATE, RESULT_OVER_FIRST, RESULT_OVER_SECOND, ONE_SLOT_FOR_ALL }

  @ParameterizedTest
  @MethodSource("binaryOps")
  void binaryArrayFormMatchesReferenceInEveryLayout(Binary op) {
    qt().withExamples(EXAMPLES)
        .forAll(values(), values(), Generate.enumValues(Layout.class))
        .checkAssert((x, y, layout) -> {
          BigInteger second = layout == Layout.ONE_SLOT_FOR_ALL ? x : y;
          assertThat(applyArray(op.array(), x, second, layout))
              .as("%s(%s, %s) laid out %s", op, hex(x), hex(second), layout)
              .isEqualTo(op.ref().apply(x, second));
        });
  }

  /**
   * Runs the array form on a stack-like array with sentinels around the slots and at an odd
   * base offset, checks that only the result slot changed, and returns the result.
   */
  private static BigInteger applyArray(ArrayBinary f, BigInteger x, BigInteger y, Layout layout) {
    long[] s = new long[1 + 4 * 3 + 1];
    java.util.Arrays.fill(s, 0x5a5a5a5a5a5a5a5aL);
    int xo = 1;
    int yo = layout == Layout.ONE_SLOT_FOR_ALL ? xo : 5;
    int ro = switch (layout) {
      case SEPARATE -> 9;
      case RESULT_OVER_FIRST, ONE_SLOT_FOR_ALL -> xo;
      case RESULT_OVER_SECOND -> yo;
    };
    store(s, xo, x);
    store(s, yo, y);
    long[] before = s.clone();
    f.apply(s, xo, s, yo, s, ro);
    for (int i = 0; i < s.length; i++) {
      if (i < ro || i >= ro + 4) {
        assertThat(s[i]).as("limb %d outside the result slot", i).isEqualTo(before[i]);
      }
    }
    return load(s, ro);
  }

  // ---------------------------------------------------------------- ternary

  @ParameterizedTest
  @MethodSource("ternaryOps")
  void ternaryMatchesReferenceOnRandomWords(Ternary op) {
    qt().withExamples(EXAMPLES)
        .forAll(values(), values(), values())
        .checkAssert((x, y, m) -> {
          BigInteger expected = op.ref().apply(x, y, m);
          assertThat(op.instance().apply(word(x), word(y), word(m)).toBigInteger())
              .as("%s(%s, %s, %s)", op, hex(x), hex(y), hex(m))
              .isEqualTo(expected);
          assertThat(applyArray(op.array(), x, y, m, false))
              .as("array %s(%s, %s, %s)", op, hex(x), hex(y), hex(m))
              .isEqualTo(expected);
          assertThat(applyArray(op.array(), x, y, m, true))
              .as("array in place %s(%s, %s, %s)", op, hex(x), hex(y), hex(m))
              .isEqualTo(expected);
        });
  }

  /** Moduli for the exhaustive ternary check; operands are all edges. */
  private static final List<BigInteger> MODULI = List.of(
      BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(1000),
      Words.pow2(64).subtract(BigInteger.ONE), Words.pow2(64), Words.pow2(64).add(BigInteger.ONE),
      Words.pow2(128).subtract(BigInteger.ONE), Words.pow2(128).add(BigInteger.ONE), Words.pow2(255),
      EvmReference.MAX, EvmReference.MAX.subtract(BigInteger.ONE),
      Words.big("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"),
      Words.big("0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"),
      Words.big(Words.DIVISION_CORNERS[0][1]), Words.big(Words.DIVISION_CORNERS[6][1]),
      Words.big(Words.DIVISION_CORNERS[9][1]));

  @ParameterizedTest
  @MethodSource("ternaryOps")
  void ternaryMatchesReferenceOnEdges(Ternary op) {
    for (BigInteger m : MODULI) {
      UInt256 wm = word(m);
      for (BigInteger x : EDGES) {
        UInt256 wx = word(x);
        for (BigInteger y : EDGES) {
          assertThat(op.instance().apply(wx, word(y), wm).toBigInteger())
              .as("%s(%s, %s, %s)", op, hex(x), hex(y), hex(m))
              .isEqualTo(op.ref().apply(x, y, m));
        }
      }
    }
  }

  private static BigInteger applyArray(ArrayTernary f, BigInteger x, BigInteger y, BigInteger m, boolean inPlace) {
    long[] s = new long[2 + 16];
    java.util.Arrays.fill(s, -0x123456789abcdefL);
    store(s, 2, x);
    store(s, 6, y);
    store(s, 10, m);
    int ro = inPlace ? 10 : 14;
    f.apply(s, 2, s, 6, s, 10, s, ro);
    if (!inPlace) {
      assertThat(load(s, 2)).isEqualTo(x);
      assertThat(load(s, 6)).isEqualTo(y);
      assertThat(load(s, 10)).isEqualTo(m);
    }
    assertThat(s[0]).isEqualTo(-0x123456789abcdefL);
    assertThat(s[1]).isEqualTo(-0x123456789abcdefL);
    return load(s, ro);
  }

  // ---------------------------------------------------------------- comparisons

  @ParameterizedTest
  @MethodSource("compareOps")
  void comparisonMatchesReference(Compare op) {
    qt().withExamples(EXAMPLES)
        .forAll(values(), values(), Generate.booleans())
        .checkAssert((x, y0, same) -> {
          BigInteger y = same ? x : y0; // equal operands are rare at random
          boolean expected = op.ref().test(x, y);
          assertThat(op.instance().test(word(x), word(y))).as("%s(%s, %s)", op, hex(x), hex(y)).isEqualTo(expected);
          long[] s = new long[9];
          store(s, 1, x);
          store(s, 5, y);
          assertThat(op.array().apply(s, 1, s, 5)).as("array %s(%s, %s)", op, hex(x), hex(y)).isEqualTo(expected);
        });
  }

  @ParameterizedTest
  @MethodSource("compareOps")
  void comparisonMatchesReferenceOnEdgePairs(Compare op) {
    for (BigInteger x : EDGES) {
      for (BigInteger y : EDGES) {
        assertThat(op.instance().test(word(x), word(y))).as("%s(%s, %s)", op, hex(x), hex(y))
            .isEqualTo(op.ref().test(x, y));
      }
    }
  }

  @Test
  void compareFunctionsAgreeWithTheirPredicates() {
    qt().withExamples(EXAMPLES).forAll(values(), values()).checkAssert((x, y) -> {
      UInt256 a = word(x);
      UInt256 b = word(y);
      assertThat(Integer.signum(UInt256.compareUnsigned(a, b))).isEqualTo(x.compareTo(y));
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(x.compareTo(y));
      assertThat(Integer.signum(UInt256.compareSigned(a, b)))
          .isEqualTo(EvmReference.toSigned(x).compareTo(EvmReference.toSigned(y)));
      long[] s = new long[8];
      store(s, 0, x);
      store(s, 4, y);
      assertThat(Integer.signum(UInt256Math.compareUnsigned(s, 0, s, 4))).isEqualTo(x.compareTo(y));
      assertThat(Integer.signum(UInt256Math.compareSigned(s, 0, s, 4)))
          .isEqualTo(EvmReference.toSigned(x).compareTo(EvmReference.toSigned(y)));
    });
  }

  // ---------------------------------------------------------------- unary

  @Test
  void unaryOperationsMatchReference() {
    Gen<BigInteger> g = values();
    checkUnary(g, "NOT", EvmReference::not, UInt256::not);
    checkUnary(g, "negate", x -> EvmReference.sub(BigInteger.ZERO, x), UInt256::negate);
    checkUnaryInt(g, "CLZ", EvmReference::clz, UInt256::numberOfLeadingZeros);
    checkUnaryInt(g, "bitLength", BigInteger::bitLength, UInt256::bitLength);
    checkUnaryInt(g, "byteLength (EXP gas)", EvmReference::expBytes, UInt256::byteLength);
    qt().withExamples(EXAMPLES).forAll(g).checkAssert(x -> {
      assertThat(word(x).isZero()).isEqualTo(EvmReference.iszero(x));
      assertThat(word(x).isNegative()).isEqualTo(EvmReference.toSigned(x).signum() < 0);
      long[] s = new long[9];
      store(s, 1, x);
      assertThat(UInt256Math.isZero(s, 1)).isEqualTo(EvmReference.iszero(x));
      assertThat(UInt256Math.numberOfLeadingZeros(s, 1)).isEqualTo(EvmReference.clz(x));
      assertThat(UInt256Math.bitLength(s, 1)).isEqualTo(x.bitLength());
      assertThat(UInt256Math.byteLength(s, 1)).isEqualTo(EvmReference.expBytes(x));
      UInt256Math.not(s, 1, s, 5);
      assertThat(load(s, 5)).isEqualTo(EvmReference.not(x));
      UInt256Math.negate(s, 1, s, 1);
      assertThat(load(s, 1)).isEqualTo(EvmReference.sub(BigInteger.ZERO, x));
    });
  }

  private static void checkUnary(Gen<BigInteger> g, String name, Function<BigInteger, BigInteger> ref, Function<UInt256, UInt256> f) {
    for (BigInteger x : EDGES) {
      assertThat(f.apply(word(x)).toBigInteger()).as("%s(%s)", name, hex(x)).isEqualTo(ref.apply(x));
    }
    qt().withExamples(EXAMPLES).forAll(g).checkAssert(x ->
        assertThat(f.apply(word(x)).toBigInteger()).as("%s(%s)", name, hex(x)).isEqualTo(ref.apply(x)));
  }

  private static void checkUnaryInt(Gen<BigInteger> g, String name, ToIntFunction<BigInteger> ref, ToIntFunction<UInt256> f) {
    for (BigInteger x : EDGES) {
      assertThat(f.applyAsInt(word(x))).as("%s(%s)", name, hex(x)).isEqualTo(ref.applyAsInt(x));
    }
    qt().withExamples(EXAMPLES).forAll(g).checkAssert(x ->
        assertThat(f.applyAsInt(word(x))).as("%s(%s)", name, hex(x)).isEqualTo(ref.applyAsInt(x)));
  }

  // ---------------------------------------------------------------- int-argument forms

  @Test
  void intShiftsAndByteIndexMatchTheWordForms() {
    Gen<Integer> small = Generate.range(0, 300);
    qt().withExamples(EXAMPLES).forAll(small, values()).checkAssert((n, x) -> {
      BigInteger bn = BigInteger.valueOf(n);
      UInt256 w = word(x);
      assertThat(w.shl(n).toBigInteger()).as("shl %d", n).isEqualTo(EvmReference.shl(bn, x));
      assertThat(w.shr(n).toBigInteger()).as("shr %d", n).isEqualTo(EvmReference.shr(bn, x));
      assertThat(w.sar(n).toBigInteger()).as("sar %d", n).isEqualTo(EvmReference.sar(bn, x));
      assertThat(w.signExtend(n).toBigInteger()).as("signExtend %d", n).isEqualTo(EvmReference.signextend(bn, x));
      assertThat(w.byteAt(n)).as("byteAt %d", n).isEqualTo(EvmReference.byteOp(bn, x).intValueExact());
      long[] s = new long[9];
      store(s, 1, x);
      UInt256Math.shl(n, s, 1, s, 5);
      assertThat(load(s, 5)).as("array shl %d", n).isEqualTo(EvmReference.shl(bn, x));
      UInt256Math.shr(n, s, 1, s, 1);
      assertThat(load(s, 1)).as("array shr %d in place", n).isEqualTo(EvmReference.shr(bn, x));
    });
    long[] s = new long[4];
    UInt256Math.set(s, 0, 1);
    UInt256Math.shl(Integer.MAX_VALUE, s, 0, s, 0);
    assertThat(UInt256Math.isZero(s, 0)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> UInt256Math.shr(-1, s, 0, s, 0))
        .isInstanceOf(IllegalArgumentException.class);
    UInt256 w = UInt256.MAX;
    assertThat(w.shl(Integer.MAX_VALUE)).isEqualTo(UInt256.ZERO);
    assertThat(w.sar(Integer.MAX_VALUE)).isEqualTo(UInt256.MAX);
    assertThat(w.byteAt(-1)).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.shl(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

  // ---------------------------------------------------------------- long division corners

  @Test
  void divisionCornersMatchReference() {
    for (String[] pair : Words.DIVISION_CORNERS) {
      BigInteger x = Words.big(pair[0]);
      BigInteger y = Words.big(pair[1]);
      assertThat(word(x).div(word(y)).toBigInteger()).as("%s / %s", pair[0], pair[1]).isEqualTo(x.divide(y));
      assertThat(word(x).mod(word(y)).toBigInteger()).as("%s %% %s", pair[0], pair[1]).isEqualTo(x.mod(y));
    }
  }

  /**
   * The 2-by-1 digit division corrects its estimate a second time only when the dividend's top
   * limb is just below the divisor. These (u1, u0, d) triples take that step, found by an
   * instrumented search; the loop below produces more of them.
   */
  @Test
  void twoByOneDivisionSecondCorrection() {
    String[][] cases = {
      {"944d5b09c33df6be", "fffffffffffffffe", "944d5b09c33df795"},
      {"80000000fffffff0", "fffffffffffffffe", "8000000100000000"},
      {"83e5d25067143e33", "dc02c9b4bbe685ba", "83e5d25067143ef3"},
      {"3a2f147c1f77c4dd", "ffffffffffffffff", "80000000ffffffff"},
      {"8000000000000000", "f76150bb9d1e32fd", "8363619cfd8e2f81"},
    };
    for (String[] c : cases) {
      checkDivision(Words.big(c[0] + c[1]), Words.big(c[2]));
    }
    Random rnd = new Random(7);
    for (int it = 0; it < 50_000; it++) {
      long d = rnd.nextLong() | Long.MIN_VALUE;
      long u1 = d - 1 - (rnd.nextLong() & 0xfff);
      long u0 = rnd.nextBoolean() ? rnd.nextLong() : -1L - rnd.nextInt(4);
      int shift = rnd.nextInt(64); // also run the same digits through normalization
      BigInteger dividend = Words.fromLimbs(u0, u1, 0, 0).shiftRight(shift);
      BigInteger divisor = Words.fromLimbs(d, 0, 0, 0).shiftRight(shift);
      checkDivision(dividend, divisor);
      checkDivision(dividend.shiftLeft(128), divisor);
    }
  }

  private static void checkDivision(BigInteger x, BigInteger y) {
    assertThat(word(x).div(word(y)).toBigInteger()).as("%s / %s", hex(x), hex(y)).isEqualTo(x.divide(y));
    assertThat(word(x).mod(word(y)).toBigInteger()).as("%s %% %s", hex(x), hex(y)).isEqualTo(x.mod(y));
    assertThat(word(x).mulMod(UInt256.ONE, word(y)).toBigInteger()).as("%s mod' %s", hex(x), hex(y)).isEqualTo(x.mod(y));
  }

  /**
   * Long-division steps that need a correction are rare with 64-bit digits (about one in 2^64
   * for random limbs), so this drives division and reduction with limbs made of boundary
   * values, where they happen often. Seeded, so the run is the same every time.
   */
  @Test
  void divisionAndReductionOnBoundaryLimbs() {
    long[] special = {0, 1, 2, 3, -1L, -2L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
        0xFFFF_FFFFL, 0x1_0000_0000L, 0x7FFF_FFFF_FFFF_FFFEL};
    Random rnd = new Random(20251125L);
    for (int it = 0; it < 60_000; it++) {
      BigInteger[] v = new BigInteger[3];
      for (int k = 0; k < 3; k++) {
        long[] l = new long[4];
        int limbs = 1 + rnd.nextInt(4);
        for (int i = 0; i < limbs; i++) {
          l[i] = rnd.nextInt(4) == 0 ? rnd.nextLong() : special[rnd.nextInt(special.length)];
        }
        v[k] = Words.fromLimbs(l[0], l[1], l[2], l[3]);
      }
      BigInteger x = v[0];
      BigInteger y = v[1];
      BigInteger m = v[2];
      UInt256 wx = word(x);
      UInt256 wy = word(y);
      UInt256 wm = word(m);
      assertThat(wx.div(wy).toBigInteger()).as("DIV %s %s", hex(x), hex(y)).isEqualTo(EvmReference.div(x, y));
      assertThat(wx.mod(wy).toBigInteger()).as("MOD %s %s", hex(x), hex(y)).isEqualTo(EvmReference.mod(x, y));
      assertThat(wx.sdiv(wy).toBigInteger()).as("SDIV %s %s", hex(x), hex(y)).isEqualTo(EvmReference.sdiv(x, y));
      assertThat(wx.smod(wy).toBigInteger()).as("SMOD %s %s", hex(x), hex(y)).isEqualTo(EvmReference.smod(x, y));
      assertThat(wx.addMod(wy, wm).toBigInteger()).as("ADDMOD %s %s %s", hex(x), hex(y), hex(m))
          .isEqualTo(EvmReference.addmod(x, y, m));
      assertThat(wx.mulMod(wy, wm).toBigInteger()).as("MULMOD %s %s %s", hex(x), hex(y), hex(m))
          .isEqualTo(EvmReference.mulmod(x, y, m));
    }
  }

  // ---------------------------------------------------------------- known answers

  /** A few results worked out by hand, so a shared mistake in model and code cannot hide. */
  @Test
  void knownAnswers() {
    UInt256 max = UInt256.MAX;
    UInt256 min = word(Words.pow2(255)); // -2^255
    UInt256 minusOne = max;
    assertThat(max.add(UInt256.ONE)).isEqualTo(UInt256.ZERO);
    assertThat(UInt256.ZERO.sub(UInt256.ONE)).isEqualTo(max);
    assertThat(max.mul(max)).isEqualTo(UInt256.ONE); // (-1) * (-1)
    assertThat(UInt256.valueOf(10).div(UInt256.valueOf(3))).isEqualTo(UInt256.valueOf(3));
    assertThat(UInt256.valueOf(10).div(UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    assertThat(UInt256.valueOf(10).mod(UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    assertThat(min.sdiv(minusOne)).isEqualTo(min);
    assertThat(neg(7).sdiv(UInt256.valueOf(2))).isEqualTo(neg(3));
    assertThat(UInt256.valueOf(7).sdiv(neg(2))).isEqualTo(neg(3));
    assertThat(neg(7).smod(UInt256.valueOf(2))).isEqualTo(neg(1));
    assertThat(UInt256.valueOf(7).smod(neg(2))).isEqualTo(UInt256.ONE);
    assertThat(min.smod(minusOne)).isEqualTo(UInt256.ZERO);
    // 2^256 = (2^256 - 1) + 1
    assertThat(max.addMod(UInt256.ONE, max)).isEqualTo(UInt256.ONE);
    assertThat(min.mulMod(UInt256.valueOf(2), max)).isEqualTo(UInt256.ONE);
    assertThat(max.addMod(max, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    // 2^256 mod 3 = 1, so (2^256 - 1 + 2) mod 3 = 2
    assertThat(max.addMod(UInt256.valueOf(2), UInt256.valueOf(3))).isEqualTo(UInt256.valueOf(2));
    assertThat(UInt256.valueOf(2).exp(UInt256.valueOf(255))).isEqualTo(min);
    assertThat(UInt256.valueOf(2).exp(UInt256.valueOf(256))).isEqualTo(UInt256.ZERO);
    assertThat(UInt256.ZERO.exp(UInt256.ZERO)).isEqualTo(UInt256.ONE);
    assertThat(max.exp(UInt256.valueOf(2))).isEqualTo(UInt256.ONE);
    assertThat(max.exp(UInt256.valueOf(3))).isEqualTo(max);
    assertThat(UInt256.valueOf(10).exp(UInt256.valueOf(18))).isEqualTo(UInt256.valueOf(1_000_000_000_000_000_000L));
    assertThat(UInt256.valueOf(0xff).signExtend(0)).isEqualTo(max);
    assertThat(UInt256.valueOf(0x7f).signExtend(0)).isEqualTo(UInt256.valueOf(0x7f));
    assertThat(UInt256.valueOf(0x80ff).signExtend(0)).isEqualTo(max);
    assertThat(UInt256.valueOf(0x8000).signExtend(1)).isEqualTo(word("0x" + "f".repeat(60) + "8000"));
    assertThat(UInt256.valueOf(0xab).byteAt(UInt256.valueOf(31))).isEqualTo(UInt256.valueOf(0xab));
    assertThat(min.byteAt(0)).isEqualTo(0x80);
    assertThat(max.byteAt(UInt256.valueOf(32))).isEqualTo(UInt256.ZERO);
    // EIP-145 examples
    assertThat(UInt256.ONE.shl(UInt256.valueOf(255))).isEqualTo(min);
    assertThat(UInt256.ONE.shl(UInt256.valueOf(256))).isEqualTo(UInt256.ZERO);
    assertThat(max.shl(UInt256.ONE)).isEqualTo(word("0x" + "f".repeat(63) + "e"));
    assertThat(min.shr(UInt256.valueOf(255))).isEqualTo(UInt256.ONE);
    assertThat(max.shr(UInt256.valueOf(256))).isEqualTo(UInt256.ZERO);
    assertThat(min.sar(UInt256.ONE)).isEqualTo(word("0xc" + "0".repeat(63)));
    assertThat(min.sar(UInt256.valueOf(255))).isEqualTo(max);
    assertThat(min.sar(UInt256.valueOf(256))).isEqualTo(max);
    assertThat(word(Words.pow2(255).subtract(BigInteger.ONE)).sar(UInt256.valueOf(254))).isEqualTo(UInt256.ONE);
    assertThat(word(Words.pow2(255).subtract(BigInteger.ONE)).sar(UInt256.valueOf(256))).isEqualTo(UInt256.ZERO);
    assertThat(UInt256.ZERO.numberOfLeadingZeros()).isEqualTo(256);
    assertThat(UInt256.ONE.numberOfLeadingZeros()).isEqualTo(255);
    assertThat(max.numberOfLeadingZeros()).isZero();
    assertThat(min.slt(UInt256.ZERO)).isTrue();
    assertThat(min.lt(UInt256.ZERO)).isFalse();
    assertThat(UInt256.ONE.sgt(max)).isTrue();
  }

  private static UInt256 neg(long v) {
    return word(Words.neg(BigInteger.valueOf(v)));
  }

  // ---------------------------------------------------------------- helpers

  static void store(long[] s, int o, BigInteger v) {
    UInt256 w = word(v);
    w.toLimbs(s, o);
  }

  static BigInteger load(long[] s, int o) {
    return UInt256.fromLimbs(s, o).toBigInteger();
  }

  static String hex(BigInteger v) {
    return "0x" + v.toString(16);
  }
}
