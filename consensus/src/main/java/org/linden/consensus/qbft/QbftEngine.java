package org.linden.consensus.qbft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * One validator's QBFT state machine: {@link #handle} turns an {@link Event} into
 * {@link Actions} and touches nothing else (no clock, no sockets, no threads), so the host
 * decides how messages travel and time passes.
 *
 * <p>Per height: the proposer of round 0 proposes once the block period has passed; every validator that accepts the
 * proposal sends PREPARE; a quorum of matching PREPAREs makes the block prepared and the
 * validator sends COMMIT with its commit seal; a quorum of COMMITs commits the block with
 * those seals in its header. When a round's timer fires the validator moves to the next
 * round and sends ROUND-CHANGE with its latest prepared certificate; f+1 round changes
 * for higher rounds pull a lagging validator forward; a quorum of round changes lets the
 * new round's proposer propose, re-proposing the highest prepared block if there is one.
 *
 * <p>The validator set is fixed for the engine's lifetime; votes are later work.
 */
public final class QbftEngine {
  private final QbftConfig config;
  private final PrivateKey key;
  private final Address self;
  private final ValidatorSet validators;
  private final BlockCreator blockCreator;
  private final Justifications justifications;
  private final TreeMap<Long, Map<Hash, QbftMessage>> future = new TreeMap<>();
  private int futureCount;
  private BlockHeader head;
  private HeightState state;
  private List<Action> out = new ArrayList<>();

  /** An engine that will decide the block after {@code head}, once {@link #start} is called. */
  public QbftEngine(QbftConfig config, PrivateKey key, ValidatorSet validators, BlockCreator blockCreator, BlockHeader head) {
    this.config = config;
    this.key = key;
    this.self = key.address();
    this.validators = validators;
    this.blockCreator = blockCreator;
    this.justifications = new Justifications(validators);
    this.head = head;
  }

  /** Starts deciding the height after the head: the block timer, after which round 0 begins. */
  public Actions start() {
    out = new ArrayList<>();
    startHeight();
    return flush();
  }

  /** Processes one event. */
  public Actions handle(Event event) {
    out = new ArrayList<>();
    if (state == null) {
      startHeight();
    }
    switch (event) {
      case Event.MessageReceived m -> receive(m.message());
      case Event.RoundTimerExpired t -> onTimer(t);
      case Event.BlockTimerExpired t -> onBlockTimer(t);
      case Event.NewChainHead n -> onNewHead(n.block());
    }
    return flush();
  }

  /** The height being decided. */
  public long height() {
    return state == null ? head.number() + 1 : state.height;
  }

  /** The current round at {@link #height}. */
  public int round() {
    return state == null ? 0 : state.round;
  }

  public Address address() {
    return self;
  }

  private Actions flush() {
    Actions actions = new Actions(out);
    out = new ArrayList<>();
    return actions;
  }

  // ---- heights and rounds -------------------------------------------------------------

  private void startHeight() {
    state = new HeightState(head.number() + 1);
    // Every validator waits out the block period before round 0 starts, so round 0's
    // timer runs from the moment its proposer is expected to propose.
    out.add(new Action.StartBlockTimer(state.height, config.blockPeriodMillis()));
    replayFuture();
  }

  private void onBlockTimer(Event.BlockTimerExpired t) {
    if (t.height() != state.height || state.round != 0 || state.roundZeroStarted) {
      return;
    }
    state.roundZeroStarted = true;
    out.add(new Action.StartRoundTimer(state.height, 0, config.roundTimeout(0)));
    RoundState rs = state.round(0);
    if (validators.proposer(state.height, 0).equals(self) && !rs.proposed) {
      rs.proposed = true;
      propose(0, newBlock(0), List.of(), List.of());
    }
  }

  /**
   * The messages kept for later heights, lowest height first, as they arrived: for the engine
   * that replaces this one when the validator set changes, so that they are not lost with it.
   */
  public List<QbftMessage> bufferedMessages() {
    List<QbftMessage> all = new ArrayList<>(futureCount);
    future.values().forEach(byId -> all.addAll(byId.values()));
    return all;
  }

  /** Hands over the buffered messages of the new height; older ones are dropped. */
  private void replayFuture() {
    long height = state.height;
    while (!future.isEmpty() && future.firstKey() <= height) {
      Map.Entry<Long, Map<Hash, QbftMessage>> e = future.pollFirstEntry();
      futureCount -= e.getValue().size();
      if (e.getKey() == height) {
        for (QbftMessage m : e.getValue().values()) {
          receive(m);
        }
        return;
      }
    }
  }

  private void moveToRound(int round, boolean sendRoundChange) {
    state.round = round;
    out.add(new Action.StartRoundTimer(state.height, round, config.roundTimeout(round)));
    // Older rounds can no longer produce a proposal or prepare for us; keep their commits
    // (a commit quorum of an older round still decides the height).
    if (sendRoundChange) {
      broadcast(roundChangeFor(round));
    }
    proposeIfJustified();
  }

  private void onTimer(Event.RoundTimerExpired t) {
    if (t.height() != state.height || t.round() != state.round) {
      return;
    }
    moveToRound(state.round + 1, true);
  }

