package org.linden.crypto;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads ACINQ's libsecp256k1 binding once per process. The binding unpacks its shared
 * library into a temporary directory and, on load, deletes the files other processes left
 * there; two processes starting together could delete each other's library mid-unpack.
 * Each process therefore unpacks into a directory of its own (unless one is configured).
 */
public final class NativeSecp256k1 {
  /** The binding's own setting for where it unpacks the library. */
  static final String TMPDIR_PROPERTY = "fr.acinq.secp256k1.tmpdir";
  private static final int ATTEMPTS = 3;
  private static final fr.acinq.secp256k1.Secp256k1 INSTANCE = load();

  private NativeSecp256k1() {}

  /** The loaded binding. */
  public static fr.acinq.secp256k1.Secp256k1 get() {
    return INSTANCE;
  }

  private static fr.acinq.secp256k1.Secp256k1 load() {
    if (System.getProperty(TMPDIR_PROPERTY) == null) {
      System.setProperty(TMPDIR_PROPERTY, privateDirectory().toString());
    }
    RuntimeException last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        return fr.acinq.secp256k1.Secp256k1.get();
      } catch (RuntimeException | LinkageError e) {
        // A directory shared by configuration can still race with another process: try again.
        last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("cannot load the native secp256k1 library", last);
  }

  private static Path privateDirectory() {
    try {
      Path dir = Files.createTempDirectory("linden-secp256k1-");
      // Registered before the library files, so it is deleted after them when the JVM exits.
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the native secp256k1 library in "
          + System.getProperty("java.io.tmpdir") + File.separator, e);
    }
  }
}
