package org.linden.consensus.qbft;

import org.linden.chain.block.BlockHeader;
import org.linden.chain.consensus.QbftRules;
import org.linden.chain.execution.BlockValidationException;

/**
 * The chain's seal check for QBFT headers: the extraData must name the validators of the
 * parent (votes applied) and carry a quorum of their commit seals.
 */
public final class QbftSealVerifier implements QbftRules.SealVerifier {
  private final ValidatorSetProvider validators;

  public QbftSealVerifier(ValidatorSetProvider validators) {
    this.validators = validators;
  }

  @Override
  public void verify(BlockHeader header, BlockHeader parent) throws BlockValidationException {
    ValidatorSet expected;
    QbftExtraData extra;
    try {
      expected = validators.validatorsAfter(parent);
      extra = QbftExtraData.of(header);
    } catch (QbftDecodingException | IllegalStateException e) {
      throw new BlockValidationException("extra data", "not QBFT extraData: " + e.getMessage());
    }
    if (!extra.validators().equals(expected.validators())) {
      throw new BlockValidationException("validators", "extraData names " + extra.validators()
          + ", the parent's validators are " + expected.validators());
    }
    HeaderVerifier.Result result = HeaderVerifier.check(header, expected);
    if (result != HeaderVerifier.Result.VALID) {
      throw new BlockValidationException("commit seals", result.name().toLowerCase().replace('_', ' '));
    }
  }
}
