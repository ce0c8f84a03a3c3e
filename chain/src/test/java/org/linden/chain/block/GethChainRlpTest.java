package org.linden.chain.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.rlp.RlpReader;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * go-ethereum's 600-block protocol-test chain ({@code chains/geth-ethtest/chain.rlp}): every
 * block decodes, re-encodes to the same bytes, links to its parent by hash, and commits to
 * its body by the roots in its header. The chain crosses Shanghai, Cancun and Prague.
 */
class GethChainRlpTest {
  static final String CHAIN = "chains/geth-ethtest/chain.rlp";
  static Bytes file;
  static List<Block> blocks;

  @BeforeAll
  static void load() throws Exception {
    file = FixtureFiles.bytes(CHAIN);
    blocks = Block.decodeAll(file);
  }

  @Test
  void decodesEveryBlock() {
    assertThat(blocks).hasSize(600);
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(blocks.get(i).number()).isEqualTo(i + 1);
    }
  }

  @Test
  void reEncodesByteIdentically() throws Exception {
    RlpReader reader = RlpReader.of(file);
    for (Block block : blocks) {
      Bytes original = reader.readRaw();
      assertThat(block.encode()).as("block %d", block.number()).isEqualTo(original);
    }
    assertThat(reader.isDone()).isTrue();
  }

  @Test
  void eachBlockIsTheParentOfTheNext() {
    for (int i = 0; i + 1 < blocks.size(); i++) {
      assertThat(blocks.get(i + 1).header().parentHash()).as("parent of block %d", i + 2)
          .isEqualTo(blocks.get(i).hash());
    }
  }

  @Test
  void headIsTheHeadBlockOfTheFixture() {
    String expected = FixtureFiles.json(FixtureFiles.require("chains/geth-ethtest/headblock.json")).get("hash")
        .asText();
    assertThat(blocks.get(blocks.size() - 1).hash()).isEqualTo(Hash.fromHex(expected));
  }

  @Test
  void headersCommitToTheirBodies() {
    int withTransactions = 0;
    int withWithdrawals = 0;
    for (Block b : blocks) {
      BlockHeader h = b.header();
      assertThat(BlockRoots.transactionsRoot(b.transactions())).as("transactions root of %d", b.number())
          .isEqualTo(h.transactionsRoot());
      assertThat(BlockRoots.ommersHash(b.body().ommers())).isEqualTo(h.ommersHash());
      assertThat(b.body().hasWithdrawals()).isEqualTo(h.withdrawalsRoot() != null);
      if (b.body().hasWithdrawals()) {
        assertThat(BlockRoots.withdrawalsRoot(b.body().withdrawals())).as("withdrawals root of %d", b.number())
            .isEqualTo(h.withdrawalsRoot());
        withWithdrawals += b.body().withdrawals().isEmpty() ? 0 : 1;
      }
      withTransactions += b.transactions().isEmpty() ? 0 : 1;
    }
    assertThat(withTransactions).isGreaterThan(100);
    assertThat(withWithdrawals).isGreaterThan(0);
  }

  @Test
  void headerShapesFollowTheForkSchedule() {
    // genesis.json: shanghaiTime 0, cancunTime 60, pragueTime 120.
    for (Block b : blocks) {
      long t = b.header().timestamp();
      int expected = t >= 120 ? 21 : t >= 60 ? 20 : 17;
      assertThat(b.header().fieldCount()).as("block %d at %d", b.number(), t).isEqualTo(expected);
    }
    assertThat(blocks.stream().map(b -> b.header().fieldCount()).distinct()).containsExactlyInAnyOrder(17, 20, 21);
  }
}
