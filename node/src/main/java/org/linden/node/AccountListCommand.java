package org.linden.node;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.keystore.KeystoreDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code linden account list}: one line per keystore file, {@code <address>  <file>},
 * sorted by file name (so by creation time for geth-named files). Needs no password: the
 * address is stored in the clear. Files that are not keystore files are reported on
 * stderr and passed over.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "List the accounts in the keystore: address and file, one per line.")
final class AccountListCommand implements Callable<Integer> {
  @Mixin KeystoreOption keystore;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    KeystoreDirectory.Listing listing = keystore.list();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (KeystoreDirectory.Skipped s : listing.skipped()) {
      err.println("warning: skipping " + s.file() + ": " + s.reason());
    }
    for (KeystoreDirectory.Entry e : listing.accounts()) {
      out.println(AddressChecksum.toChecksumHex(e.address()) + "  " + e.file().toAbsolutePath());
    }
    if (listing.accounts().isEmpty()) {
      err.println("no accounts in " + keystore.keystore);
    }
    out.flush();
    err.flush();
    return 0;
  }
}
