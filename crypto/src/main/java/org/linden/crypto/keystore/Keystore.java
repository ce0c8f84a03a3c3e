package org.linden.crypto.keystore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;

/**
 * Encrypts private keys into Web3 Secret Storage v3 files and opens them again:
 * derivedKey = KDF(password), ciphertext = AES-128-CTR(derivedKey[0..16], iv, key),
 * mac = keccak256(derivedKey[16..32] ‖ ciphertext). Files are interchangeable with geth's.
 */
public final class Keystore {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

  private Keystore() {}

  /** Encrypts {@code key} under {@code password} with a fresh IV and id. */
  public static KeystoreFile encrypt(PrivateKey key, String password, KdfParams kdf) {
    byte[] derived = kdf.deriveKey(utf8(password));
    try {
      Bytes iv = Bytes.wrap(KeystoreRandom.bytes(16));
      Bytes ciphertext = Bytes.wrap(aesCtr(derived, iv, key.bytes().toArray()));
      return new KeystoreFile(key.address(), UUID.randomUUID().toString(), iv, ciphertext, kdf, mac(derived, ciphertext));
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /** Opens a file with the {@link KdfLimits#DEFAULT default} cost limits for untrusted files. */
  public static PrivateKey decrypt(KeystoreFile file, String password) throws KeystoreException {
    return decrypt(file, password, KdfLimits.DEFAULT);
  }

  /**
   * Opens a file: checks the KDF cost against {@code limits}, derives the key, checks the
   * MAC, decrypts, and checks that the key matches the address the file declares.
   *
   * @throws WrongPasswordException if the MAC does not match
   * @throws InvalidKeystoreException if the KDF is too costly, the plaintext is no valid
   *     private key, or the key belongs to another address than the file declares
   */
  public static PrivateKey decrypt(KeystoreFile file, String password, KdfLimits limits) throws KeystoreException {
    limits.check(file.kdf());
    byte[] derived = file.kdf().deriveKey(utf8(password));
    byte[] plain = null;
    try {
      // Constant-time comparison: the MAC check must not leak how much of it matched.
      if (!MessageDigest.isEqual(mac(derived, file.ciphertext()).toArray(), file.mac().toArray())) {
        throw new WrongPasswordException();
      }
      plain = aesCtr(derived, file.iv(), file.ciphertext().toArray());
      PrivateKey key;
      try {
        key = PrivateKey.of(Bytes.copyOf(plain, 0, plain.length));
      } catch (IllegalArgumentException e) {
        throw new InvalidKeystoreException("crypto.ciphertext", "decrypts to an invalid private key (" + e.getMessage() + ")");
      }
      if (file.address().isPresent() && !file.address().get().equals(key.address())) {
        throw new InvalidKeystoreException("address", "the file names " + file.address().get().toHex()
            + " but its key belongs to " + key.address().toHex());
      }
      return key;
    } finally {
      Arrays.fill(derived, (byte) 0);
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /** Parses and opens a file's JSON text with the default limits. */
  public static PrivateKey decrypt(String json, String password) throws KeystoreException {
    return decrypt(KeystoreFile.parse(json), password);
  }

  /**
   * geth's file name for a key created at {@code time}:
   * {@code UTC--2016-03-22T12-57-55.920751759Z--<40 lower-case hex digits>}. The time
   * first makes a directory listing sort by creation.
   */
  public static String fileName(Address address, Instant time) {
    return "UTC--" + FILE_TIME.format(time) + "--" + address.bytes().toUnprefixedHex();
  }

  private static Bytes mac(byte[] derived, Bytes ciphertext) {
    byte[] input = new byte[16 + ciphertext.size()];
    System.arraycopy(derived, 16, input, 0, 16);
    ciphertext.copyTo(input, 16);
    return Keccak.hash256(input).bytes();
  }

  /** AES-128-CTR; the JDK's counter is the whole 16-byte block and wraps, as Go's does. */
  private static byte[] aesCtr(byte[] derived, Bytes iv, byte[] input) {
    try {
      Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 16, "AES"), new IvParameterSpec(iv.toArray()));
      return aes.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR is unavailable in this JDK", e);
    }
  }

  private static byte[] utf8(String password) {
    return password.getBytes(StandardCharsets.UTF_8);
  }
}
