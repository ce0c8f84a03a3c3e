package org.linden.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.junit.jupiter.api.Test;

class ValidatorSetProviderTest {
  private final List<PrivateKey> keys = TestKeys.keys(4);
  private final ValidatorSet genesisSet = TestKeys.validatorsOf(keys);
  private final Address newcomer = TestKeys.keys(1, "newcomer").get(0).address();
  private final Map<Hash, BlockHeader> store = new HashMap<>();

  private BlockHeader header(BlockHeader parent, long number, ValidatorSet set, Vote vote) {
    QbftExtraData extra = new QbftExtraData(Bytes.wrap(new byte[32]), set.validators(), Optional.ofNullable(vote), 0,
        List.of());
    BlockHeader h = BlockHeader.builder().parentHash(parent == null ? Hash.ZERO : parent.hash()).number(number)
        .mixHash(BlockHeader.BFT_MIX_HASH).extraData(extra.encode()).build();
    store.put(h.hash(), h);
    return h;
  }

  @Test
  void aMajorityOfVotesAddsAValidator() {
    ValidatorSetProvider provider = new ValidatorSetProvider(h -> Optional.ofNullable(store.get(h)), 1000);
    BlockHeader head = header(null, 0, genesisSet, null);
    // Blocks 1..3 are proposed by three different validators (proposer rotates by height).
    for (long n = 1; n <= 3; n++) {
      assertThat(provider.validatorsAfter(head).contains(newcomer)).isFalse();
      head = header(head, n, genesisSet, new Vote(newcomer, true));
    }
    assertThat(provider.validatorsAfter(head).validators()).contains(newcomer).hasSize(5);
  }

  @Test
  void repeatedVotesOfOneValidatorCountOnce() {
    ValidatorSetProvider provider = new ValidatorSetProvider(h -> Optional.ofNullable(store.get(h)), 1000);
    BlockHeader head = header(null, 0, genesisSet, null);
    for (long n = 4; n <= 40; n += 4) {
      // Heights that are multiples of 4 all have the same proposer in a set of four.
      head = header(head, n - 3, genesisSet, null);
      head = header(head, n - 2, genesisSet, null);
      head = header(head, n - 1, genesisSet, null);
      head = header(head, n, genesisSet, new Vote(newcomer, true));
    }
    assertThat(provider.validatorsAfter(head)).isEqualTo(genesisSet);
  }

  @Test
  void epochBoundaryForgetsPendingVotes() {
    ValidatorSetProvider provider = new ValidatorSetProvider(h -> Optional.ofNullable(store.get(h)), 2);
    BlockHeader head = header(null, 0, genesisSet, null);
    head = header(head, 1, genesisSet, new Vote(newcomer, true));
    head = header(head, 2, genesisSet, new Vote(newcomer, true)); // epoch boundary: both forgotten
    head = header(head, 3, genesisSet, new Vote(newcomer, true));
    assertThat(provider.tallyAfter(head).validators()).isEqualTo(genesisSet);
    assertThat(provider.tallyAfter(head).votesByVoter()).hasSize(1);
  }

  @Test
  void aMajorityRemovesAValidatorAndItsVotes() {
    VoteTally tally = VoteTally.initial(genesisSet);
    Address target = keys.get(3).address();
    tally = tally.apply(keys.get(0).address(), new Vote(target, false), false);
    tally = tally.apply(keys.get(1).address(), new Vote(target, false), false);
    assertThat(tally.validators().contains(target)).isTrue();
    tally = tally.apply(keys.get(2).address(), new Vote(target, false), false);
    assertThat(tally.validators().validators()).doesNotContain(target).hasSize(3);
    assertThat(tally.votesByVoter()).isEmpty();
  }

  @Test
  void proposalsOfferOnlyVotesThatChangeTheSet() {
    VoteProposals proposals = new VoteProposals();
    proposals.propose(keys.get(0).address(), true);
    assertThat(proposals.next(genesisSet)).isEmpty();
    proposals.propose(newcomer, true);
    assertThat(proposals.next(genesisSet)).contains(new Vote(newcomer, true));
    proposals.discard(newcomer);
    assertThat(proposals.next(genesisSet)).isEmpty();
  }
}
