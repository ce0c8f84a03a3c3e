package org.linden.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.conformance.CaseResult;
import org.linden.conformance.Conformance;
import org.linden.conformance.ForkFilter;
import org.linden.conformance.StateTestRunner;
import org.linden.evm.BlockContext;
import org.linden.evm.Eip3155Tracer;
import org.linden.evm.Evm;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Message;
import org.linden.evm.TxContext;
import org.linden.evm.state.JournaledWorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.Hex;
import org.linden.types.UInt256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code linden evm}: tools around the EVM, shaped like go-ethereum's {@code evm} command. */
@Command(
    name = "evm",
    description = "Run EVM state tests or raw bytecode.",
    subcommands = {EvmCommand.StateTest.class, EvmCommand.BlockTest.class, EvmCommand.Run.class})
final class EvmCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static Fork parseFork(String name) {
    return Fork.fromName(name).orElseThrow(() -> new UsageError("unknown fork '" + name + "'"));
  }

  /**
   * {@code evm statetest}: runs state-test files and prints go-ethereum's result objects
   * ({@code name}, {@code pass}, {@code stateRoot}, {@code fork}, {@code error}) as one
   * JSON array; with {@code --trace}, EIP-3155 traces go to stderr.
   */
  @Command(name = "statetest", description = "Run state tests; print go-ethereum-style results as a JSON array.")
  static final class StateTest implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "State-test files or directories.")
    List<Path> paths;

    @Option(names = "--fork", paramLabel = "NAME", description = "Only this fork.")
    String fork;

    @Option(names = "--trace", description = "Write EIP-3155 traces to stderr.")
    boolean trace;

    @Override
    public Integer call() {
      ForkFilter filter;
      try {
        filter = ForkFilter.of(fork);
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
      StateTestRunner runner = new StateTestRunner(trace ? new Eip3155Tracer(System.err) : null);
      return runFiles(paths, runner, "state test", (root, results) -> {
        boolean failed = false;
        for (StateTestRunner.Outcome o : runner.runDetailed(root, filter)) {
          ObjectNode n = result(results, o.result());
          n.put("stateRoot", o.stateRoot() == null ? null : o.stateRoot().toHex());
          failed |= o.result().status() == CaseResult.Status.FAIL;
        }
        return failed;
      });
    }
  }

  /** Runs one parsed fixture file, adding result objects; returns true if any case failed. */
  private interface FileRun {
    boolean run(com.fasterxml.jackson.databind.JsonNode root, ArrayNode results);
  }

  private static ObjectNode result(ArrayNode results, CaseResult r) {
    ObjectNode n = results.addObject();
    n.put("name", r.name());
    n.put("pass", r.passed());
    n.put("fork", r.fork());
    if (r.error() != null) {
      n.put("error", r.error());
    }
    return n;
  }

  /** Runs every file under {@code paths} that {@code runner} recognises and prints the JSON array. */
  private static int runFiles(List<Path> paths, org.linden.conformance.FixtureRunner runner, String kind,
      FileRun run) {
    ArrayNode results = new ObjectMapper().createArrayNode();
    boolean anyFailed = false;
    int recognised = 0;
    for (Path path : paths) {
      List<Path> files;
      try {
        files = Conformance.jsonFiles(path);
      } catch (Conformance.NoFixtureException e) {
        throw new UsageError(e.getMessage());
      }
      for (Path file : files) {
        var root = Conformance.readJson(file);
        if (!runner.recognizes(root)) {
          System.err.println("ignored: " + file + ": not a " + kind);
          continue;
        }
        recognised++;
        anyFailed |= run.run(root, results);
      }
    }
    if (recognised == 0) {
      throw new UsageError("no " + kind + " in " + paths);
    }
    System.out.println(results.toPrettyString());
    return anyFailed ? 1 : 0;
  }

  /**
   * {@code evm blocktest}: runs blockchain-test files and prints one result object per test
   * ({@code name}, {@code pass}, {@code fork}, {@code error}) in a JSON array.
   */
  @Command(name = "blocktest", description = "Run blockchain tests; print results as a JSON array.")
  static final class BlockTest implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Blockchain-test files or directories.")
    List<Path> paths;

    @Option(names = "--fork", paramLabel = "NAME", description = "Only tests of this network (fork).")
    String fork;

    @Override
    public Integer call() {
      ForkFilter filter;
      try {
        filter = ForkFilter.of(fork);
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
      org.linden.conformance.BlockchainTestRunner runner = new org.linden.conformance.BlockchainTestRunner();
      return runFiles(paths, runner, "blockchain test", (root, results) -> {
        boolean failed = false;
        for (CaseResult r : runner.run(null, root, filter)) {
          result(results, r);
          failed |= r.status() == CaseResult.Status.FAIL;
        }
        return failed;
      });
    }
  }

  /** {@code evm run}: executes bytecode as a call to a fresh contract and prints its output and gas. */
  @Command(name = "run", description = "Execute bytecode; print the return data and gas used.")
  static final class Run implements Callable<Integer> {
    private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    private static final Address SENDER = Address.fromHex("0x00000000000000000000000000000000000ca11e");

    @Option(names = "--code", required = true, paramLabel = "HEX", description = "The bytecode to run.")
    String code;

    @Option(names = "--input", paramLabel = "HEX", description = "Call data (default: empty).")
    String input = "";

    @Option(names = "--gas", paramLabel = "N", description = "Gas limit (default: ${DEFAULT-VALUE}).")
    long gas = 10_000_000;

    @Option(names = "--value", paramLabel = "WEI", description = "Value sent with the call (default: 0).")
    String value = "0";

    @Option(names = "--fork", paramLabel = "NAME", description = "Rules to run under (default: ${DEFAULT-VALUE}).")
    String fork = "Osaka";

    @Option(names = "--trace", description = "Write an EIP-3155 trace to stderr.")
    boolean trace;

    @Override
    public Integer call() {
      Fork f = parseFork(fork);
      Bytes codeBytes;
      Bytes inputBytes;
      UInt256 callValue;
      try {
        codeBytes = Bytes.wrap(Hex.decodeLenient(code.strip()));
        inputBytes = Bytes.wrap(Hex.decodeLenient(input.strip()));
        callValue = UInt256.fromBigInteger(new java.math.BigInteger(value));
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
      if (gas < 0) {
        throw new UsageError("--gas must not be negative");
      }
      InMemoryStateDatabase db = new InMemoryStateDatabase();
      db.putAccount(CONTRACT, 1, UInt256.ZERO, codeBytes, Map.of());
      db.putAccount(SENDER, 0, callValue, Bytes.EMPTY, Map.of());
      JournaledWorldState state = new JournaledWorldState(db);
      state.beginTransaction();
      BlockContext block = new BlockContext(Address.ZERO, 1, 1, 30_000_000, UInt256.ZERO, UInt256.ZERO,
          UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);
      Eip3155Tracer tracer = trace ? new Eip3155Tracer(System.err) : null;
      Evm evm = new Evm(state, block, new TxContext(SENDER, UInt256.ZERO, List.of()), f, tracer);
      ExecutionResult r = evm.execute(new Message(Message.Kind.CALL, SENDER, CONTRACT, CONTRACT, callValue, true,
          inputBytes, codeBytes, gas, 0, false, false));
      long used = gas - r.gasLeft();
      if (tracer != null) {
        tracer.transactionEnd(r.output(), used, r.error());
      }
      System.out.println(r.output().toHex());
      System.out.println("gas used: " + used);
      if (!r.success()) {
        System.out.println("error: " + (r.status() == ExecutionResult.Status.REVERT ? "execution reverted" : r.error()));
        return 1;
      }
      return 0;
    }
  }
}
