package org.linden.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** One engine driven by hand-made messages from the other three validators. */
class QbftEngineTest {
  private static final QbftConfig CONFIG = new QbftConfig(1_000, 100, 10, 10, 5, 100);
  private final List<PrivateKey> keys = TestKeys.keys(4);
  private final ValidatorSet validators = TestKeys.validatorsOf(keys);
  private final BlockHeader genesis = BlockHeader.builder().gasLimit(30_000_000)
      .extraData(QbftExtraData.forProposal(validators, 0).encode()).build();

  private QbftEngine engine(int index) {
    return engine(index, genesis);
  }

  private QbftEngine engine(int index, BlockHeader head) {
    BlockCreator creator = (parent, height, round) -> new Block(
        BlockHeader.builder().number(height).gasLimit(30_000_000).timestamp(parent.timestamp() + 1).build(), BlockBody.EMPTY);
    return new QbftEngine(CONFIG, keys.get(index), validators, creator, head);
  }

  private PrivateKey proposerKey(long height, int round) {
    return keys.get(validators.validators().indexOf(validators.proposer(height, round)));
  }

  private Block block(BlockHeader parent, int round, long timestamp) {
    return new Block(BlockHeader.builder().number(parent.number() + 1).gasLimit(30_000_000).timestamp(timestamp)
        .parentHash(Justifications.parentHashOf(parent))
        .extraData(QbftExtraData.forProposal(validators, round).encode()).build(), BlockBody.EMPTY);
  }

  private Proposal proposal(Block b, int round) {
    return new Proposal(SignedPayload.sign(new ProposalPayload(b.number(), round, b), proposerKey(b.number(), round)),
        List.of(), List.of());
  }

  private static Prepare prepare(Block b, int round, PrivateKey k) {
    return new Prepare(SignedPayload.sign(new PreparePayload(b.number(), round, QbftHashing.blockHash(b.header())), k));
  }

  private static Commit commit(Block b, PrivateKey k) {
    Signature seal = Secp256k1.sign(QbftHashing.commitSealHash(b.header()), k);
    int round = QbftExtraData.of(b.header()).round();
    return new Commit(SignedPayload.sign(new CommitPayload(b.number(), round, QbftHashing.blockHash(b.header()), seal), k));
  }

  private static Actions receive(QbftEngine e, QbftMessage m) {
    return e.handle(new Event.MessageReceived(m));
  }

  /** Index of a validator that does not propose round 0 of height 1, nor round 1. */
  private int follower() {
    for (int i = 0; i < 4; i++) {
      if (!keys.get(i).equals(proposerKey(1, 0)) && !keys.get(i).equals(proposerKey(1, 1))) {
        return i;
      }
    }
    throw new AssertionError();
  }

  private List<PrivateKey> othersThan(PrivateKey... excluded) {
    return keys.stream().filter(k -> !List.of(excluded).contains(k)).toList();
  }

  @Test
  void followerPreparesCommitsAndSealsAHeight() {
    int me = follower();
    QbftEngine e = engine(me);
    Actions start = e.start();
    assertEquals(List.of(new Action.StartBlockTimer(1, 100)), start.all());
    assertEquals(List.of(new Action.StartRoundTimer(1, 0, 1_000)), e.handle(new Event.BlockTimerExpired(1)).all());
    Block b = block(genesis, 0, 1);
    Actions afterProposal = receive(e, proposal(b, 0));
    assertInstanceOf(Prepare.class, afterProposal.broadcasts().get(0));
    List<PrivateKey> others = othersThan(keys.get(me));
    assertTrue(receive(e, prepare(b, 0, others.get(0))).broadcasts().isEmpty());
    Actions prepared = receive(e, prepare(b, 0, others.get(1)));
    assertInstanceOf(Commit.class, prepared.broadcasts().get(0));
    assertTrue(receive(e, commit(b, others.get(0))).committed().isEmpty());
    Actions done = receive(e, commit(b, others.get(1)));
    Block committed = done.committed().get(0);
    assertTrue(HeaderVerifier.verifySeals(committed.header(), validators));
    assertEquals(QbftHashing.blockHash(b.header()), QbftHashing.blockHash(committed.header()));
    assertEquals(2, e.height());
    assertTrue(done.all().contains(new Action.StartBlockTimer(2, 100)));
  }

