package org.linden.consensus.qbft;

import java.util.Optional;
import java.util.function.Function;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;

/** A payload with its author's signature over {@link Payload#signingHash}. RLP([payload, signature]). */
public record SignedPayload<P extends Payload>(P payload, Signature signature) {
  /** Signs {@code payload} with a validator key. */
  public static <P extends Payload> SignedPayload<P> sign(P payload, PrivateKey key) {
    return new SignedPayload<>(payload, Secp256k1.sign(payload.signingHash(), key));
  }

  /** The address that signed, or empty if the signature is malformed. */
  public Optional<Address> author() {
    return Seals.recover(payload.signingHash(), signature);
  }

  void writeTo(RlpWriter w) {
    w.startList();
    payload.writeTo(w);
    w.writeBytes(Seals.encode(signature)).endList();
  }

  static <P extends Payload> SignedPayload<P> readFrom(RlpReader reader, Function<RlpReader, P> payloadReader) {
    RlpReader r = reader.readList();
    P payload = payloadReader.apply(r);
    Signature signature = Seals.decode(r.readBytes());
    r.ensureDone();
    return new SignedPayload<>(payload, signature);
  }
}
