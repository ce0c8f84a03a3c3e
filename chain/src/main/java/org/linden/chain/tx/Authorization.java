package org.linden.chain.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * An EIP-7702 authorization: the account that signs it (the authority) delegates its
 * code to {@code address}. On the wire: {@code [chain_id, address, nonce, y_parity, r, s]}.
 *
 * <p>An authorization with a bad signature, a foreign chain id or a stale nonce does not
 * make its transaction invalid; it is skipped when the transaction is applied. Only the
 * field bounds are checked when decoding.
 *
 * @param chainId the chain it is valid on, or 0 for every chain (256 bits on the wire)
 * @param address the code to delegate to; the zero address clears a delegation
 * @param nonce the authority's nonce it is valid for, an unsigned 64-bit value
 * @param yParity 0..255 on the wire; only 0 and 1 can recover an authority
 */
public record Authorization(UInt256 chainId, Address address, long nonce, int yParity, UInt256 r, UInt256 s) {
  /** The domain byte that keeps authorization signatures apart from transaction signatures. */
  public static final int MAGIC = 0x05;

  public Authorization {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (yParity < 0 || yParity > 0xff) {
      throw new IllegalArgumentException("y_parity is a byte, got " + yParity);
    }
  }

  /** Signs an authorization for {@code address} with the authority's key. */
  public static Authorization sign(UInt256 chainId, Address address, long nonce, PrivateKey key) {
    Signature sig = Secp256k1.sign(signingHash(chainId, address, nonce), key);
    return new Authorization(chainId, address, nonce, sig.recoveryId(), sig.r(), sig.s());
  }

  /** keccak256(0x05 ‖ rlp([chain_id, address, nonce])). */
  public Hash signingHash() {
    return signingHash(chainId, address, nonce);
  }

  /**
   * The account that signed this authorization, or empty if the signature is invalid:
   * y_parity not 0 or 1, r or s out of range, s above n/2, or no key recovers.
   */
  public Optional<Address> authority() {
    if (yParity > 1 || !SignatureRules.isValidR(r) || !SignatureRules.isValidS(s, true)) {
      return Optional.empty();
    }
    return Secp256k1.recover(signingHash(), new Signature(r, s, yParity)).map(k -> k.address());
  }

  private static Hash signingHash(UInt256 chainId, Address address, long nonce) {
    RlpWriter w = new RlpWriter(64);
    w.startList().writeUInt256(chainId).writeBytes(address.bytes()).writeUnsignedLong(nonce).endList();
    return Keccak.hash256(Bytes.concat(Bytes.of((byte) MAGIC), w.toBytes()));
  }

  static List<Authorization> readList(FieldReader tx) throws InvalidTransactionException {
    FieldReader entries = tx.list("authorization_list");
    List<Authorization> out = new ArrayList<>();
    while (!entries.isDone()) {
      FieldReader e = entries.list("authorization_list[" + out.size() + "]");
      UInt256 chainId = e.u256("chain_id");
      Address address = e.address("address");
      long nonce = e.u64("nonce");
      int yParity = e.u8("y_parity");
      UInt256 r = e.u256("r");
      UInt256 s = e.u256("s");
      e.end();
      out.add(new Authorization(chainId, address, nonce, yParity, r, s));
    }
    return out;
  }

  static void writeList(RlpWriter w, List<Authorization> authorizations) {
    w.startList();
    for (Authorization a : authorizations) {
      w.startList()
          .writeUInt256(a.chainId)
          .writeBytes(a.address.bytes())
          .writeUnsignedLong(a.nonce)
          .writeLong(a.yParity)
          .writeUInt256(a.r)
          .writeUInt256(a.s)
          .endList();
    }
    w.endList();
  }
}
