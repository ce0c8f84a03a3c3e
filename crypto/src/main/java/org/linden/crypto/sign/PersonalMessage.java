package org.linden.crypto.sign;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * EIP-191 version 0x45 ("personal message"): the hash that {@code personal_sign} and, in
 * geth and every wallet since, {@code eth_sign} sign, namely
 * {@code keccak256("\x19Ethereum Signed Message:\n" + len(message) + message)} with the length
 * in decimal bytes. The prefix keeps a signed message from ever being a valid transaction.
 */
public final class PersonalMessage {
  private static final byte[] PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  private PersonalMessage() {}

  /** The digest of raw message bytes (the RPC methods receive the message as hex data). */
  public static Hash hash(Bytes message) {
    byte[] length = Integer.toString(message.size()).getBytes(StandardCharsets.US_ASCII);
    return Keccak.hash256(Bytes.concat(Bytes.wrap(PREFIX), Bytes.wrap(length), message));
  }

  /** The digest of a text message, taken as its UTF-8 bytes. */
  public static Hash hash(String text) {
    return hash(Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Signs {@code message}: 65 bytes r‖s‖v with v = 27 or 28. */
  public static Bytes sign(Bytes message, PrivateKey key) {
    return MessageSignature.sign(hash(message), key);
  }

  /** The address that signed {@code message}, or empty if the signature matches no key. */
  public static Optional<Address> recover(Bytes message, Bytes signature) {
    return MessageSignature.recoverAddress(hash(message), signature);
  }
}
