package org.linden.node;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.linden.conformance.Conformance;
import org.linden.conformance.ForkFilter;
import org.linden.evm.Eip3155Tracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code linden conformance PATH...}: runs official fixture files, one JSON line per case
 * and a closing {@code N passed, M failed} line. Exit 1 if any case failed, 2 if the paths
 * hold no recognisable fixture.
 */
@Command(
    name = "conformance",
    description = "Run official Ethereum test fixtures (files or directories, format detected by content).")
final class ConformanceCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Fixture files or directories (searched recursively).")
  List<Path> paths;

  @Option(names = "--fork", paramLabel = "NAME", description = "Run only the cases of this fork (e.g. Cancun, Prague).")
  String fork;

  @Option(names = "--trace", description = "Write EIP-3155 traces of state-test transactions to stderr.")
  boolean trace;

  @Override
  public Integer call() {
    ForkFilter filter;
    try {
      filter = ForkFilter.of(fork);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    PrintStream out = System.out;
    Conformance.Summary summary;
    try {
      summary = trace
          ? Conformance.run(paths, filter, r -> out.println(Conformance.toJsonLine(r)),
              Conformance.tracingRunners(new Eip3155Tracer(System.err)))
          : Conformance.run(paths, filter, r -> out.println(Conformance.toJsonLine(r)));
    } catch (Conformance.NoFixtureException e) {
      throw new UsageError(e.getMessage());
    }
    for (String u : summary.unrecognised()) {
      System.err.println("ignored: " + u);
    }
    out.println(summary.line());
    out.flush();
    return summary.failed() > 0 ? 1 : 0;
  }
}
