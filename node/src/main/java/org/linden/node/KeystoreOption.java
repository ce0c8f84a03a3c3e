package org.linden.node;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.keystore.KdfParams;
import org.linden.crypto.keystore.Keystore;
import org.linden.crypto.keystore.KeystoreDirectory;
import org.linden.crypto.keystore.KeystoreFile;
import picocli.CommandLine.Option;

/** {@code --keystore DIR}, shared by the account subcommands. */
final class KeystoreOption {
  @Option(
      names = "--keystore",
      paramLabel = "DIR",
      defaultValue = "${sys:user.home}/.linden/keystore",
      description = "Keystore directory, created with mode 0700 when first needed.%nDefault: ${DEFAULT-VALUE}")
  Path keystore;

  KeystoreDirectory directory() {
    return new KeystoreDirectory(keystore);
  }

  /** Encrypts {@code key} and writes it as a new file in the directory; returns the file. */
  Path store(PrivateKey key, String password, KdfParams kdf) {
    KeystoreFile file = Keystore.encrypt(key, password, kdf);
    try {
      return directory().store(file, Instant.now()).toAbsolutePath();
    } catch (IOException e) {
      throw new AccountFailure("cannot write to keystore " + keystore + ": " + describe(e));
    }
  }

  /** The keystore's accounts; a directory that cannot be read is a failure. */
  KeystoreDirectory.Listing list() {
    try {
      return directory().list();
    } catch (IOException e) {
      throw new AccountFailure("cannot read keystore " + keystore + ": " + describe(e));
    }
  }

  /** An I/O error in words, e.g. "permission denied (/path)". */
  static String describe(IOException e) {
    String what = switch (e) {
      case AccessDeniedException x -> "permission denied";
      case NoSuchFileException x -> "no such file or directory";
      case NotDirectoryException x -> "not a directory";
      case FileAlreadyExistsException x -> "file already exists";
      case FileSystemException x when x.getReason() != null -> x.getReason();
      default -> null;
    };
    String detail = e instanceof FileSystemException f ? f.getFile() : e.getMessage();
    return what == null ? String.valueOf(detail) : what + (detail == null ? "" : " (" + detail + ")");
  }
}
