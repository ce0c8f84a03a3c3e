package org.linden.chain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.zip.CRC32;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.chain.block.Block;
import org.linden.chain.block.FixtureFiles;
import org.linden.chain.config.ForkIdValidation.Outcome;
import org.linden.rlp.RlpException;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/** EIP-2124 fork identifiers: the EIP's mainnet vectors, its validation cases and its encodings. */
class ForkIdTest {
  private static final Hash MAINNET_GENESIS =
      Hash.fromHex("0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3");

  /** Mainnet's schedule up to Petersburg, the fork cap the EIP's vectors were written for. */
  static ChainConfig mainnetThroughPetersburg() throws InvalidConfigException {
    return ChainConfig.builder(1)
        .activate(Milestone.HOMESTEAD, 1_150_000)
        .activate(Milestone.DAO_FORK, 1_920_000)
        .daoForkSupport(true)
        .activate(Milestone.TANGERINE_WHISTLE, 2_463_000)
        .activate(Milestone.EIP155, 2_675_000)
        .activate(Milestone.SPURIOUS_DRAGON, 2_675_000)
        .activate(Milestone.BYZANTIUM, 4_370_000)
        .activate(Milestone.CONSTANTINOPLE, 7_280_000)
        .activate(Milestone.PETERSBURG, 7_280_000)
        .build();
  }

  static ForkIdSchedule mainnetSchedule() throws InvalidConfigException {
    return ForkIdSchedule.of(mainnetThroughPetersburg(), MAINNET_GENESIS, 0);
  }

  static Stream<Arguments> mainnetVectors() {
    return Stream.of(
        Arguments.of(0L, 0xfc64ec04, 1_150_000L), // unsynced
        Arguments.of(1_149_999L, 0xfc64ec04, 1_150_000L), // last Frontier block
        Arguments.of(1_150_000L, 0x97c2c34c, 1_920_000L), // first Homestead block
        Arguments.of(1_919_999L, 0x97c2c34c, 1_920_000L),
        Arguments.of(1_920_000L, 0x91d1f948, 2_463_000L), // first DAO block
        Arguments.of(2_462_999L, 0x91d1f948, 2_463_000L),
        Arguments.of(2_463_000L, 0x7a64da13, 2_675_000L), // first Tangerine Whistle block
        Arguments.of(2_674_999L, 0x7a64da13, 2_675_000L),
        Arguments.of(2_675_000L, 0x3edd5b10, 4_370_000L), // first Spurious Dragon block
        Arguments.of(4_369_999L, 0x3edd5b10, 4_370_000L),
        Arguments.of(4_370_000L, 0xa00bc324, 7_280_000L), // first Byzantium block
        Arguments.of(7_279_999L, 0xa00bc324, 7_280_000L),
        Arguments.of(7_280_000L, 0x668db0af, 0L), // Constantinople and Petersburg at once
        Arguments.of(7_987_396L, 0x668db0af, 0L));
  }

  @ParameterizedTest(name = "head {0}")
  @MethodSource("mainnetVectors")
  void mainnetForkIdAtHead(long head, int hash, long next) throws Exception {
    assertThat(mainnetSchedule().forkIdAt(head, 0)).isEqualTo(new ForkId(hash, next));
  }

  @Test
  void sameBlockForksAreCountedOnceAndGenesisForksNotAtAll() throws Exception {
    assertThat(mainnetSchedule().blockForks())
        .containsExactly(1_150_000L, 1_920_000L, 2_463_000L, 2_675_000L, 4_370_000L, 7_280_000L);
    assertThat(mainnetSchedule().timeForks()).isEmpty();
  }

