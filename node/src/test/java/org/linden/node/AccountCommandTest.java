package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.keystore.Keystore;
import org.linden.crypto.keystore.KeystoreDirectory;

/** {@code linden account ...} run in-process against temporary keystores and password files. */
class AccountCommandTest {
  private static final Pattern ADDRESS = Pattern.compile("Address: (0x[0-9a-fA-F]{40})");
  private static final Pattern FILE = Pattern.compile("File: +(\\S+)");

  @TempDir Path tmp;
  Path keystore;
  Path password;

  @BeforeEach
  void setUp() throws IOException {
    keystore = tmp.resolve("keystore");
    password = tmp.resolve("password.txt");
    Files.writeString(password, "correct horse battery staple\nsecond line is ignored\n");
  }

  @Test
  void newListInspectRoundTrip() throws Exception {
    CommandRun created = account("new", "--light-kdf", "--password-file", password.toString());
    assertThat(created.exitCode()).as(created.err()).isZero();
    String address = match(ADDRESS, created.out());
    Path file = Path.of(match(FILE, created.out()));
    assertThat(address).isEqualTo(AddressChecksum.toChecksumHex(AddressChecksum.parse(address)));
    assertThat(file.getParent()).isEqualTo(keystore.toAbsolutePath());
    assertThat(file.getFileName().toString()).matches("UTC--\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{9}Z--"
        + address.substring(2).toLowerCase());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rwx------");

    CommandRun list = account("list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).isEqualTo(address + "  " + file + "\n");

    CommandRun inspect = CommandRun.of("account", "inspect", file.toString(), "--password-file", password.toString());
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    PrivateKey key = Keystore.decrypt(Files.readString(file), "correct horse battery staple");
    assertThat(inspect.out()).isEqualTo("Address:     " + address + "\n"
        + "Public key:  0x04" + key.publicKey().bytes().toUnprefixedHex() + "\n");

    CommandRun withPrivate = CommandRun.of("account", "inspect", "--private", file.toString(),
        "--password-file", password.toString());
    assertThat(withPrivate.out()).endsWith("Private key: " + key.bytes().toHex() + "\n");
  }

  @Test
  void importsARawKeyFile() throws Exception {
    PrivateKey key = PrivateKey.random();
    Path keyFile = tmp.resolve("key.hex");
    Files.writeString(keyFile, "0x" + key.bytes().toUnprefixedHex() + "\n");

    CommandRun imported = account("import", keyFile.toString(), "--light-kdf", "--password-file", password.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(match(ADDRESS, imported.out())).isEqualTo(AddressChecksum.toChecksumHex(key.address()));
    Path file = Path.of(match(FILE, imported.out()));
    assertThat(Keystore.decrypt(Files.readString(file), "correct horse battery staple")).isEqualTo(key);
    assertThat(account("list").out()).contains(AddressChecksum.toChecksumHex(key.address()));
  }

  @Test
  void importingAnAccountTwiceIsRefused() throws Exception {
    PrivateKey key = PrivateKey.random();
    Path keyFile = tmp.resolve("key.hex");
    Files.writeString(keyFile, key.bytes().toUnprefixedHex());
    assertThat(account("import", keyFile.toString(), "--light-kdf", "--password-file", password.toString()).exitCode())
        .isZero();
    Map<Path, String> before = snapshot(keystore);

    CommandRun again = account("import", keyFile.toString(), "--light-kdf", "--password-file", password.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("error: account " + AddressChecksum.toChecksumHex(key.address()) + " already exists in ");
    assertThat(again.out()).isEmpty();
    assertThat(snapshot(keystore)).isEqualTo(before);
  }

  @Test
  void invalidKeyFilesCreateNothing() throws Exception {
    Path keyFile = tmp.resolve("key.hex");
    for (String content : new String[] {"not hex", "00".repeat(31), "00".repeat(32), "ff".repeat(32)}) {
      Files.writeString(keyFile, content);
      CommandRun run = account("import", keyFile.toString(), "--light-kdf", "--password-file", password.toString());
      assertThat(run.exitCode()).as(content).isEqualTo(1);
      assertThat(run.err()).as(content).startsWith("error: " + keyFile + ": ").doesNotContain(content);
    }
    CommandRun missing = account("import", tmp.resolve("nope").toString(), "--password-file", password.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("key file not found");
    assertThat(keystore).doesNotExist();
  }

  @Test
  void wrongPasswordFailsAndChangesNothing() throws Exception {
    Path file = Path.of(match(FILE, account("new", "--light-kdf", "--password-file", password.toString()).out()));
    Map<Path, String> before = snapshot(keystore);
    FileTime modified = Files.getLastModifiedTime(file);
    Path wrong = tmp.resolve("wrong.txt");
    Files.writeString(wrong, "Correct horse battery staple\n");

    CommandRun run = CommandRun.of("account", "inspect", file.toString(), "--password-file", wrong.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: " + file + ": wrong password: the keystore MAC does not match"
        + " (or the file is corrupted)\n");
    assertThat(run.out()).isEmpty();
    assertThat(snapshot(keystore)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
  }

  @Test
  void malformedKeystoreFileIsOneClearError() throws Exception {
    Path file = Path.of(match(FILE, account("new", "--light-kdf", "--password-file", password.toString()).out()));
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, Files.readString(file).replace("\"version\":3", "\"version\":2"));
    CommandRun run = CommandRun.of("account", "inspect", broken.toString(), "--password-file", password.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: " + broken + ": not a usable keystore file: "
        + "version: unsupported keystore version 2; only version 3 is supported\n");

    Files.writeString(broken, "{\"version\":3,\"crypto\":{\"cipher\":\"aes-128-ctr\"}}");
    CommandRun partial = CommandRun.of("account", "inspect", broken.toString(), "--password-file", password.toString());
    assertThat(partial.exitCode()).isEqualTo(1);
    assertThat(partial.err()).contains("crypto.cipherparams: missing").doesNotContain("Exception");

    CommandRun missing = CommandRun.of("account", "inspect", tmp.resolve("nope").toString(), "--password-file", password.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("keystore file not found");
  }

  @Test
  void listWarnsAboutFilesThatAreNotKeys() throws Exception {
    String address = match(ADDRESS, account("new", "--light-kdf", "--password-file", password.toString()).out());
    Files.writeString(keystore.resolve("notes.txt"), "hello");
    CommandRun list = account("list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).startsWith(address + "  ").hasLineCount(1);
    assertThat(list.err()).startsWith("warning: skipping " + keystore.resolve("notes.txt") + ": ");
  }

  @Test
  void emptyOrMissingKeystoreListsNothing() {
    CommandRun list = account("list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).isEmpty();
    assertThat(list.err()).contains("no accounts in " + keystore);
  }

  @Test
  void withoutATerminalAPasswordFileIsRequired() {
    // Tests run without a terminal, as scripts and services do.
    CommandRun run = account("new", "--light-kdf");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: no terminal to ask for a password; use --password-file FILE\n");
    assertThat(keystore).doesNotExist();

    CommandRun missing = account("new", "--light-kdf", "--password-file", tmp.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("password file not found");
  }

  @Test
  void helpNamesTheSubcommandsAndTheDefaultKeystore() {
    CommandRun help = CommandRun.of("account", "new", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--keystore").contains("--light-kdf").contains("--password-file");
    // picocli wraps long lines, so look for the default with the line breaks taken out.
    assertThat(help.out().replaceAll("\\s+", "")).contains("Default:" + System.getProperty("user.home") + "/.linden/keystore");
    CommandRun usage = CommandRun.of("account");
    assertThat(usage.out()).contains("new").contains("list").contains("import").contains("inspect");
  }

  private CommandRun account(String sub, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "account";
    all[1] = sub;
    all[2] = "--keystore";
    all[3] = keystore.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return CommandRun.of(all);
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("'%s' in:%n%s", p, text).isTrue();
    return m.group(1);
  }

  private static Map<Path, String> snapshot(Path dir) throws IOException {
    Map<Path, String> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        files.put(p, Files.readString(p));
      }
    }
    return files;
  }
}
