package org.linden.crypto.hd;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** Bitcoin's Base58Check text encoding, used here only to print extended keys. */
final class Base58Check {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58Check() {}

  /** Base58 of {@code payload} followed by the first four bytes of its double SHA-256. */
  static String encode(byte[] payload) {
    byte[] check = sha256(sha256(payload));
    byte[] data = new byte[payload.length + 4];
    System.arraycopy(payload, 0, data, 0, payload.length);
    System.arraycopy(check, 0, data, payload.length, 4);
    StringBuilder sb = new StringBuilder();
    BigInteger n = new BigInteger(1, data);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    // Each leading zero byte is written as '1', the digit zero, so that it survives.
    for (int i = 0; i < data.length && data[i] == 0; i++) {
      sb.append('1');
    }
    return sb.reverse().toString();
  }

  static byte[] sha256(byte[] data) {
    SHA256Digest d = new SHA256Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
