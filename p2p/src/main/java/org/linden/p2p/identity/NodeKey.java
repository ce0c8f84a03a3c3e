package org.linden.p2p.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.types.Bytes;

/**
 * The node's long-lived secp256k1 identity key. It is kept in the data directory as a
 * file named {@code nodekey} holding 64 hex characters (the format geth uses, so a key
 * can be moved between clients), readable by the owner only. Keeping it stable keeps
 * the node's enode URL stable across restarts, which bootnode lists depend on.
 */
public final class NodeKey {
  /** The file name inside the data directory. */
  public static final String FILE_NAME = "nodekey";

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final NodeId nodeId;

  private NodeKey(PrivateKey privateKey) {
    this.privateKey = privateKey;
    this.publicKey = privateKey.publicKey();
    this.nodeId = NodeId.of(publicKey);
  }

  /** Wraps an existing key (tests, or a key given on the command line). */
  public static NodeKey of(PrivateKey privateKey) {
    return new NodeKey(privateKey);
  }

  /** A fresh random key that is not persisted. */
  public static NodeKey random() {
    return new NodeKey(PrivateKey.random());
  }

  /**
   * Loads {@code <dataDir>/nodekey}, or creates it with a fresh key (mode 0600) if it
   * does not exist yet. A file that exists but does not hold a valid key is an error,
   * never silently replaced: replacing it would change the node's identity.
   */
  public static NodeKey loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return load(file);
    }
    try {
      Files.createDirectories(dataDir);
      NodeKey key = random();
      if (!publish(file, key.privateKey)) {
        // Another process created the file first: its key is the node's identity.
        return load(file);
      }
      return key;
    } catch (IOException e) {
      throw new NodeKeyException("cannot create node key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a node key file; surrounding whitespace and a 0x prefix are tolerated. */
  public static NodeKey load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new NodeKeyException("cannot read node key file " + file + ": " + e.getMessage(), e);
    }
    if (text.startsWith("0x") || text.startsWith("0X")) {
      text = text.substring(2);
    }
    if (text.length() != 64 || !text.chars().allMatch(NodeKey::isHexDigit)) {
      throw new NodeKeyException("node key file " + file
          + " is corrupt: expected 64 hex characters, found " + text.length() + " characters");
    }
    try {
      return new NodeKey(PrivateKey.of(Bytes.fromHex(text)));
    } catch (IllegalArgumentException e) {
      throw new NodeKeyException("node key file " + file + " is corrupt: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the key to a private temporary file, then publishes it under its final name
   * with a hard link, which fails instead of replacing an existing file. So a crash never
   * leaves a half-written key and two starting processes never overwrite each other.
   * Returns false if the file already existed.
   */
  private static boolean publish(Path file, PrivateKey key) throws IOException {
    byte[] content = key.bytes().toUnprefixedHex().getBytes(StandardCharsets.US_ASCII);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = supportsPosix(file)
        ? Files.createTempFile(dir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : Files.createTempFile(dir, FILE_NAME, ".tmp");
    try {
      Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException e) {
        // No hard links on this file system: fall back to a rename, refusing to replace.
        Files.move(tmp, file);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static boolean supportsPosix(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public NodeId nodeId() {
    return nodeId;
  }

  /** Never prints the private key. */
  @Override
  public String toString() {
    return "NodeKey[" + nodeId + "]";
  }
}
