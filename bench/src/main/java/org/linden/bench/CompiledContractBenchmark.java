package org.linden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.linden.crypto.Keccak;
import org.linden.evm.BlockContext;
import org.linden.evm.Evm;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Frame;
import org.linden.evm.Message;
import org.linden.evm.OpcodeNames;
import org.linden.evm.Tracer;
import org.linden.evm.TxContext;
import org.linden.evm.state.CodeOnlyState;
import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.StateReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The interpreter on compute-heavy contracts compiled by solc, as opposed to the
 * hand-written loops of {@link InterpreterBenchmark}: the instruction mix is what a
 * compiler emits (stack shuffling, jumps into internal functions, checked arithmetic,
 * bounds checks on memory arrays). Each benchmark operation is one {@code eth_call}-like
 * message to the deployed contract under Osaka rules.
 *
 * <p>The runtime code, selectors and calldata come from resources that
 * {@code bench/contracts/build.sh} generates from the Solidity sources next to it. Set-up
 * checks the returned word against a plain Java implementation of the same computation,
 * so a benchmark of a wrong answer fails instead of reporting a time, and prints the gas
 * one call uses so that MGas/s can be derived from the time per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompiledContractBenchmark {
  private static final String RESOURCES = "/org/linden/bench/contracts/";
  private static final Address CONTRACT = Address.fromNumber(0xc0de);
  private static final Address CALLER = Address.fromNumber(0xca11e7);
  private static final long GAS = 1_000_000_000L;
  private static final BigInteger WORD_MODULUS = BigInteger.ONE.shiftLeft(256);

  /** The contracts under {@code bench/contracts/}, each with a reference for its result. */
  public enum Contract {
    /** A 32 x 24 fixed-point Mandelbrot render, up to 64 iterations per pixel. */
    MANDELBROT("Mandelbrot") {
      @Override
      BigInteger expected(BigInteger[] args) {
        return mandelbrot(args[0].intValueExact(), args[1].intValueExact(), args[2].intValueExact());
      }
    },
    /** Quicksort of 1,000 pseudo-random words in a memory array. */
    QUICK_SORT("QuickSort") {
      @Override
      BigInteger expected(BigInteger[] args) {
        return quickSort(args[0].intValueExact(), args[1]);
      }
    },
    /** The root of a Merkle tree over 4,096 leaves: 8,191 keccak-256 of 64 bytes. */
    MERKLE_ROOT("MerkleRoot") {
      @Override
      BigInteger expected(BigInteger[] args) {
        return merkleRoot(args[0].intValueExact(), args[1]);
      }
    };

    final String resourceName;

    Contract(String resourceName) {
      this.resourceName = resourceName;
    }

    /** The word the contract's function returns for these arguments, computed in Java. */
    abstract BigInteger expected(BigInteger[] args);
  }

  @Param({"MANDELBROT", "QUICK_SORT", "MERKLE_ROOT"})
  public Contract contract;

  private Bytes code;
  private Bytes calldata;
  private StateReader backend;
  private BlockContext block;
  private TxContext tx;

  @Setup
  public void setup() {
    String name = contract.resourceName;
    Properties properties = new Properties();
    try (InputStream in = resource("contracts.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    code = Bytes.fromHex(new String(readResource(name + ".hex"), StandardCharsets.US_ASCII).strip());
    calldata = Bytes.fromHex(required(properties, name + ".calldata"));
    // Only the contract exists; the caller needs no account because nothing is paid.
    backend = CodeOnlyState.of(CONTRACT, code);
    block = new BlockContext(Address.ZERO, 1, 1, GAS, UInt256.ZERO, UInt256.ZERO, UInt256.ONE, UInt256.ONE,
        n -> Hash.ZERO);
    tx = new TxContext(CALLER, UInt256.ZERO, List.of());

    // Check the untraced call, the one measured; count instructions in a second, traced one.
    ExecutionResult result = call();
    if (!result.success()) {
      throw new IllegalStateException(name + " failed: " + result.status() + " " + result.error());
    }
    BigInteger expected = contract.expected(arguments(calldata));
    Bytes want = Bytes.wrap(toWord(expected));
    if (!result.output().equals(want)) {
      throw new IllegalStateException(name + " returned " + result.output() + ", expected " + want);
    }
    if (expected.signum() == 0) {
      throw new IllegalStateException(name + " returned zero, which checks nothing");
    }
    InstructionCounter counter = new InstructionCounter();
    ExecutionResult traced = call(counter);
    if (!traced.output().equals(want) || traced.gasLeft() != result.gasLeft()) {
      throw new IllegalStateException(name + " runs differently under a tracer");
    }
    // Execution gas only: a transaction would add 21,000 and the calldata cost, which
    // say nothing about the interpreter.
    System.out.printf("%n%s (%s, %s): %,d gas and %,d instructions per call, result %s%n  most frequent: %s%n",
        name, properties.getProperty("solc.version"), properties.getProperty("solc.settings"),
        GAS - result.gasLeft(), counter.total, result.output(), counter.mostFrequent(8));
  }

  /** One read-only call to the contract on a fresh journal over the same backing state. */
  @Benchmark
  public ExecutionResult call() {
    return call(null);
  }

  private ExecutionResult call(Tracer tracer) {
    JournaledWorldState state = new JournaledWorldState(backend);
    state.beginTransaction();
    Evm evm = new Evm(state, block, tx, Fork.OSAKA, tracer);
    return evm.execute(new Message(Message.Kind.CALL, CALLER, CONTRACT, CONTRACT, UInt256.ZERO, false, calldata,
        code, GAS, 0, false, false));
  }

  /** Counts executed instructions per opcode, to relate time per call to instructions. */
  private static final class InstructionCounter implements Tracer {
    private final long[] counts = new long[256];
    private long total;

    @Override
    public void beforeStep(Frame frame, int opcode, long refund) {
      counts[opcode]++;
      total++;
    }

    String mostFrequent(int limit) {
      return IntStream.range(0, 256)
          .filter(op -> counts[op] > 0)
          .boxed()
          .sorted(Comparator.comparingLong((Integer op) -> counts[op]).reversed())
          .limit(limit)
          .map(op -> String.format("%s %.1f%%", OpcodeNames.of(op), 100.0 * counts[op] / total))
          .collect(Collectors.joining(", "));
    }
  }

  // Reference implementations: straightforward Java (BigInteger where Solidity wraps
  // modulo 2^256), written to be read next to the Solidity sources.

  /** Mandelbrot.render: int256 division truncates toward zero, as Java's long division. */
  static BigInteger mandelbrot(int width, int height, int maxIter) {
    long one = 1L << 24;
    long escape = 4 * one;
    long x0 = -2 * one;
    long y0 = (-12 * one) / 10;
    long dx = (3 * one) / width;
    long dy = (24 * one) / (10L * height);
    BigInteger h = BigInteger.ZERO;
    BigInteger multiplier = BigInteger.valueOf(1_000_003);
    for (int py = 0; py < height; py++) {
      long cy = y0 + py * dy;
      for (int px = 0; px < width; px++) {
        long cx = x0 + px * dx;
        // |x|, |y| stay below 8 * 2^24, so every product fits in a long.
        long x = 0;
        long y = 0;
        int n = 0;
        while (n < maxIter) {
          long xx = (x * x) / one;
          long yy = (y * y) / one;
          if (xx + yy > escape) {
            break;
          }
          y = (2 * x * y) / one + cy;
          x = xx - yy + cx;
          n++;
        }
        h = h.multiply(multiplier).add(BigInteger.valueOf(n & 0xff)).mod(WORD_MODULUS);
      }
    }
    return h;
  }

  /** QuickSort.sortRandom: the same generator, any correct sort, the same weighted sum. */
  static BigInteger quickSort(int n, BigInteger seed) {
    BigInteger multiplier = new BigInteger("5851f42d4c957f2d14057b7ef767814f", 16);
    BigInteger increment = new BigInteger("9e3779b97f4a7c15", 16);
    BigInteger[] a = new BigInteger[n];
    BigInteger x = seed;
    for (int i = 0; i < n; i++) {
      x = x.multiply(multiplier).add(increment).mod(WORD_MODULUS);
      a[i] = x;
    }
    Arrays.sort(a);
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      sum = sum.add(BigInteger.valueOf(i + 1).multiply(a[i]));
    }
    return sum.mod(WORD_MODULUS);
  }

  /** MerkleRoot.root: leaves keccak(seed ++ i), parents keccak(left ++ right). */
  static BigInteger merkleRoot(int n, BigInteger seed) {
    byte[][] level = new byte[n][];
    for (int i = 0; i < n; i++) {
      level[i] = hashPair(toWord(seed), toWord(BigInteger.valueOf(i)));
    }
    for (int width = n; width > 1; width /= 2) {
      for (int i = 0; i < width / 2; i++) {
        level[i] = hashPair(level[2 * i], level[2 * i + 1]);
      }
    }
    return new BigInteger(1, level[0]);
  }

  private static byte[] hashPair(byte[] a, byte[] b) {
    byte[] both = new byte[64];
    System.arraycopy(a, 0, both, 0, 32);
    System.arraycopy(b, 0, both, 32, 32);
    return Keccak.digest(both, 0, 64);
  }

  /** The 32-byte big-endian encoding of a value below 2^256. */
  private static byte[] toWord(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] word = new byte[32];
    // toByteArray may carry a leading sign byte; keep the low 32 bytes.
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, word, 32 - length, length);
    return word;
  }

  /** The 32-byte arguments after the 4-byte selector. */
  private static BigInteger[] arguments(Bytes calldata) {
    int count = (calldata.size() - 4) / 32;
    BigInteger[] args = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      args[i] = new BigInteger(1, calldata.slice(4 + 32 * i, 32).toArray());
    }
    return args;
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("missing " + key + " in contracts.properties; run bench/contracts/build.sh");
    }
    return value;
  }

  private static byte[] readResource(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = CompiledContractBenchmark.class.getResourceAsStream(RESOURCES + name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCES + name + "; run bench/contracts/build.sh");
    }
    return in;
  }
}
