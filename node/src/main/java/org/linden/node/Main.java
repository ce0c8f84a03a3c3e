package org.linden.node;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code linden} command: every subcommand of the node hangs off this one. */
@Command(
    name = "linden",
    mixinStandardHelpOptions = true,
    // Every subcommand answers --help (and --version) too.
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Version.Provider.class,
    description = "Linden: a full node for Ethereum-compatible networks.",
    subcommands = {
      VersionCommand.class,
      ConformanceCommand.class,
      AccountCommand.class,
      EvmCommand.class,
      InitCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      DumpCommand.class,
      DevCommand.class,
      NodeCommand.class,
      NetworkCommand.class,
      LightCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit status (for tests that run it in-process). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      // An expected failure (bad input, missing file) is one clear line, not a stack trace.
      line.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      return ex instanceof UsageError ? 2 : 1;
    });
    return cl.execute(args);
  }
}
