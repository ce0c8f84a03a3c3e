package org.linden.crypto.keystore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.types.Address;

/**
 * A directory of keystore files in geth's layout: one file per key, named
 * {@code UTC--<time>--<address>}, readable by geth and clef and the other way round.
 * New files are written atomically (temporary file, then rename) with mode 0600 in a
 * directory created with mode 0700, where the file system has POSIX permissions.
 */
public final class KeystoreDirectory {
  /** geth's files are about 500 bytes; anything much larger is not a keystore file. */
  public static final int MAX_FILE_BYTES = 64 * 1024;

  private final Path dir;

  public KeystoreDirectory(Path dir) {
    this.dir = dir;
  }

  public Path path() {
    return dir;
  }

  /** A keystore file in the directory and the account it declares. */
  public record Entry(Address address, Path file, KeystoreFile contents) {}

  /** A file in the directory that is not a usable keystore file, and why. */
  public record Skipped(Path file, String reason) {}

  /** The keystore files of the directory sorted by file name, and the files passed over. */
  public record Listing(List<Entry> accounts, List<Skipped> skipped) {}

  /**
   * Reads every file of the directory (not its subdirectories). Hidden files and editor
   * backups ({@code ~}) are ignored without comment, as geth does; other files that are not
   * keystore files, or do not declare their address, are reported in {@link Listing#skipped}.
   * A directory that does not exist yet lists as empty.
   */
  public Listing list() throws IOException {
    List<Entry> accounts = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return new Listing(accounts, skipped);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(files::add);
    }
    files.sort(null);
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.startsWith(".") || name.endsWith("~") || Files.isDirectory(file)) {
        continue;
      }
      try {
        KeystoreFile contents = read(file);
        Optional<Address> address = contents.address();
        if (address.isEmpty()) {
          skipped.add(new Skipped(file, "no address field (the account is unknown until it is decrypted)"));
        } else {
          accounts.add(new Entry(address.get(), file, contents));
        }
      } catch (InvalidKeystoreException e) {
        skipped.add(new Skipped(file, e.getMessage()));
      } catch (IOException e) {
        skipped.add(new Skipped(file, "cannot read: " + e.getMessage()));
      }
    }
    return new Listing(List.copyOf(accounts), List.copyOf(skipped));
  }

  /** The first file (by name) holding {@code address}, if any. */
  public Optional<Entry> find(Address address) throws IOException {
    return list().accounts().stream().filter(e -> e.address().equals(address)).findFirst();
  }

  /**
   * Writes {@code file} under geth's name for {@code time} and returns its path. The file
   * must declare its address. Never replaces an existing file.
   */
  public Path store(KeystoreFile file, Instant time) throws IOException {
    Address address = file.address()
        .orElseThrow(() -> new IllegalArgumentException("a stored keystore file must declare its address"));
    createDirectory();
    Path target = dir.resolve(Keystore.fileName(address, time));
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path tmp = posix()
        ? Files.createTempFile(dir, ".tmp-", ".json", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".tmp-", ".json");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer json = ByteBuffer.wrap(file.toJson().getBytes(StandardCharsets.UTF_8));
        while (json.hasRemaining()) {
          ch.write(json);
        }
        // On disk before the rename makes it visible: a crash leaves the old state or the whole file.
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target);
      }
      syncDirectory();
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads and parses one keystore file.
   *
   * @throws InvalidKeystoreException if it is too large or not a v3 keystore file
   */
  public static KeystoreFile read(Path file) throws IOException, InvalidKeystoreException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new InvalidKeystoreException("(file)", size + " bytes is too large for a keystore file");
    }
    return KeystoreFile.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix()) {
      FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
      Files.createDirectories(dir, mode);
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Makes the rename durable; best effort, since not every platform can open a directory. */
  private void syncDirectory() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // The file itself is already on disk; only the directory entry may lag.
    }
  }

  private boolean posix() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
