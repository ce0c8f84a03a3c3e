package org.linden.consensus.qbft;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * Checks that a header was committed by QBFT, from the header and the validator set
 * alone: no messages, no local state.
 */
public final class HeaderVerifier {
  private HeaderVerifier() {}

  /** Why a header's seals were refused, or {@link #VALID}. */
  public enum Result {
    VALID,
    MALFORMED_EXTRA_DATA,
    BAD_SIGNATURE,
    SEAL_FROM_NON_VALIDATOR,
    DUPLICATE_SEAL,
    TOO_FEW_SEALS
  }

  /**
   * True if the header carries commit seals from at least a quorum (ceil(2n/3)) of
   * distinct members of {@code validators}, each over {@link QbftHashing#commitSealHash}.
   */
  public static boolean verifySeals(BlockHeader header, ValidatorSet validators) {
    return check(header, validators) == Result.VALID;
  }

  /**
   * Like {@link #verifySeals} but says why. Any bad seal rejects the header, even if the
   * good ones would reach a quorum: a well-behaved proposer never writes one, so a bad
   * seal means the header was tampered with.
   */
  public static Result check(BlockHeader header, ValidatorSet validators) {
    QbftExtraData extra;
    Hash sealHash;
    try {
      extra = QbftExtraData.of(header);
      sealHash = QbftHashing.commitSealHash(header);
    } catch (QbftDecodingException e) {
      return Result.MALFORMED_EXTRA_DATA;
    }
    Set<Address> signers = new HashSet<>();
    for (Signature seal : extra.commitSeals()) {
      Optional<Address> signer = Seals.recover(sealHash, seal);
      if (signer.isEmpty()) {
        return Result.BAD_SIGNATURE;
      }
      if (!validators.contains(signer.get())) {
        return Result.SEAL_FROM_NON_VALIDATOR;
      }
      if (!signers.add(signer.get())) {
        return Result.DUPLICATE_SEAL;
      }
    }
    return signers.size() >= validators.quorum() ? Result.VALID : Result.TOO_FEW_SEALS;
  }
}
