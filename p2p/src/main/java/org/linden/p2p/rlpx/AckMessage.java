package org.linden.p2p.rlpx;

import org.linden.crypto.PublicKey;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * The recipient's handshake reply, decrypted.
 *
 * @param ephemeralKey the recipient's ephemeral public key
 * @param nonce the recipient's 32-byte nonce
 * @param version ack-vsn (4; other values are accepted and ignored)
 */
public record AckMessage(PublicKey ephemeralKey, Bytes nonce, int version) {
  /** Size of a legacy ack body: ephemeral key, nonce, token flag. */
  static final int LEGACY_BODY_SIZE = 64 + 32 + 1;

  byte[] encodeRlp() {
    return new RlpWriter()
        .startList()
        .writeBytes(ephemeralKey.bytes())
        .writeBytes(nonce)
        .writeLong(version)
        .endList()
        .toBytes()
        .toArray();
  }

  byte[] encodeLegacy() {
    return Bytes.concat(ephemeralKey.bytes(), nonce, Bytes.of((byte) 0)).toArray();
  }

  static AckMessage decodeRlp(byte[] body) {
    try {
      RlpReader list = RlpReader.of(body).readList();
      PublicKey key = Ecdh.checked(list.readBytes(64));
      Bytes nonce = list.readBytes(32);
      int version = list.readInt();
      return new AckMessage(key, nonce, version);
    } catch (RlpException | IllegalArgumentException e) {
      throw new RlpxException(Reason.MALFORMED_HANDSHAKE, "bad ack body", e);
    }
  }

  static AckMessage decodeLegacy(byte[] body) {
    if (body.length != LEGACY_BODY_SIZE) {
      throw new RlpxException(Reason.MALFORMED_HANDSHAKE, "legacy ack of " + body.length + " bytes");
    }
    return new AckMessage(Ecdh.checked(Bytes.copyOf(body, 0, 64)), Bytes.copyOf(body, 64, 32), 4);
  }
}
