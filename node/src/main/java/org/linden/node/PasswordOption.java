package org.linden.node;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where a password comes from: the first line of {@code --password-file} (as geth reads
 * it), or else a prompt on the terminal that echoes nothing. Never from a command-line
 * argument, which other users could see in the process list.
 */
final class PasswordOption {
  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE instead of asking on the terminal.")
  Path passwordFile;

  /** The password for an existing key. */
  String existing() {
    return passwordFile != null ? fromFile() : prompt("Password: ", false);
  }

  /** A password for a key about to be encrypted; typed twice when asked on the terminal. */
  String fresh() {
    return passwordFile != null ? fromFile() : prompt("Password for the new key: ", true);
  }

  private String fromFile() {
    try (BufferedReader r = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      return line == null ? "" : line;
    } catch (NoSuchFileException e) {
      throw new UsageError("password file not found: " + passwordFile);
    } catch (IOException e) {
      throw new UsageError("cannot read password file " + passwordFile + ": " + e.getMessage());
    }
  }

  private static String prompt(String text, boolean confirm) {
    Console console = System.console();
    if (!isTerminal(console)) {
      throw new UsageError("no terminal to ask for a password; use --password-file FILE");
    }
    char[] first = console.readPassword(text);
    if (first == null) {
      throw new UsageError("no password given");
    }
    char[] again = confirm ? console.readPassword("Repeat the password: ") : first;
    try {
      if (again == null || !Arrays.equals(first, again)) {
        throw new UsageError("the passwords do not match");
      }
      return new String(first);
    } finally {
      // The String copy cannot be wiped, but the console's buffers at least need not linger.
      Arrays.fill(first, '\0');
      if (again != null) {
        Arrays.fill(again, '\0');
      }
    }
  }

  /**
   * From JDK 22 {@code System.console()} may return a console even when input is
   * redirected; {@code Console.isTerminal()} (not in the Java 21 API we compile against)
   * tells the difference where it exists.
   */
  private static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
