package org.linden.sync.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.types.Hash;

/** A range of blocks that all commit to empty bodies (an idle QBFT chain) needs no piece at all. */
class EmptyBlocksTest {
  @Test
  void emptyBlocksAreHandedOutWithoutAnyDownload() {
    List<BlockHeader> headers = new ArrayList<>();
    Hash parent = Hash.ZERO;
    for (long n = 1; n <= 20; n++) {
      BlockHeader h = BlockHeader.builder().parentHash(parent).number(n).gasLimit(30_000_000).timestamp(n)
          .transactionsRoot(BlockRoots.EMPTY_TRIE_ROOT).receiptsRoot(BlockRoots.EMPTY_TRIE_ROOT)
          .ommersHash(BlockRoots.EMPTY_OMMERS_HASH).build();
      headers.add(h);
      parent = h.hash();
    }
    List<DownloadedBlock> out = new ArrayList<>();
    List<String> reports = new ArrayList<>();
    BodyDownloader bodies = new BodyDownloader(headers, DownloadConfig.DEFAULT, () -> 0L,
        (peer, reason) -> reports.add(peer + ": " + reason), out::addAll);
    // No peer, no answer: one tick hands everything out.
    bodies.tick();
    assertThat(bodies.isDone()).isTrue();
    assertThat(out).extracting(b -> b.block().number()).containsExactlyElementsOf(
        headers.stream().map(BlockHeader::number).toList());
    assertThat(reports).isEmpty();
  }
}
