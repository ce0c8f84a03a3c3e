package org.linden.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Bytes;

class QbftHeaderVerifierTest {
  private final List<PrivateKey> keys = TestKeys.keys(4);
  private final ValidatorSet validators = TestKeys.validatorsOf(keys);

  private BlockHeader unsealed(int round) {
    return BlockHeader.builder()
        .number(5)
        .gasLimit(30_000_000)
        .timestamp(1000)
        .extraData(QbftExtraData.forProposal(validators, round).encode())
        .build();
  }

  private BlockHeader sealedBy(BlockHeader header, List<PrivateKey> signers) {
    List<Signature> seals = new ArrayList<>();
    for (PrivateKey k : signers) {
      seals.add(Secp256k1.sign(QbftHashing.commitSealHash(header), k));
    }
    return header.toBuilder().extraData(QbftExtraData.of(header).withCommitSeals(seals).encode()).build();
  }

  @Test
  void blockHashIgnoresRoundAndSealsButSealHashKeepsRound() {
    BlockHeader r0 = unsealed(0);
    BlockHeader r3 = unsealed(3);
    assertEquals(QbftHashing.blockHash(r0), QbftHashing.blockHash(r3));
    assertNotEquals(QbftHashing.commitSealHash(r0), QbftHashing.commitSealHash(r3));
    BlockHeader sealed = sealedBy(r3, keys.subList(0, 3));
    assertEquals(QbftHashing.blockHash(r3), QbftHashing.blockHash(sealed));
    assertEquals(QbftHashing.commitSealHash(r3), QbftHashing.commitSealHash(sealed));
  }

  @Test
  void aBftHeadersOwnHashIsTheQbftBlockHash() {
    BlockHeader r2 = unsealed(2).toBuilder().mixHash(BlockHeader.BFT_MIX_HASH).build();
    BlockHeader sealed = sealedBy(r2, keys.subList(0, 3));
    // The chain names blocks by header.hash(); for a BFT header it must be QBFT's on-chain hash.
    assertEquals(QbftHashing.blockHash(r2), r2.hash());
    assertEquals(QbftHashing.blockHash(sealed), sealed.hash());
    assertEquals(r2.hash(), sealed.hash());
    assertEquals(r2.hash(), unsealed(0).toBuilder().mixHash(BlockHeader.BFT_MIX_HASH).build().hash());
    // Without the BFT mix hash a header is an ordinary one: its hash covers every byte.
    assertNotEquals(unsealed(0).hash(), unsealed(2).hash());
    // Malformed extraData under the BFT mix hash falls back to the plain hash.
    BlockHeader odd = r2.toBuilder().extraData(Bytes.of((byte) 1, (byte) 2)).build();
    assertEquals(org.linden.crypto.Keccak.hash256(odd.encode()), odd.hash());
  }

  @Test
  void committersAreRecoveredFromTheSeals() {
    BlockHeader sealed = sealedBy(unsealed(1), List.of(keys.get(2), keys.get(0), keys.get(3)));
    assertEquals(List.of(keys.get(2).address(), keys.get(0).address(), keys.get(3).address()), Committers.of(sealed));
    assertEquals(List.of(), Committers.of(unsealed(1)));
  }

  @Test
  void quorumOfSealsVerifies() {
    assertEquals(3, validators.quorum());
    assertTrue(HeaderVerifier.verifySeals(sealedBy(unsealed(1), keys.subList(0, 3)), validators));
    assertTrue(HeaderVerifier.verifySeals(sealedBy(unsealed(1), keys), validators));
  }

  @Test
  void refusesTooFewDuplicateForeignOrMovedSeals() {
    assertEquals(HeaderVerifier.Result.TOO_FEW_SEALS,
        HeaderVerifier.check(sealedBy(unsealed(0), keys.subList(0, 2)), validators));
    assertEquals(HeaderVerifier.Result.DUPLICATE_SEAL,
        HeaderVerifier.check(sealedBy(unsealed(0), List.of(keys.get(0), keys.get(1), keys.get(0))), validators));
    PrivateKey outsider = TestKeys.keys(1, "outsider").get(0);
    assertEquals(HeaderVerifier.Result.SEAL_FROM_NON_VALIDATOR,
        HeaderVerifier.check(sealedBy(unsealed(0), List.of(keys.get(0), keys.get(1), outsider)), validators));
    // Seals made for round 0 do not verify once the header claims round 2.
    BlockHeader sealed = sealedBy(unsealed(0), keys.subList(0, 3));
    BlockHeader moved = sealed.toBuilder().extraData(QbftExtraData.of(sealed).withRound(2).encode()).build();
    assertFalse(HeaderVerifier.verifySeals(moved, validators));
    // Changing any other header field invalidates the seals too.
    assertFalse(HeaderVerifier.verifySeals(sealed.toBuilder().timestamp(1001).build(), validators));
    assertEquals(HeaderVerifier.Result.MALFORMED_EXTRA_DATA,
        HeaderVerifier.check(sealed.toBuilder().extraData(Bytes.of((byte) 1)).build(), validators));
  }

  @Test
  void proposerRotatesWithHeightAndRound() {
    assertEquals(validators.validators().get(1), validators.proposer(1, 0));
    assertEquals(validators.validators().get(2), validators.proposer(1, 1));
    assertEquals(validators.validators().get(0), validators.proposer(3, 1));
    assertEquals(2, validators.roundChangeTrigger());
    assertEquals(1, new ValidatorSet(validators.validators().subList(0, 1)).quorum());
  }
}