  private void onNewHead(Block block) {
    if (block.header().number() < state.height) {
      return;
    }
    HeaderVerifier.Result result = HeaderVerifier.check(block.header(), validators);
    if (result != HeaderVerifier.Result.VALID) {
      out.add(new Action.RejectedBlock(block, "seals do not verify: " + result));
      return;
    }
    head = block.header();
    startHeight();
  }

  private void commit(RoundState rs, List<Signature> seals) {
    QbftExtraData extra = QbftExtraData.of(rs.block.header()).withCommitSeals(seals);
    BlockHeader sealed = rs.block.header().toBuilder().extraData(extra.encode()).build();
    Block block = new Block(sealed, rs.block.body());
    out.add(new Action.CommitBlock(block));
    head = sealed;
    startHeight();
  }

  // ---- receiving ----------------------------------------------------------------------

  private void receive(QbftMessage m) {
    if (m.height() < state.height) {
      return;
    }
    if (m.height() > state.height) {
      buffer(m);
      return;
    }
    Hash id = m.id();
    if (state.seen.contains(id)) {
      return;
    }
    if (m.round() > state.round + config.roundWindow()) {
      reject(m, "round " + m.round() + " is too far ahead of " + state.round);
      return;
    }
    if (m.round() < state.round && !(m instanceof Commit)) {
      return;
    }
    Optional<Address> author = m.author();
    if (author.isEmpty()) {
      reject(m, "bad signature");
      return;
    }
    if (!validators.contains(author.get())) {
      reject(m, "author " + author.get() + " is not a validator");
      return;
    }
    // Remembered only once authenticated, so that outsiders cannot grow the set; their
    // repeats are refused again, and the host can penalise them each time.
    state.seen.add(id);
    dispatch(m, author.get());
  }

  /**
   * Keeps a message for a later height, within a window and a size bound, because a
   * validator that is one block behind would otherwise lose the next round's messages.
   * Signatures are checked when the height is reached.
   */
  private void buffer(QbftMessage m) {
    if (m.height() > state.height + config.futureHeightWindow() || futureCount >= config.maxFutureMessages()) {
      return;
    }
    if (future.computeIfAbsent(m.height(), h -> new LinkedHashMap<>()).putIfAbsent(m.id(), m) == null) {
      futureCount++;
    }
  }

  private void dispatch(QbftMessage m, Address author) {
    switch (m) {
      case Proposal p -> onProposal(p, author);
      case Prepare p -> onPrepare(p, author);
      case Commit c -> onCommit(c, author);
      case RoundChange rc -> onRoundChange(rc, author);
    }
  }

  /** Handles our own message as if received: we count towards our own quorums. */
  private void broadcast(QbftMessage m) {
    out.add(new Action.Broadcast(m));
    state.seen.add(m.id());
    dispatch(m, self);
  }

  private void reject(QbftMessage m, String reason) {
    out.add(new Action.Rejected(m, reason));
  }

  private void onProposal(Proposal p, Address author) {
    int round = p.round();
    if (!author.equals(validators.proposer(state.height, round))) {
      reject(p, "author is not the proposer of round " + round);
      return;
    }
    RoundState rs = state.round(round);
    if (rs.proposal != null) {
      // Equivocation or replay: only the first proposal of a round is ever accepted.
      if (!rs.digest.equals(p.signed().payload().digest())) {
        reject(p, "second, different proposal for round " + round);
      }
      return;
    }
    String error = justifications.checkProposal(p, head);
    if (error != null) {
      reject(p, error);
      return;
    }
    if (round > state.round) {
      // A justified proposal for a later round proves a quorum moved there: follow it.
      moveToRound(round, false);
    }
    rs.proposal = p;
    rs.block = p.signed().payload().block();
    rs.digest = p.signed().payload().digest();
    long height = state.height;
    broadcast(new Prepare(SignedPayload.sign(new PreparePayload(height, round, rs.digest), key)));
    if (state.height == height) {
      checkPrepared(round);
    }
    if (state.height == height) {
      checkCommitted(round);
    }
  }

  private void onPrepare(Prepare p, Address author) {
    state.round(p.round()).prepares.putIfAbsent(author, p.signed());
    checkPrepared(p.round());
  }

  private void onCommit(Commit c, Address author) {
    RoundState rs = state.round(c.round());
    rs.commits.putIfAbsent(author, c.signed());
    checkCommitted(c.round());
  }

  private void onRoundChange(RoundChange rc, Address author) {
    String error = justifications.checkRoundChange(rc);
    if (error != null) {
      reject(rc, error);
      return;
    }
    state.round(rc.round()).roundChanges.putIfAbsent(author, rc);
    catchUpOnRoundChanges();
    proposeIfJustified();
  }

  // ---- quorum rules -------------------------------------------------------------------