  static Stream<Arguments> mainnetValidation() {
    long max = -1L; // 2^64-1
    return Stream.of(
        // Same fork state, nothing announced.
        Arguments.of(7_987_396L, 0x668db0af, 0L, Outcome.ACCEPTED),
        // Same fork state; the remote announces an uncertain future fork.
        Arguments.of(7_987_396L, 0x668db0af, max, Outcome.ACCEPTED),
        // Local in Byzantium and aware of Petersburg; remote in Byzantium and not aware of it.
        Arguments.of(7_279_999L, 0xa00bc324, 0L, Outcome.ACCEPTED),
        // Both in Byzantium and both aware of Petersburg.
        Arguments.of(7_279_999L, 0xa00bc324, 7_280_000L, Outcome.ACCEPTED),
        // Both in Byzantium, remote aware of some other fork: neither has passed it.
        Arguments.of(7_279_999L, 0xa00bc324, max, Outcome.ACCEPTED),
        // Local Petersburg, remote Byzantium aware of Petersburg: remote syncing.
        Arguments.of(7_987_396L, 0xa00bc324, 7_280_000L, Outcome.ACCEPTED),
        // Local Petersburg, remote Spurious Dragon aware of Byzantium: remote syncing.
        Arguments.of(7_987_396L, 0x3edd5b10, 4_370_000L, Outcome.ACCEPTED),
        // Local Byzantium, remote Petersburg: local syncing.
        Arguments.of(7_279_999L, 0x668db0af, 0L, Outcome.ACCEPTED),
        // Local Spurious Dragon, remote Byzantium not aware of Petersburg: local syncing.
        Arguments.of(4_369_999L, 0xa00bc324, 0L, Outcome.ACCEPTED),
        // Local Petersburg, remote Byzantium not aware of further forks: remote stale.
        Arguments.of(7_987_396L, 0xa00bc324, 0L, Outcome.REMOTE_STALE),
        // Local Petersburg and aware of nothing more; remote passed a fork after Petersburg.
        Arguments.of(7_987_396L, 0x5cddc0e1, 0L, Outcome.LOCAL_INCOMPATIBLE_OR_STALE),
        // Local Byzantium aware of Petersburg; remote passed a fork after Petersburg.
        Arguments.of(7_279_999L, 0x5cddc0e1, 0L, Outcome.LOCAL_INCOMPATIBLE_OR_STALE),
        // Local mainnet Petersburg, remote Rinkeby Petersburg.
        Arguments.of(7_987_396L, 0xafec6b27, 0L, Outcome.LOCAL_INCOMPATIBLE_OR_STALE),
        // Same fork state, but the remote's next fork is a block our head has passed without a fork.
        Arguments.of(88_888_888L, 0x668db0af, 88_888_888L, Outcome.LOCAL_INCOMPATIBLE_OR_STALE));
  }

  @ParameterizedTest(name = "head {0}, remote {1}/{2} -> {3}")
  @MethodSource("mainnetValidation")
  void mainnetValidationRules(long head, int hash, long next, Outcome expected) throws Exception {
    ForkIdValidation v = new ForkIdValidator(mainnetSchedule()).validate(new ForkId(hash, next), head, 0);
    assertThat(v.outcome()).as(v.reason()).isEqualTo(expected);
    assertThat(v.reason()).isNotBlank();
  }

  @Test
  void encodingVectors() {
    assertThat(new ForkId(0, 0).encode()).isEqualTo(Bytes.fromHex("c6840000000080"));
    assertThat(new ForkId(0xdeadbeef, 0xBADDCAFEL).encode()).isEqualTo(Bytes.fromHex("ca84deadbeef84baddcafe"));
    assertThat(new ForkId(0xffffffff, -1L).encode()).isEqualTo(Bytes.fromHex("ce84ffffffff88ffffffffffffffff"));
    assertThat(ForkId.decode(Bytes.fromHex("ca84deadbeef84baddcafe"))).isEqualTo(new ForkId(0xdeadbeef, 0xBADDCAFEL));
  }

  @Test
  void decodingIsStrict() {
    // 3-byte hash, leading zero in next, extra item, trailing bytes.
    for (String hex : List.of("c583000000080", "c784000000000000", "c78400000000808080", "c684000000008000", "80")) {
      assertThatThrownBy(() -> ForkId.decode(Bytes.fromHex(hex.length() % 2 == 0 ? hex : hex + "0")))
          .as(hex).isInstanceOf(RlpException.class);
    }
  }

  /** Mainnet with its timestamped forks, to exercise the block-to-time transition. */
  static ForkIdSchedule mainnetThroughPrague() throws InvalidConfigException {
    ChainConfig.Builder b = ChainConfig.builder(1)
        .activate(Milestone.HOMESTEAD, 1_150_000)
        .activate(Milestone.DAO_FORK, 1_920_000)
        .activate(Milestone.TANGERINE_WHISTLE, 2_463_000)
        .activate(Milestone.EIP155, 2_675_000)
        .activate(Milestone.SPURIOUS_DRAGON, 2_675_000)
        .activate(Milestone.BYZANTIUM, 4_370_000)
        .activate(Milestone.CONSTANTINOPLE, 7_280_000)
        .activate(Milestone.PETERSBURG, 7_280_000)
        .activate(Milestone.ISTANBUL, 9_069_000)
        .activate(Milestone.MUIR_GLACIER, 9_200_000)
        .activate(Milestone.BERLIN, 12_244_000)
        .activate(Milestone.LONDON, 12_965_000)
        .activate(Milestone.ARROW_GLACIER, 13_773_000)
        .activate(Milestone.GRAY_GLACIER, 15_050_000)
        .activate(Milestone.SHANGHAI, 1_681_338_455L)
        .activate(Milestone.CANCUN, 1_710_338_135L)
        .activate(Milestone.PRAGUE, 1_746_612_311L);
    return ForkIdSchedule.of(b.build(), MAINNET_GENESIS, 0);
  }

