package org.linden.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.Signature;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;

/**
 * A QBFT header's {@code extraData}, in Besu's layout:
 * RLP([vanity (32 bytes), [validator addresses], vote or [], round, [commit seals]]).
 *
 * <p>The round is an RLP integer (round 0 is {@code 0x80}), as in Besu's genesis files.
 * Validators are kept in the order written; the engine writes them sorted.
 */
public record QbftExtraData(
    Bytes vanity, List<Address> validators, Optional<Vote> vote, int round, List<Signature> commitSeals) {
  /** Size of the vanity field. */
  public static final int VANITY_SIZE = 32;

  private static final int VOTE_ADD = 0xff;
  private static final int VOTE_DROP = 0x00;

  public QbftExtraData {
    if (vanity.size() != VANITY_SIZE) {
      throw new IllegalArgumentException("vanity must have 32 bytes, got " + vanity.size());
    }
    if (round < 0) {
      throw new IllegalArgumentException("round must be non-negative, got " + round);
    }
    validators = List.copyOf(validators);
    commitSeals = List.copyOf(commitSeals);
  }

  /** ExtraData for a block about to be proposed: no vote, no seals yet. */
  public static QbftExtraData forProposal(ValidatorSet validators, int round) {
    return new QbftExtraData(Bytes.wrap(new byte[VANITY_SIZE]), validators.validators(), Optional.empty(), round, List.of());
  }

  /** Same fields with another round. */
  public QbftExtraData withRound(int newRound) {
    return new QbftExtraData(vanity, validators, vote, newRound, commitSeals);
  }

  /** Same fields with these commit seals. */
  public QbftExtraData withCommitSeals(List<Signature> seals) {
    return new QbftExtraData(vanity, validators, vote, round, seals);
  }

  /** The full encoding, as stored in the header. */
  public Bytes encode() {
    return encode(true, true);
  }

  /**
   * Encodes with the round and the seals optionally blanked (round 0, empty seal list),
   * which is what the two QBFT hashes need (see {@link QbftHashing}).
   */
  Bytes encode(boolean withRound, boolean withSeals) {
    RlpWriter w = new RlpWriter();
    w.startList().writeBytes(vanity);
    w.startList();
    for (Address v : validators) {
      w.writeBytes(v.bytes());
    }
    w.endList();
    if (vote.isPresent()) {
      w.startList().writeBytes(vote.get().recipient().bytes()).writeLong(vote.get().add() ? VOTE_ADD : VOTE_DROP).endList();
    } else {
      w.writeEmptyList();
    }
    w.writeLong(withRound ? round : 0);
    w.startList();
    if (withSeals) {
      for (Signature s : commitSeals) {
        w.writeBytes(Seals.encode(s));
      }
    }
    w.endList();
    return w.endList().toBytes();
  }

  /** Decodes a header's extraData; throws {@link QbftDecodingException} if it is not QBFT extraData. */
  public static QbftExtraData decode(Bytes extraData) {
    try {
      RlpReader outer = RlpReader.of(extraData);
      RlpReader r = outer.readList();
      outer.ensureDone();
      Bytes vanity = r.readBytes(VANITY_SIZE);
      List<Address> validators = new ArrayList<>();
      RlpReader vr = r.readList();
      while (!vr.isDone()) {
        validators.add(Address.wrap(vr.readBytes(Address.SIZE)));
      }
      Optional<Vote> vote = readVote(r.readList());
      int round = r.readInt();
      List<Signature> seals = new ArrayList<>();
      RlpReader sr = r.readList();
      while (!sr.isDone()) {
        seals.add(Seals.decode(sr.readBytes()));
      }
      r.ensureDone();
      return new QbftExtraData(vanity, validators, vote, round, seals);
    } catch (RlpException | IllegalArgumentException e) {
      throw new QbftDecodingException("malformed QBFT extraData: " + e.getMessage(), e);
    }
  }

  /** Decodes the extraData of {@code header}. */
  public static QbftExtraData of(BlockHeader header) {
    return decode(header.extraData());
  }

  private static Optional<Vote> readVote(RlpReader r) {
    if (r.isDone()) {
      return Optional.empty();
    }
    Address recipient = Address.wrap(r.readBytes(Address.SIZE));
    int type = r.readInt();
    r.ensureDone();
    if (type != VOTE_ADD && type != VOTE_DROP) {
      throw new QbftDecodingException("vote type must be 0x00 or 0xff, got " + type);
    }
    return Optional.of(new Vote(recipient, type == VOTE_ADD));
  }
}