  private void checkPrepared(int round) {
    RoundState rs = state.rounds.get(round);
    if (round != state.round || rs == null || rs.proposal == null || rs.sentCommit) {
      return;
    }
    List<SignedPayload<PreparePayload>> matching =
        rs.prepares.values().stream().filter(p -> p.payload().digest().equals(rs.digest)).toList();
    if (matching.size() < validators.quorum()) {
      return;
    }
    rs.sentCommit = true;
    state.prepared = new HeightState.Prepared(round, rs.block, rs.digest, matching);
    Signature seal = Secp256k1.sign(QbftHashing.commitSealHash(rs.block.header()), key);
    broadcast(new Commit(SignedPayload.sign(new CommitPayload(state.height, round, rs.digest, seal), key)));
  }

  private void checkCommitted(int round) {
    RoundState rs = state.rounds.get(round);
    if (rs == null || rs.proposal == null) {
      return;
    }
    Hash sealHash = QbftHashing.commitSealHash(rs.block.header());
    List<Signature> seals = new ArrayList<>();
    for (var it = rs.commits.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      CommitPayload c = e.getValue().payload();
      if (!c.digest().equals(rs.digest)) {
        continue;
      }
      // The seal must be the author's own signature over this block, or the header we
      // build would not verify.
      if (!Seals.recover(sealHash, c.commitSeal()).filter(e.getKey()::equals).isPresent()) {
        it.remove();
        out.add(new Action.Rejected(new Commit(e.getValue()), "commit seal is not the author's seal of the proposed block"));
        continue;
      }
      seals.add(c.commitSeal());
    }
    if (seals.size() >= validators.quorum()) {
      commit(rs, seals);
    }
  }

  /**
   * f+1 validators asking for rounds above ours include an honest one, so our round is
   * stale: jump to the highest round that f+1 of them have reached.
   */
  private void catchUpOnRoundChanges() {
    Map<Address, Integer> highest = new LinkedHashMap<>();
    for (var e : state.rounds.tailMap(state.round, false).entrySet()) {
      for (Address a : e.getValue().roundChanges.keySet()) {
        highest.merge(a, e.getKey(), Math::max);
      }
    }
    int f1 = validators.roundChangeTrigger();
    if (highest.size() < f1) {
      return;
    }
    List<Integer> rounds = highest.values().stream().sorted(Comparator.reverseOrder()).toList();
    moveToRound(rounds.get(f1 - 1), true);
  }

  /** The proposer of the current round proposes once a quorum of round changes justifies it. */
  private void proposeIfJustified() {
    int round = state.round;
    if (round == 0 || !validators.proposer(state.height, round).equals(self)) {
      return;
    }
    RoundState rs = state.round(round);
    if (rs.proposed || rs.roundChanges.size() < validators.quorum()) {
      return;
    }
    rs.proposed = true;
    List<RoundChange> rcs = List.copyOf(rs.roundChanges.values());
    Optional<RoundChange> best = rcs.stream()
        .filter(rc -> rc.signed().payload().prepared().isPresent())
        .max(Comparator.comparingInt(rc -> rc.signed().payload().prepared().get().round()));
    Block block;
    List<SignedPayload<PreparePayload>> certificate;
    if (best.isPresent()) {
      block = withRound(best.get().preparedBlock().orElseThrow(), round);
      certificate = best.get().prepares();
    } else {
      block = newBlock(round);
      certificate = List.of();
    }
    propose(round, block, rcs.stream().map(RoundChange::signed).toList(), certificate);
  }

  // ---- building messages --------------------------------------------------------------

  private void propose(int round, Block block, List<SignedPayload<RoundChangePayload>> rcs,
      List<SignedPayload<PreparePayload>> prepares) {
    SignedPayload<ProposalPayload> signed = SignedPayload.sign(new ProposalPayload(state.height, round, block), key);
    broadcast(new Proposal(signed, rcs, prepares));
  }

  private RoundChange roundChangeFor(int round) {
    HeightState.Prepared p = state.prepared;
    if (p == null) {
      return new RoundChange(
          SignedPayload.sign(new RoundChangePayload(state.height, round, Optional.empty()), key), Optional.empty(), List.of());
    }
    RoundChangePayload payload = new RoundChangePayload(state.height, round, Optional.of(new PreparedRound(p.round(), p.digest())));
    return new RoundChange(SignedPayload.sign(payload, key), Optional.of(p.block()), p.prepares());
  }

  private Block newBlock(int round) {
    Block created = blockCreator.createBlock(head, state.height, round);
    QbftExtraData extra;
    try {
      QbftExtraData given = QbftExtraData.of(created.header());
      extra = new QbftExtraData(given.vanity(), validators.validators(), given.vote(), round, List.of());
    } catch (QbftDecodingException e) {
      extra = QbftExtraData.forProposal(validators, round);
    }
    BlockHeader header = created.header().toBuilder()
        .number(state.height)
        .parentHash(Justifications.parentHashOf(head))
        .extraData(extra.encode())
        .build();
    return new Block(header, created.body());
  }

  /** The same block for a later round: the digest does not change, only the round the seals will attest. */
  private static Block withRound(Block block, int round) {
    QbftExtraData extra = QbftExtraData.of(block.header()).withRound(round).withCommitSeals(List.of());
    return new Block(block.header().toBuilder().extraData(extra.encode()).build(), block.body());
  }
}
