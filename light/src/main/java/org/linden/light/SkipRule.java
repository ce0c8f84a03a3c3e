package org.linden.light;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linden.chain.block.BlockHeader;
import org.linden.consensus.qbft.HeaderVerifier;
import org.linden.consensus.qbft.QbftDecodingException;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.QbftHashing;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * Whether a trusted header vouches for a later one. A QBFT header lists the validators
 * that sealed it; the later header is accepted when its seals reach a quorum of that
 * list AND more than a third of the trusted header's validators are among its sealers —
 * at most a third being faulty, one of those is honest, and an honest validator only
 * seals a block whose validator list is right. When too few trusted validators sealed
 * it, a header in between must be verified first (bisection); for the very next block
 * that is impossible, so it is refused.
 */
public final class SkipRule {
  private SkipRule() {}

  /** The outcome of one check. */
  public sealed interface Verdict {}

  /** The candidate is verified. */
  public record Accepted() implements Verdict {}

  /** Too few trusted validators sealed the candidate; verify one in between first. */
  public record Bisect() implements Verdict {}

  /** The candidate is invalid; {@code reason} says why. */
  public record Rejected(String reason) implements Verdict {}

  /** The validator set that sealed {@code header}, as its extraData lists it. */
  public static ValidatorSet validatorsOf(BlockHeader header) {
    try {
      return new ValidatorSet(QbftExtraData.of(header).validators());
    } catch (QbftDecodingException | IllegalArgumentException e) {
      throw new VerificationException("block " + header.number() + " has no valid QBFT validator list: " + e.getMessage());
    }
  }

  /** Checks {@code candidate} (higher than {@code trusted}) against {@code trusted}. */
  public static Verdict check(BlockHeader trusted, BlockHeader candidate) {
    long n = candidate.number();
    if (n <= trusted.number()) {
      return new Rejected("block " + n + " is not above the trusted block " + trusted.number());
    }
    if (!BlockHeader.BFT_MIX_HASH.equals(candidate.mixHash())) {
      return new Rejected("block " + n + " is not a QBFT header (mix hash " + candidate.mixHash() + ")");
    }
    ValidatorSet own;
    try {
      own = validatorsOf(candidate);
    } catch (VerificationException e) {
      return new Rejected(e.getMessage());
    }
    HeaderVerifier.Result seals = HeaderVerifier.check(candidate, own);
    if (seals != HeaderVerifier.Result.VALID) {
      return new Rejected("block " + n + " commit seals do not verify against its validators: " + seals);
    }
    boolean adjacent = n == trusted.number() + 1;
    if (adjacent && !candidate.parentHash().equals(trusted.hash())) {
      return new Rejected("block " + n + " parent hash " + candidate.parentHash() + " is not block "
          + trusted.number() + "'s hash " + trusted.hash());
    }
    ValidatorSet trustedSet = validatorsOf(trusted);
    Set<Address> signers = signers(candidate);
    long trustedSigners = trustedSet.validators().stream().filter(signers::contains).count();
    if (trustedSigners * 3 > trustedSet.size()) {
      if (adjacent && changed(trustedSet, own) > 1) {
        return new Rejected("block " + n + " changes more than one validator from its parent");
      }
      return new Accepted();
    }
    if (adjacent) {
      return new Rejected("block " + n + " is sealed by " + trustedSigners + " of the " + trustedSet.size()
          + " trusted validators, not more than a third");
    }
    return new Bisect();
  }

  private static int changed(ValidatorSet a, ValidatorSet b) {
    Set<Address> diff = new HashSet<>(a.validators());
    diff.removeAll(b.validators());
    Set<Address> added = new HashSet<>(b.validators());
    added.removeAll(a.validators());
    return diff.size() + added.size();
  }

  /** The distinct sealers of a header whose seals {@link HeaderVerifier} already accepted. */
  static Set<Address> signers(BlockHeader header) {
    Hash sealHash = QbftHashing.commitSealHash(header);
    List<Signature> seals = QbftExtraData.of(header).commitSeals();
    Set<Address> out = new HashSet<>();
    for (Signature s : seals) {
      Optional<Address> a = Secp256k1.recover(sealHash, s).map(k -> k.address());
      a.ifPresent(out::add);
    }
    return out;
  }
}
