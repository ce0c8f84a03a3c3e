package org.linden.p2p.rlpx;

import org.linden.crypto.PublicKey;
import org.linden.crypto.Signature;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * The initiator's first handshake message, decrypted.
 *
 * @param signature ephemeral key's signature over static-shared-secret ^ nonce
 * @param initiatorId the initiator's static public key
 * @param nonce the initiator's 32-byte nonce
 * @param version auth-vsn (4; EIP-8 says to accept and ignore other values)
 */
public record AuthMessage(Signature signature, PublicKey initiatorId, Bytes nonce, int version) {
  /** Size of a legacy (pre-EIP-8) auth body: sig, H(ephemeral), pubkey, nonce, flag. */
  static final int LEGACY_BODY_SIZE = 65 + 32 + 64 + 32 + 1;

  /** The EIP-8 body rlp.list(sig, initiator-pubk, initiator-nonce, auth-vsn), unpadded. */
  byte[] encodeRlp() {
    return new RlpWriter()
        .startList()
        .writeBytes(signature.toBytes())
        .writeBytes(initiatorId.bytes())
        .writeBytes(nonce)
        .writeLong(version)
        .endList()
        .toBytes()
        .toArray();
  }

  /** Decodes an EIP-8 body, ignoring extra list elements and trailing padding. */
  static AuthMessage decodeRlp(byte[] body) {
    try {
      RlpReader list = RlpReader.of(body).readList();
      Signature sig = signature(list.readBytes(65).toArray(), 0);
      PublicKey id = Ecdh.checked(list.readBytes(64));
      Bytes nonce = list.readBytes(32);
      int version = list.readInt();
      return new AuthMessage(sig, id, nonce, version);
    } catch (RlpException | IllegalArgumentException e) {
      throw new RlpxException(Reason.MALFORMED_HANDSHAKE, "bad auth body", e);
    }
  }

  /** Decodes the fixed legacy layout; the ephemeral key hash is redundant and ignored. */
  static AuthMessage decodeLegacy(byte[] body) {
    if (body.length != LEGACY_BODY_SIZE) {
      throw new RlpxException(Reason.MALFORMED_HANDSHAKE, "legacy auth of " + body.length + " bytes");
    }
    Signature sig = signature(body, 0);
    PublicKey id = Ecdh.checked(Bytes.copyOf(body, 97, 64));
    return new AuthMessage(sig, id, Bytes.copyOf(body, 161, 32), 4);
  }

  private static Signature signature(byte[] data, int offset) {
    int v = data[offset + 64] & 0xff;
    if (v > 1) {
      throw new RlpxException(Reason.MALFORMED_HANDSHAKE, "recovery id " + v);
    }
    return new Signature(
        UInt256.fromBytes(Bytes.copyOf(data, offset, 32)), UInt256.fromBytes(Bytes.copyOf(data, offset + 32, 32)), v);
  }
}
