package org.linden.node;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.keystore.KeystoreDirectory;
import org.linden.types.Bytes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code linden account import KEYFILE}: encrypts a raw private key (a file holding its 64
 * hex digits, as {@code geth account import} takes) into the keystore. Refuses a key
 * whose account is already there, before asking for a password.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Import a raw private key (a file with its hex digits) into the keystore.")
final class AccountImportCommand implements Callable<Integer> {
  private static final Pattern KEY_HEX = Pattern.compile("(0[xX])?[0-9a-fA-F]{64}");
  private static final int MAX_KEY_FILE_BYTES = 4096;

  @Parameters(index = "0", paramLabel = "KEYFILE", description = "File holding the private key as 64 hex digits (0x optional).")
  Path keyFile;

  @Mixin KeystoreOption keystore;
  @Mixin PasswordOption password;
  @Mixin KdfOption kdf;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrivateKey key = readKey();
    Optional<KeystoreDirectory.Entry> existing = keystore.list().accounts().stream()
        .filter(e -> e.address().equals(key.address()))
        .findFirst();
    if (existing.isPresent()) {
      throw new AccountFailure("account " + AddressChecksum.toChecksumHex(key.address())
          + " already exists in " + existing.get().file());
    }
    Path file = keystore.store(key, password.fresh(), kdf.params());
    PrintWriter out = spec.commandLine().getOut();
    out.println("Address: " + AddressChecksum.toChecksumHex(key.address()));
    out.println("File:    " + file);
    out.flush();
    return 0;
  }

  /** Error messages never quote the file's content: it may be a key. */
  private PrivateKey readKey() {
    String text;
    try {
      if (Files.size(keyFile) > MAX_KEY_FILE_BYTES) {
        throw new AccountFailure(keyFile + ": too large to be a private key file");
      }
      text = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new UsageError("key file not found: " + keyFile);
    } catch (IOException e) {
      throw new UsageError("cannot read key file " + keyFile + ": " + KeystoreOption.describe(e));
    }
    if (!KEY_HEX.matcher(text).matches()) {
      throw new AccountFailure(keyFile + ": expected a private key as 64 hex digits");
    }
    try {
      return PrivateKey.of(Bytes.fromHex(text));
    } catch (IllegalArgumentException e) {
      throw new AccountFailure(keyFile + ": not a valid secp256k1 private key (zero or not below the curve order)");
    }
  }
}
