package org.linden.node;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.keystore.Keystore;
import org.linden.crypto.keystore.KeystoreDirectory;
import org.linden.crypto.keystore.KeystoreException;
import org.linden.crypto.keystore.KeystoreFile;
import org.linden.types.Bytes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code linden account inspect FILE}: decrypts a keystore file (proving the password) and
 * prints the address and public key; the private key only when asked with
 * {@code --private}. Reads the file, never writes it.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Decrypt a keystore file and print its address and public key.")
final class AccountInspectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "A keystore file (any geth-compatible v3 file).")
  Path file;

  @Option(names = "--private", description = "Also print the private key, unencrypted. Mind who can see the screen.")
  boolean showPrivate;

  @Mixin PasswordOption password;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    KeystoreFile contents = read();
    PrivateKey key;
    try {
      key = Keystore.decrypt(contents, password.existing());
    } catch (KeystoreException e) {
      throw new AccountFailure(file + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Address:     " + AddressChecksum.toChecksumHex(key.address()));
    out.println("Public key:  " + Bytes.concat(Bytes.of((byte) 4), key.publicKey().bytes()).toHex());
    if (showPrivate) {
      out.println("Private key: " + key.bytes().toHex());
    }
    out.flush();
    return 0;
  }

  private KeystoreFile read() {
    if (Files.isDirectory(file)) {
      throw new UsageError(file + " is a directory; give one keystore file");
    }
    try {
      return KeystoreDirectory.read(file);
    } catch (NoSuchFileException e) {
      throw new UsageError("keystore file not found: " + file);
    } catch (IOException e) {
      throw new UsageError("cannot read " + file + ": " + KeystoreOption.describe(e));
    } catch (KeystoreException e) {
      throw new AccountFailure(file + ": not a usable keystore file: " + e.getMessage());
    }
  }
}
