package org.linden.consensus.qbft;

import org.linden.crypto.Keccak;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The signed part of a QBFT message. Every payload names its height and round so that a
 * signature can never be replayed at another height or round.
 */
public sealed interface Payload permits ProposalPayload, PreparePayload, CommitPayload, RoundChangePayload {
  /** Besu's QBFT message codes. */
  int PROPOSAL = 0x12;
  int PREPARE = 0x13;
  int COMMIT = 0x14;
  int ROUND_CHANGE = 0x15;

  long height();

  int round();

  /** The message code of the message this payload belongs to. */
  int messageType();

  /** Appends the payload as one RLP list. */
  void writeTo(RlpWriter w);

  default Bytes encode() {
    RlpWriter w = new RlpWriter();
    writeTo(w);
    return w.toBytes();
  }

  /**
   * What the author signs: keccak256(message code ‖ RLP(payload)). The code is part of the
   * signed bytes so that a signature over one kind of payload cannot be presented as
   * another kind whose fields happen to encode the same way.
   */
  default Hash signingHash() {
    return Keccak.hash256(Bytes.concat(Bytes.of((byte) messageType()), encode()));
  }
}
