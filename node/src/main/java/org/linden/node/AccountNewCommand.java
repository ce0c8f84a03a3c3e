package org.linden.node;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.PrivateKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code linden account new}: a fresh random key, stored encrypted; prints its address and file. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Create a new key and store it encrypted in the keystore.")
final class AccountNewCommand implements Callable<Integer> {
  @Mixin KeystoreOption keystore;
  @Mixin PasswordOption password;
  @Mixin KdfOption kdf;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String pw = password.fresh();
    PrivateKey key = PrivateKey.random();
    Path file = keystore.store(key, pw, kdf.params());
    PrintWriter out = spec.commandLine().getOut();
    out.println("Address: " + AddressChecksum.toChecksumHex(key.address()));
    out.println("File:    " + file);
    out.flush();
    return 0;
  }
}
