package org.linden.node;

import picocli.CommandLine.Command;

/** {@code linden version}: prints the client identity. */
@Command(name = "version", description = "Print the version and exit.")
final class VersionCommand implements Runnable {
  @Override
  public void run() {
    System.out.println(Version.clientId());
  }
}
