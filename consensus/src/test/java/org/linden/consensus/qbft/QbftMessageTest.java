package org.linden.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class QbftMessageTest {
  private final List<PrivateKey> keys = TestKeys.keys(4);
  private final ValidatorSet validators = TestKeys.validatorsOf(keys);

  private Block block(int round) {
    return new Block(BlockHeader.builder().number(3).gasLimit(1_000_000).timestamp(9)
        .extraData(QbftExtraData.forProposal(validators, round).encode()).build(), BlockBody.EMPTY);
  }

  private static QbftMessage roundTrip(QbftMessage m) {
    QbftMessage back = QbftMessage.decode(m.code(), m.encode());
    assertEquals(m, back);
    assertEquals(m.encode(), back.encode());
    return back;
  }

  @Test
  void everyMessageKindRoundTripsAndKeepsItsAuthor() {
    Block b = block(2);
    Hash digest = QbftHashing.blockHash(b.header());
    List<SignedPayload<PreparePayload>> prepares = keys.subList(0, 3).stream()
        .map(k -> SignedPayload.sign(new PreparePayload(3, 1, digest), k)).toList();
    RoundChange rc = new RoundChange(
        SignedPayload.sign(new RoundChangePayload(3, 2, Optional.of(new PreparedRound(1, digest))), keys.get(1)),
        Optional.of(block(1)), prepares);
    RoundChange empty = new RoundChange(
        SignedPayload.sign(new RoundChangePayload(3, 2, Optional.empty()), keys.get(2)), Optional.empty(), List.of());
    Proposal proposal = new Proposal(SignedPayload.sign(new ProposalPayload(3, 2, b), keys.get(0)),
        List.of(rc.signed(), empty.signed()), prepares);
    Commit commit = new Commit(SignedPayload.sign(
        new CommitPayload(3, 2, digest, Secp256k1.sign(QbftHashing.commitSealHash(b.header()), keys.get(3))), keys.get(3)));
    Prepare prepare = new Prepare(prepares.get(0));
    assertEquals(Payload.PROPOSAL, proposal.code());
    assertEquals(keys.get(0).address(), roundTrip(proposal).author().orElseThrow());
    assertEquals(keys.get(0).address(), roundTrip(prepare).author().orElseThrow());
    assertEquals(keys.get(3).address(), roundTrip(commit).author().orElseThrow());
    assertEquals(keys.get(1).address(), roundTrip(rc).author().orElseThrow());
    assertEquals(keys.get(2).address(), roundTrip(empty).author().orElseThrow());
  }

  @Test
  void signatureBindsTheMessageKind() {
    PreparePayload p = new PreparePayload(1, 0, Hash.ZERO);
    assertEquals(false, p.signingHash().equals(
        new CommitPayload(1, 0, Hash.ZERO, Secp256k1.sign(Hash.ZERO, keys.get(0))).signingHash()));
  }

  @Test
  void refusesMalformedBodies() {
    Prepare prepare = new Prepare(SignedPayload.sign(new PreparePayload(1, 0, Hash.ZERO), keys.get(0)));
    Bytes body = prepare.encode();
    assertThrows(QbftDecodingException.class, () -> QbftMessage.decode(0x99, body));
    assertThrows(QbftDecodingException.class, () -> QbftMessage.decode(Payload.COMMIT, body));
    assertThrows(QbftDecodingException.class, () -> QbftMessage.decode(Payload.PREPARE, body.slice(0, body.size() - 1)));
    assertThrows(QbftDecodingException.class, () -> QbftMessage.decode(Payload.PREPARE, Bytes.concat(body, Bytes.of((byte) 0x80))));
  }
}