  @Test
  void mainnetTimestampedForks() throws Exception {
    ForkIdSchedule s = mainnetThroughPrague();
    assertThat(s.forkIdAt(7_987_396L, 0)).isEqualTo(new ForkId(0x668db0af, 9_069_000L));
    assertThat(s.forkIdAt(15_050_000L, 0)).isEqualTo(new ForkId(0xf0afd0e3, 1_681_338_455L));
    assertThat(s.forkIdAt(20_000_000L, 1_681_338_454L)).isEqualTo(new ForkId(0xf0afd0e3, 1_681_338_455L));
    assertThat(s.forkIdAt(20_000_000L, 1_681_338_455L)).isEqualTo(new ForkId(0xdce96c2d, 1_710_338_135L));
    assertThat(s.forkIdAt(20_000_000L, 1_710_338_135L)).isEqualTo(new ForkId(0x9f3d2254, 1_746_612_311L));
    assertThat(s.forkIdAt(22_000_000L, 1_746_612_311L)).isEqualTo(new ForkId(0xc376cf8b, 0L));

    ForkIdValidator v = new ForkIdValidator(s);
    // Local in Gray Glacier (block forks done); remote in the same state, aware of Shanghai.
    assertThat(v.validate(new ForkId(0xf0afd0e3, 1_681_338_455L), 16_000_000L, 1_681_338_454L).isAccepted()).isTrue();
    // Local in Shanghai, remote in Gray Glacier announcing another timestamp: remote stale.
    assertThat(v.validate(new ForkId(0xf0afd0e3, 1_681_338_456L), 16_000_000L, 1_681_338_500L).outcome())
        .isEqualTo(Outcome.REMOTE_STALE);
    // A node that knows only block forks, in the remote's fork state, whose head time is past
    // the remote's announced timestamp fork: that fork passed here without happening (rule 1a).
    assertThat(new ForkIdValidator(mainnetSchedule())
        .validate(new ForkId(0x668db0af, 1_681_338_455L), 17_000_000L, 1_681_338_500L).outcome())
        .isEqualTo(Outcome.LOCAL_INCOMPATIBLE_OR_STALE);
    // Local in Cancun, remote in Shanghai announcing Cancun: remote syncing.
    assertThat(v.validate(new ForkId(0xdce96c2d, 1_710_338_135L), 20_000_000L, 1_710_338_200L).isAccepted()).isTrue();
    // Local in Shanghai, remote already in Prague: local syncing.
    assertThat(v.validate(new ForkId(0xc376cf8b, 0L), 19_000_000L, 1_690_000_000L).isAccepted()).isTrue();
  }

  @Test
  void gethProtocolTestChain() throws Exception {
    Genesis genesis = Genesis.fromFile(FixtureFiles.require("chains/geth-ethtest/genesis.json"));
    Hash genesisHash = genesis.hash();
    // The chain file starts at block 1, whose parent is the genesis block.
    Block first = Block.decodeAll(FixtureFiles.bytes("chains/geth-ethtest/chain.rlp")).get(0);
    assertThat(first.number()).isEqualTo(1);
    assertThat(first.header().parentHash()).isEqualTo(genesisHash);

    ForkIdSchedule s = ForkIdSchedule.of(genesis.config(), genesisHash, genesis.timestamp());
    // Every block fork is at 0 and Shanghai at the genesis time: only Cancun (60) and Prague (120) are forks.
    assertThat(s.blockForks()).isEmpty();
    assertThat(s.timeForks()).containsExactly(60L, 120L);

    int h0 = crc(genesisHash.bytes().toArray());
    int h1 = crc(genesisHash.bytes().toArray(), 60);
    int h2 = crc(genesisHash.bytes().toArray(), 60, 120);
    assertThat(s.forkIdAt(0, 0)).isEqualTo(new ForkId(h0, 60));
    assertThat(s.forkIdAt(first.number(), first.header().timestamp()))
        .isEqualTo(first.header().timestamp() < 60 ? new ForkId(h0, 60) : s.forkIdAt(1, first.header().timestamp()));
    assertThat(s.forkIdAt(5, 60)).isEqualTo(new ForkId(h1, 120));
    assertThat(s.forkIdAt(12, 120)).isEqualTo(new ForkId(h2, 0));

    ForkIdValidator v = new ForkIdValidator(s);
    assertThat(v.validate(new ForkId(h2, 0), 600, 6000).isAccepted()).isTrue();
    assertThat(v.validate(new ForkId(h1, 120), 600, 6000).isAccepted()).isTrue();
    assertThat(v.validate(new ForkId(h1, 0), 600, 6000).outcome()).isEqualTo(Outcome.REMOTE_STALE);
    assertThat(v.validate(new ForkId(0x668db0af, 0), 600, 6000).outcome())
        .isEqualTo(Outcome.LOCAL_INCOMPATIBLE_OR_STALE);
  }

  private static int crc(byte[] genesis, long... forks) {
    CRC32 crc = new CRC32();
    crc.update(genesis);
    for (long f : forks) {
      byte[] b = new byte[8];
      for (int i = 0; i < 8; i++) {
        b[i] = (byte) (f >>> (56 - 8 * i));
      }
      crc.update(b);
    }
    return (int) crc.getValue();
  }
}
