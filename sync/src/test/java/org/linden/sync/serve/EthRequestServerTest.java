package org.linden.sync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.sync.Fixtures;
import org.linden.sync.ListChain;
import org.linden.sync.eth.BlockBodies;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.GetBlockBodies;
import org.linden.sync.eth.GetBlockHeaders;
import org.linden.sync.eth.GetPooledTransactions;
import org.linden.sync.eth.GetReceipts;
import org.linden.sync.eth.PooledTransactions;
import org.linden.sync.eth.Receipts;
import org.linden.sync.eth.Status;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class EthRequestServerTest {
  private static ListChain chain;
  private static final Hash UNKNOWN = Hash.fromHex("0x" + "ee".repeat(32));
  private static final ServeLimits SMALL = new ServeLimits(50, 5, 5, 3, 2 * 1024 * 1024);

  @BeforeAll
  static void load() {
    chain = new ListChain(Fixtures.ethTestChainWithGenesis());
    for (Block b : chain.blocks()) {
      chain.withReceipts(b.hash(), b.transactions().stream()
          .map(t -> Receipt.of(t.type(), true, 21_000, List.of())).toList());
    }
  }

  private static EthRequestServer server(ServeLimits limits) {
    Map<Hash, Bytes> pool = Map.of(Hash.fromHex("0x" + "01".repeat(32)), Bytes.fromHex("c0"),
        Hash.fromHex("0x" + "02".repeat(32)), Bytes.fromHex("02c0"));
    return new EthRequestServer(chain, h -> Optional.ofNullable(pool.get(h)), limits);
  }

  private static List<Long> numbers(BlockHeaders h) {
    return h.headers().stream().map(BlockHeader::number).toList();
  }

  @Test
  void headersAscendingDescendingAndSkipping() {
    EthRequestServer s = server(ServeLimits.DEFAULT);
    assertThat(numbers(s.headers(GetBlockHeaders.byNumber(1, 0, 5, 0, false)))).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(numbers(s.headers(GetBlockHeaders.byNumber(1, 10, 4, 2, false)))).containsExactly(10L, 13L, 16L, 19L);
    assertThat(numbers(s.headers(GetBlockHeaders.byNumber(1, 10, 100, 3, true)))).containsExactly(10L, 6L, 2L);
    long head = chain.head().number();
    assertThat(numbers(s.headers(GetBlockHeaders.byHash(7, chain.head().hash(), 3, 0, false)))).containsExactly(head);
    assertThat(numbers(s.headers(GetBlockHeaders.byHash(7, chain.head().hash(), 3, 0, true))))
        .containsExactly(head, head - 1, head - 2);
    BlockHeaders byHash = s.headers(GetBlockHeaders.byHash(9, chain.blocks().get(3).hash(), 2, 0, false));
    assertThat(byHash.requestId()).isEqualTo(9);
    assertThat(byHash.headers()).containsExactly(chain.blocks().get(3).header(), chain.blocks().get(4).header());
  }

  @Test
  void headersNeverRunOffTheEndsOrOverflow() {
    EthRequestServer s = server(ServeLimits.DEFAULT);
    assertThat(numbers(s.headers(GetBlockHeaders.byNumber(1, 1, 10, -1L, false)))).containsExactly(1L);
    assertThat(numbers(s.headers(GetBlockHeaders.byNumber(1, 1, 10, -1L, true)))).containsExactly(1L);
    assertThat(numbers(s.headers(GetBlockHeaders.byNumber(1, 5, 10, Long.MAX_VALUE, false)))).containsExactly(5L);
    assertThat(s.headers(GetBlockHeaders.byNumber(1, -1L, 10, 0, false)).headers()).isEmpty();
    assertThat(s.headers(GetBlockHeaders.byHash(1, UNKNOWN, 10, 0, false)).headers()).isEmpty();
    assertThat(s.headers(GetBlockHeaders.byNumber(1, 0, 0, 0, false)).headers()).isEmpty();
  }

  @Test
  void headerCountAndSizeAreCapped() {
    assertThat(server(ServeLimits.DEFAULT).headers(GetBlockHeaders.byNumber(1, 0, -1L, 0, false)).headers())
        .hasSize(1024 < chain.blocks().size() ? 1024 : chain.blocks().size());
    assertThat(server(SMALL).headers(GetBlockHeaders.byNumber(1, 0, 1000, 0, false)).headers()).hasSize(50);
    int one = chain.blocks().get(1).header().encode().size();
    ServeLimits tiny = new ServeLimits(1024, 1024, 1024, 1024, 3 * one);
    // The budget is reached with the third header; a fourth is not added.
    assertThat(server(tiny).headers(GetBlockHeaders.byNumber(1, 1, 1000, 0, false)).headers()).hasSize(3);
  }

  @Test
  void nonCanonicalOriginYieldsOnlyItself() {
    Block sibling = new Block(chain.blocks().get(5).header().toBuilder().extraData(Bytes.fromHex("01")).build(),
        chain.blocks().get(5).body());
    chain.withSideBlock(sibling);
    assertThat(server(ServeLimits.DEFAULT).headers(GetBlockHeaders.byHash(1, sibling.hash(), 10, 0, false)).headers())
        .containsExactly(sibling.header());
  }

  @Test
  void bodiesInOrderSkippingUnknownAndCapped() {
    List<Block> b = chain.blocks();
    BlockBodies r = server(ServeLimits.DEFAULT).bodies(new GetBlockBodies(3,
        List.of(b.get(10).hash(), UNKNOWN, b.get(2).hash())));
    assertThat(r.requestId()).isEqualTo(3);
    assertThat(r.bodies()).containsExactly(b.get(10).body(), b.get(2).body());
    List<Hash> many = b.stream().limit(20).map(Block::hash).toList();
    assertThat(server(SMALL).bodies(new GetBlockBodies(1, many)).bodies()).hasSize(5);
  }

  @Test
  void receiptsInTheSessionsEncoding() {
    List<Block> b = chain.blocks();
    GetReceipts req = new GetReceipts(4, List.of(b.get(1).hash(), UNKNOWN, b.get(2).hash()));
    Receipts r68 = server(ServeLimits.DEFAULT).receipts(req, EthVersion.ETH68);
    Receipts r69 = server(ServeLimits.DEFAULT).receipts(req, EthVersion.ETH69);
    assertThat(r68.form()).isEqualTo(EthVersion.ETH68);
    assertThat(r69.form()).isEqualTo(EthVersion.ETH69);
    assertThat(r68.receipts()).hasSize(2).isEqualTo(r69.receipts());
    assertThat(r68.receipts().get(0)).hasSize(b.get(1).transactions().size());
    assertThat(server(SMALL).receipts(new GetReceipts(1, b.stream().limit(20).map(Block::hash).toList()),
        EthVersion.ETH69).receipts()).hasSize(5);
  }

  @Test
  void pooledTransactionsFromThePool() {
    PooledTransactions r = server(SMALL).pooledTransactions(new GetPooledTransactions(8, List.of(
        Hash.fromHex("0x" + "02".repeat(32)), UNKNOWN, Hash.fromHex("0x" + "01".repeat(32)))));
    assertThat(r.transactions()).containsExactly(Bytes.fromHex("02c0"), Bytes.fromHex("c0"));
  }

  @Test
  void answerDispatchesRequestsOnly() {
    EthRequestServer s = server(ServeLimits.DEFAULT);
    assertThat(s.answer(GetBlockHeaders.byNumber(1, 0, 1, 0, false), EthVersion.ETH69)).get()
        .isInstanceOf(BlockHeaders.class);
    assertThat(s.answer(new Status.Eth69(69, 1, UNKNOWN, new org.linden.chain.config.ForkId(0, 0), 0, 0, UNKNOWN),
        EthVersion.ETH69)).isEmpty();
  }
}