  @Test
  void rejectsOutsidersBadSignaturesWrongProposersAndEquivocation() {
    QbftEngine e = engine(follower());
    e.start();
    Block b = block(genesis, 0, 1);
    PrivateKey outsider = TestKeys.keys(1, "outsider").get(0);
    assertTrue(receive(e, prepare(b, 0, outsider)).rejections().get(0).reason().contains("not a validator"));
    assertEquals(1, receive(e, prepare(b, 0, outsider)).rejections().size());
    Prepare forged = new Prepare(new SignedPayload<>(new PreparePayload(1, 0, Hash.ZERO),
        new Signature(UInt256.ZERO, UInt256.ONE, 0)));
    assertEquals("bad signature", receive(e, forged).rejections().get(0).reason());
    PrivateKey notProposer = othersThan(proposerKey(1, 0)).get(0);
    Proposal wrong = new Proposal(SignedPayload.sign(new ProposalPayload(1, 0, b), notProposer), List.of(), List.of());
    assertTrue(receive(e, wrong).rejections().get(0).reason().contains("not the proposer"));
    Block orphan = new Block(b.header().toBuilder().parentHash(Hash.ZERO).build(), b.body());
    assertTrue(receive(e, proposal(orphan, 0)).rejections().get(0).reason().contains("does not extend"));
    Block lateRound = block(genesis, 3, 1);
    Proposal misnamed = new Proposal(SignedPayload.sign(new ProposalPayload(1, 0, lateRound), proposerKey(1, 0)),
        List.of(), List.of());
    assertTrue(receive(e, misnamed).rejections().get(0).reason().contains("names round 3"));
    assertEquals(1, receive(e, proposal(b, 0)).broadcasts().size());
    Block other = block(genesis, 0, 2);
    assertTrue(receive(e, proposal(other, 0)).rejections().get(0).reason().contains("second, different proposal"));
  }

  @Test
  void duplicatesAreCountedOnce() {
    int me = follower();
    QbftEngine e = engine(me);
    e.start();
    Block b = block(genesis, 0, 1);
    receive(e, proposal(b, 0));
    PrivateKey other = othersThan(keys.get(me)).get(0);
    Prepare p = prepare(b, 0, other);
    receive(e, p);
    assertTrue(receive(e, p).all().isEmpty());
    // A second PREPARE from the same author for another digest is not counted either.
    Prepare conflicting = new Prepare(SignedPayload.sign(new PreparePayload(1, 0, Hash.ZERO), other));
    assertTrue(receive(e, conflicting).broadcasts().isEmpty());
  }

  @Test
  void timerExpiryMovesToTheNextRoundWithBackoff() {
    QbftEngine e = engine(follower());
    e.start();
    Actions a = e.handle(new Event.RoundTimerExpired(1, 0));
    RoundChange rc = assertInstanceOf(RoundChange.class, a.broadcasts().get(0));
    assertEquals(1, rc.round());
    assertTrue(a.timers().contains(new Action.StartRoundTimer(1, 1, 2_000)));
    assertTrue(e.handle(new Event.RoundTimerExpired(1, 0)).all().isEmpty());
    assertEquals(8_000, CONFIG.roundTimeout(3));
    assertEquals(1_000L << 10, CONFIG.roundTimeout(40));
  }

  @Test
  void futureHeightMessagesWaitForTheirHeight() {
    int me = follower();
    QbftEngine e = engine(me);
    e.start();
    Block b1 = block(genesis, 0, 1);
    Block b2 = block(b1.header(), 0, 2);
    assertTrue(receive(e, proposal(b2, 0)).all().isEmpty());
    receive(e, proposal(b1, 0));
    List<PrivateKey> others = othersThan(keys.get(me));
    receive(e, prepare(b1, 0, others.get(0)));
    receive(e, prepare(b1, 0, others.get(1)));
    receive(e, commit(b1, others.get(0)));
    Actions done = receive(e, commit(b1, others.get(1)));
    assertEquals(1, done.committed().size());
    // The buffered proposal for height 2 was handled as soon as height 2 started.
    assertTrue(done.broadcasts().stream().anyMatch(m -> m instanceof Prepare p && p.height() == 2));
  }

