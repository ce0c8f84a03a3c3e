package org.linden.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A QBFT message as it travels between validators: a message code (Besu's 0x12..0x15) and
 * an RLP body. Only the outer signed payload names the sender; the justifications inside
 * PROPOSAL and ROUND-CHANGE are other validators' signed messages, checked one by one.
 */
public sealed interface QbftMessage permits Proposal, Prepare, Commit, RoundChange {
  /** The signed payload that identifies the author, height and round. */
  SignedPayload<? extends Payload> signed();

  default int code() {
    return signed().payload().messageType();
  }

  default long height() {
    return signed().payload().height();
  }

  default int round() {
    return signed().payload().round();
  }

  default Optional<Address> author() {
    return signed().author();
  }

  /** The message body (without the code). */
  Bytes encode();

  /** Identifies the message for duplicate suppression: keccak(code ‖ body). */
  default Hash id() {
    return Keccak.hash256(Bytes.concat(Bytes.of((byte) code()), encode()));
  }

  /** Decodes a body received under {@code code}; throws {@link QbftDecodingException} on anything malformed. */
  static QbftMessage decode(int code, Bytes body) {
    try {
      RlpReader r = RlpReader.of(body);
      QbftMessage m = switch (code) {
        case Payload.PROPOSAL -> Proposal.readFrom(r);
        case Payload.PREPARE -> new Prepare(SignedPayload.readFrom(r, PreparePayload::readFrom));
        case Payload.COMMIT -> new Commit(SignedPayload.readFrom(r, CommitPayload::readFrom));
        case Payload.ROUND_CHANGE -> RoundChange.readFrom(r);
        default -> throw new QbftDecodingException("unknown QBFT message code " + code);
      };
      r.ensureDone();
      return m;
    } catch (RlpException | IllegalArgumentException e) {
      throw new QbftDecodingException("malformed QBFT message: " + e.getMessage(), e);
    }
  }

  /** Helpers for the lists of signed payloads inside justifications. */
  static <P extends Payload> void writeList(RlpWriter w, List<SignedPayload<P>> items) {
    w.startList();
    for (SignedPayload<P> s : items) {
      s.writeTo(w);
    }
    w.endList();
  }

  static <P extends Payload> List<SignedPayload<P>> readList(RlpReader reader, Function<RlpReader, P> payloadReader) {
    RlpReader r = reader.readList();
    List<SignedPayload<P>> out = new ArrayList<>();
    while (!r.isDone()) {
      out.add(SignedPayload.readFrom(r, payloadReader));
    }
    return List.copyOf(out);
  }
}
