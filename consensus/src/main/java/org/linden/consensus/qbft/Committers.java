package org.linden.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.BlockHeader;
import org.linden.types.Address;
import org.linden.types.Hash;

/** The validators whose commit seals a QBFT header carries, recovered from the seals. */
public final class Committers {
  private Committers() {}

  /**
   * The signers of {@code header}'s commit seals, in seal order; a seal that recovers no key
   * is left out (verification rejects such a header anyway).
   *
   * @throws QbftDecodingException if the extraData is not QBFT's
   */
  public static List<Address> of(BlockHeader header) {
    QbftExtraData extra = QbftExtraData.of(header);
    Hash sealHash = QbftHashing.commitSealHash(header);
    List<Address> out = new ArrayList<>();
    extra.commitSeals().forEach(seal -> Seals.recover(sealHash, seal).ifPresent(out::add));
    return out;
  }
}
