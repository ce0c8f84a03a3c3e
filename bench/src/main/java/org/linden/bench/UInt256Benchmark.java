package org.linden.bench;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.linden.types.UInt256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** 256-bit multiply and divide on full-width operands (the slow paths of MUL and DIV). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UInt256Benchmark {
  private UInt256 a;
  private UInt256 b;
  private UInt256 divisor;
  private BigInteger bigA;
  private BigInteger bigB;
  private BigInteger bigDivisor;
  private static final BigInteger MASK = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  @Setup
  public void setup() {
    Random r = new Random(3);
    a = new UInt256(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    b = new UInt256(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    // A 130-bit divisor makes the quotient multi-limb: the general long-division path.
    divisor = new UInt256(r.nextLong(), r.nextLong(), 3, 0);
    bigA = a.toBigInteger();
    bigB = b.toBigInteger();
    bigDivisor = divisor.toBigInteger();
  }

  /** Peer: the same multiplication with BigInteger, reduced modulo 2^256. */
  @Benchmark
  public BigInteger mulBigInteger() {
    return bigA.multiply(bigB).and(MASK);
  }

  /** Peer: the same division with BigInteger. */
  @Benchmark
  public BigInteger divBigInteger() {
    return bigA.divide(bigDivisor);
  }

  @Benchmark
  public UInt256 mul() {
    return a.mul(b);
  }

  @Benchmark
  public UInt256 div() {
    return a.div(divisor);
  }
}
