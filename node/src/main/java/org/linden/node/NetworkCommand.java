package org.linden.node;

import picocli.CommandLine.Command;

/** {@code linden network}: tools for running a validator network. */
@Command(name = "network", description = "Create QBFT validator networks.", subcommands = NetworkInitCommand.class)
final class NetworkCommand {}
