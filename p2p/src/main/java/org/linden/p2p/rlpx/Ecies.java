package org.linden.p2p.rlpx;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.p2p.rlpx.RlpxException.Reason;

/**
 * ECIES as RLPx uses it: an ephemeral secp256k1 key agreed with the recipient's key,
 * the NIST SP 800-56 concatenation KDF over SHA-256 giving a 16-byte AES-128-CTR key and
 * a 16-byte MAC key (hashed with SHA-256 before use), and an HMAC-SHA256 tag over
 * iv‖ciphertext‖shared-mac-data. Wire form: R (65 bytes, uncompressed) ‖ iv ‖ c ‖ tag.
 */
public final class Ecies {
  /** Bytes ECIES adds to a plaintext: the ephemeral point, the IV and the tag. */
  public static final int OVERHEAD = 65 + 16 + 32;

  private Ecies() {}

  /** Encrypts {@code plaintext} to {@code recipient}, authenticating {@code macData} too. */
  public static byte[] encrypt(PublicKey recipient, byte[] plaintext, byte[] macData, SecureRandom random) {
    byte[] iv = new byte[16];
    random.nextBytes(iv);
    return encrypt(recipient, plaintext, macData, PrivateKey.random(), iv);
  }

  /** Encryption with a given ephemeral key and IV, so tests can be deterministic. */
  static byte[] encrypt(PublicKey recipient, byte[] plaintext, byte[] macData, PrivateKey ephemeral, byte[] iv) {
    byte[][] keys = deriveKeys(Ecdh.agree(ephemeral, recipient));
    byte[] ciphertext = aesCtr(keys[0], iv, plaintext);
    byte[] tag = tag(keys[1], iv, ciphertext, macData);
    byte[] out = new byte[OVERHEAD + plaintext.length];
    out[0] = 4;
    ephemeral.publicKey().bytes().copyTo(out, 1);
    System.arraycopy(iv, 0, out, 65, 16);
    System.arraycopy(ciphertext, 0, out, 81, ciphertext.length);
    System.arraycopy(tag, 0, out, 81 + ciphertext.length, 32);
    return out;
  }

  /**
   * Decrypts a message addressed to {@code key}; the tag is checked before anything is
   * decrypted, and a mismatch is {@link Reason#ECIES_AUTH_FAILED}.
   */
  public static byte[] decrypt(PrivateKey key, byte[] message, byte[] macData) {
    if (message.length < OVERHEAD) {
      throw new RlpxException(Reason.ECIES_AUTH_FAILED, "message of " + message.length + " bytes is too short");
    }
    PublicKey ephemeral = Ecdh.parseUncompressed(message, 0);
    byte[][] keys = deriveKeys(Ecdh.agree(key, ephemeral));
    byte[] iv = Arrays.copyOfRange(message, 65, 81);
    byte[] ciphertext = Arrays.copyOfRange(message, 81, message.length - 32);
    byte[] tag = Arrays.copyOfRange(message, message.length - 32, message.length);
    if (!MessageDigest.isEqual(tag, tag(keys[1], iv, ciphertext, macData))) {
      throw new RlpxException(Reason.ECIES_AUTH_FAILED, "tag mismatch");
    }
    return aesCtr(keys[0], iv, ciphertext);
  }

  /** Returns {AES key, HMAC key}: the KDF output split in two, the second half hashed. */
  private static byte[][] deriveKeys(byte[] sharedX) {
    byte[] k = concatKdf(sharedX, 32);
    byte[] encKey = Arrays.copyOfRange(k, 0, 16);
    byte[] macKey = sha256(Arrays.copyOfRange(k, 16, 32));
    return new byte[][] {encKey, macKey};
  }

  /** NIST SP 800-56 concatenation KDF with SHA-256 and empty other-info. */
  static byte[] concatKdf(byte[] z, int length) {
    byte[] out = new byte[length];
    MessageDigest sha = sha256Digest();
    int counter = 1;
    for (int done = 0; done < length; counter++) {
      sha.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
      sha.update(z);
      byte[] block = sha.digest();
      int n = Math.min(block.length, length - done);
      System.arraycopy(block, 0, out, done, n);
      done += n;
    }
    return out;
  }

  private static byte[] tag(byte[] macKey, byte[] iv, byte[] ciphertext, byte[] macData) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(macKey, "HmacSHA256"));
      hmac.update(iv);
      hmac.update(ciphertext);
      hmac.update(macData);
      return hmac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] aesCtr(byte[] key, byte[] iv, byte[] data) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR unavailable", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    return sha256Digest().digest(data);
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
