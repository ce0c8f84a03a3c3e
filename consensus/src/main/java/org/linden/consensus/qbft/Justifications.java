package org.linden.consensus.qbft;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * The content checks of PROPOSAL and ROUND-CHANGE messages at one height: the block's
 * shape and the certificates they carry. Each method returns null when the message is
 * acceptable, or the reason it is not (the host may penalise the sender with it).
 */
final class Justifications {
  private final ValidatorSet validators;

  Justifications(ValidatorSet validators) {
    this.validators = validators;
  }

  /** The parent hash a child must name: QBFT's block hash, or the plain hash for a non-QBFT parent (e.g. a dev genesis). */
  static Hash parentHashOf(BlockHeader parent) {
    try {
      return QbftHashing.blockHash(parent);
    } catch (QbftDecodingException e) {
      return parent.hash();
    }
  }

  String checkProposal(Proposal p, BlockHeader parent) {
    ProposalPayload payload = p.signed().payload();
    long height = payload.height();
    int round = payload.round();
    String blockError = checkBlock(payload.block(), parent, height, round);
    if (blockError != null) {
      return blockError;
    }
    if (round == 0) {
      return p.roundChanges().isEmpty() && p.prepares().isEmpty() ? null : "round 0 proposal carries a justification";
    }
    // A quorum of round changes for this round proves the round was reached legitimately.
    Set<Address> authors = new HashSet<>();
    Optional<PreparedRound> highest = Optional.empty();
    for (SignedPayload<RoundChangePayload> rc : p.roundChanges()) {
      RoundChangePayload rcp = rc.payload();
      if (rcp.height() != height || rcp.round() != round) {
        return "justification holds a round change for another height or round";
      }
      Optional<Address> author = rc.author().filter(validators::contains);
      if (author.isEmpty()) {
        return "justification holds a round change with a bad signature or from a non-validator";
      }
      authors.add(author.get());
      if (rcp.prepared().isPresent()
          && (highest.isEmpty() || rcp.prepared().get().round() > highest.get().round())) {
        highest = rcp.prepared();
      }
    }
    if (authors.size() < validators.quorum()) {
      return "justification has round changes from fewer than a quorum of validators";
    }
    if (highest.isEmpty()) {
      return p.prepares().isEmpty() ? null : "prepares given though no round change reports a prepared block";
    }
    // Some validator may have committed the highest prepared block: only it may be proposed.
    PreparedRound pr = highest.get();
    if (!payload.digest().equals(pr.digest())) {
      return "proposal ignores the highest prepared block of its justification";
    }
    return checkPrepareCertificate(p.prepares(), height, pr);
  }

  String checkRoundChange(RoundChange rc) {
    RoundChangePayload payload = rc.signed().payload();
    if (payload.round() == 0) {
      return "round change to round 0";
    }
    if (payload.prepared().isEmpty()) {
      return rc.preparedBlock().isEmpty() && rc.prepares().isEmpty() ? null : "round change has a block or prepares but no prepared round";
    }
    PreparedRound pr = payload.prepared().get();
    if (pr.round() >= payload.round()) {
      return "prepared round is not before the round change's round";
    }
    if (rc.preparedBlock().isEmpty()) {
      return "round change reports a prepared round without its block";
    }
    Block block = rc.preparedBlock().get();
    try {
      if (block.header().number() != payload.height() || !QbftHashing.blockHash(block.header()).equals(pr.digest())) {
        return "prepared block does not match the prepared digest";
      }
    } catch (QbftDecodingException e) {
      return "prepared block has malformed extraData";
    }
    return checkPrepareCertificate(rc.prepares(), payload.height(), pr);
  }

  private String checkPrepareCertificate(List<SignedPayload<PreparePayload>> prepares, long height, PreparedRound pr) {
    Set<Address> authors = new HashSet<>();
    for (SignedPayload<PreparePayload> prep : prepares) {
      PreparePayload pp = prep.payload();
      if (pp.height() != height || pp.round() != pr.round() || !pp.digest().equals(pr.digest())) {
        return "prepare certificate holds a prepare for another height, round or block";
      }
      Optional<Address> author = prep.author().filter(validators::contains);
      if (author.isEmpty()) {
        return "prepare certificate holds a prepare with a bad signature or from a non-validator";
      }
      authors.add(author.get());
    }
    return authors.size() >= validators.quorum() ? null : "prepare certificate has fewer than a quorum of validators";
  }

  private String checkBlock(Block block, BlockHeader parent, long height, int round) {
    BlockHeader header = block.header();
    if (header.number() != height) {
      return "proposed block has number " + header.number() + ", expected " + height;
    }
    if (!header.parentHash().equals(parentHashOf(parent))) {
      return "proposed block does not extend the current head";
    }
    QbftExtraData extra;
    try {
      extra = QbftExtraData.of(header);
    } catch (QbftDecodingException e) {
      return "proposed block has malformed extraData";
    }
    if (extra.round() != round) {
      return "proposed block's extraData names round " + extra.round() + ", not " + round;
    }
    if (!extra.commitSeals().isEmpty()) {
      return "proposed block already carries commit seals";
    }
    if (!extra.validators().equals(validators.validators())) {
      return "proposed block's validator list differs from the validator set";
    }
    return null;
  }
}