  /** What a host does when the validator set changes: the old engine's buffer goes to the new one. */
  @Test
  void bufferedMessagesCarryOverToAReplacingEngine() {
    int me = follower();
    QbftEngine old = engine(me);
    old.start();
    Block b1 = block(genesis, 0, 1);
    Block b2 = block(b1.header(), 0, 2);
    Block b3 = block(b2.header(), 0, 3);
    Proposal forHeight2 = proposal(b2, 0);
    Proposal forHeight3 = proposal(b3, 0);
    receive(old, forHeight2);
    receive(old, forHeight3);
    assertEquals(List.of(forHeight2, forHeight3), old.bufferedMessages());

    QbftEngine replacing = engine(me, b1.header());
    replacing.start();
    List<Action> handled = new java.util.ArrayList<>();
    for (QbftMessage m : old.bufferedMessages()) {
      handled.addAll(replacing.handle(new Event.MessageReceived(m)).all());
    }
    assertTrue(handled.stream().anyMatch(a -> a instanceof Action.Broadcast b && b.message() instanceof Prepare p
        && p.height() == 2), "the new engine prepares the carried-over proposal: " + handled);
    assertEquals(List.of(forHeight3), replacing.bufferedMessages());
  }

  @Test
  void newProposerReproposesThePreparedBlock() {
    PrivateKey nextProposer = proposerKey(1, 1);
    QbftEngine e = engine(keys.indexOf(nextProposer));
    e.start();
    Block b = block(genesis, 0, 1);
    Hash digest = QbftHashing.blockHash(b.header());
    List<SignedPayload<PreparePayload>> cert = keys.subList(0, 3).stream().map(k -> prepare(b, 0, k).signed()).toList();
    List<PrivateKey> others = othersThan(nextProposer);
    RoundChange preparedRc = new RoundChange(
        SignedPayload.sign(new RoundChangePayload(1, 1, Optional.of(new PreparedRound(0, digest))), others.get(0)),
        Optional.of(b), cert);
    RoundChange emptyRc = new RoundChange(
        SignedPayload.sign(new RoundChangePayload(1, 1, Optional.empty()), others.get(1)), Optional.empty(), List.of());
    receive(e, emptyRc);
    // Two round changes for a higher round (f+1) pull this node into round 1; with its own
    // that is a quorum, and as proposer of round 1 it proposes the prepared block.
    Actions a = receive(e, preparedRc);
    assertEquals(1, e.round());
    Proposal p = a.broadcasts().stream().filter(m -> m instanceof Proposal).map(m -> (Proposal) m).findFirst().orElseThrow();
    assertEquals(1, p.round());
    assertEquals(digest, p.signed().payload().digest());
    assertEquals(1, QbftExtraData.of(p.signed().payload().block().header()).round());
    assertEquals(3, p.roundChanges().size());
    // Another validator, still in round 0, accepts the justified proposal and follows to round 1.
    QbftEngine other = engine(keys.indexOf(others.get(2)));
    other.start();
    Actions followed = receive(other, QbftMessage.decode(p.code(), p.encode()));
    assertEquals(1, other.round());
    assertInstanceOf(Prepare.class, followed.broadcasts().get(0));
    // A round-1 proposal of a different block with the same justification is refused.
    Block different = block(genesis, 1, 5);
    Proposal bad = new Proposal(SignedPayload.sign(new ProposalPayload(1, 1, different), nextProposer), p.roundChanges(), p.prepares());
    QbftEngine third = engine(keys.indexOf(others.get(1)));
    third.start();
    assertTrue(receive(third, bad).rejections().get(0).reason().contains("highest prepared"));
  }
}
