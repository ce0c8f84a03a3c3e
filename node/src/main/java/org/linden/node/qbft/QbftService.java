package org.linden.node.qbft;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.QbftSettings;
import org.linden.chain.consensus.QbftRules;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.consensus.qbft.QbftSealVerifier;
import org.linden.consensus.qbft.ValidatorSetProvider;
import org.linden.consensus.qbft.VoteProposals;
import org.linden.crypto.PrivateKey;
import org.linden.p2p.transport.Protocol;
import org.linden.rpc.qbft.QbftNode;
import org.linden.types.Address;

/**
 * QBFT on a node: every imported header is checked against the validator set its parent
 * leaves (so a follower verifies what it syncs); with a validator key the node also runs
 * the engine and speaks the {@code istanbul} capability. Without a key it still relays
 * validators' messages, so validators need not be directly connected.
 */
public final class QbftService implements QbftNode, AutoCloseable {
  private final Blockchain chain;
  private final ValidatorSetProvider validators;
  private final VoteProposals votes = new VoteProposals();
  private final QbftController controller;
  private final QbftGossip gossip;

  private QbftService(Blockchain chain, TxPool pool, QbftSettings settings, PrivateKey key,
      RoundListener rounds) {
    this.chain = chain;
    this.validators = checkSeals(chain, settings);
    if (key != null) {
      controller = new QbftController(chain, pool, key, settings, validators, votes, rounds);
      gossip = controller.gossip();
    } else {
      controller = null;
      gossip = new QbftGossip(m -> {}, a -> validators.validatorsAfter(chain.head()).contains(a));
    }
  }

  /**
   * QBFT for {@code chain} if its genesis config has a {@code qbft} section; empty otherwise.
   * {@code key} (may be null) makes this node a validator whenever it is in the set.
   */
  public static Optional<QbftService> forChain(Blockchain chain, TxPool pool, PrivateKey key,
      RoundListener rounds) {
    return QbftSettings.of(chain.config()).map(s -> new QbftService(chain, pool, s, key, rounds));
  }

  /**
   * Makes {@code chain} check every header it imports against the validator set its parent
   * leaves (votes replayed from the chain's own headers) and that set's commit seals, as a
   * running node does, if its genesis config has a {@code qbft} section. For blocks that
   * come from elsewhere than peers: a chain file given to {@code linden import} is no more
   * trusted than a peer.
   */
  public static void checkSeals(Blockchain chain) {
    QbftSettings.of(chain.config()).ifPresent(s -> checkSeals(chain, s));
  }

  private static ValidatorSetProvider checkSeals(Blockchain chain, QbftSettings settings) {
    ValidatorSetProvider validators =
        new ValidatorSetProvider(hash -> chain.store().header(hash), settings.epochLength());
    chain.consensusRules(new QbftRules(settings).withSeals(new QbftSealVerifier(validators)));
    return validators;
  }

  /** The devp2p capability the node offers next to eth. */
  public Protocol protocol() {
    return gossip.protocol();
  }

  /** Starts the engine (a validator only); call once the network is up. */
  public void start() {
    if (controller != null) {
      controller.start();
    }
  }

  /** The engine's current round (0 on a follower). */
  public int round() {
    return controller == null ? 0 : controller.round();
  }

  @Override
  public void proposeVote(Address recipient, boolean add) {
    votes.propose(recipient, add);
  }

  @Override
  public void discardVote(Address recipient) {
    votes.discard(recipient);
  }

  @Override
  public Map<Address, Boolean> pendingVotes() {
    return votes.pending();
  }

  @Override
  public Optional<org.linden.rpc.qbft.BlockSeals> sealsOfBlock(long number) {
    if (number < 1) {
      return Optional.empty();
    }
    // QBFT writes the proposer as the block's beneficiary; the committers are recovered from the seals.
    return chain.store().canonicalHash(number).flatMap(chain.store()::header).map(h -> new org.linden.rpc.qbft.BlockSeals(
        number, h.coinbase(), org.linden.consensus.qbft.QbftExtraData.of(h).round(),
        org.linden.consensus.qbft.Committers.of(h)));
  }

  @Override
  public Optional<List<Address>> validatorsOfBlock(long number) {
    if (number == 0) {
      return chain.store().canonicalHash(0).flatMap(chain.store()::header)
          .map(h -> validators.validatorsAfter(h).validators());
    }
    Optional<BlockHeader> parent = number > chain.head().number() ? Optional.empty()
        : chain.store().canonicalHash(number - 1).flatMap(chain.store()::header);
    return parent.map(h -> validators.validatorsAfter(h).validators());
  }

  @Override
  public long headNumber() {
    return chain.head().number();
  }

  @Override
  public void close() {
    if (controller != null) {
      controller.close();
    }
  }
}
