package org.linden.node;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code linden account new | list | import | inspect}: keys kept as encrypted keystore
 * files in geth's format, so a keystore directory can move between Linden and geth.
 */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Manage accounts kept as encrypted keystore files (Web3 Secret Storage v3, geth-compatible).",
    subcommands = {
      AccountNewCommand.class,
      AccountListCommand.class,
      AccountImportCommand.class,
      AccountInspectCommand.class
    })
final class AccountCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
