package org.linden.chain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.FixtureFiles;
import org.linden.chain.execution.BlobSchedule;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.UInt256;

class ChainConfigTest {
  static final String MAINNET = """
      {
        "chainId": 1,
        "homesteadBlock": 1150000,
        "daoForkBlock": 1920000,
        "daoForkSupport": true,
        "eip150Block": 2463000,
        "eip155Block": 2675000,
        "eip158Block": 2675000,
        "byzantiumBlock": 4370000,
        "constantinopleBlock": 7280000,
        "petersburgBlock": 7280000,
        "istanbulBlock": 9069000,
        "muirGlacierBlock": 9200000,
        "berlinBlock": 12244000,
        "londonBlock": 12965000,
        "arrowGlacierBlock": 13773000,
        "grayGlacierBlock": 15050000,
        "terminalTotalDifficulty": 58750000000000000000000,
        "shanghaiTime": 1681338455,
        "cancunTime": 1710338135,
        "pragueTime": 1746612311,
        "depositContractAddress": "0x00000000219ab540356cbb839cbe05303d7705fa",
        "ethash": {}
      }""";

  static ChainConfig gethEthTest() throws Exception {
    String genesis = FixtureFiles.text("chains/geth-ethtest/genesis.json");
    return ChainConfig.fromJson(new ObjectMapper().readTree(genesis).get("config").toString());
  }

  @Test
  void parsesTheGethTestChainConfig() throws Exception {
    ChainConfig c = gethEthTest();
    assertThat(c.chainId()).isEqualTo(3503995874084926L);
    assertThat(c.activation(Milestone.LONDON)).hasValue(0);
    assertThat(c.activation(Milestone.CANCUN)).hasValue(60);
    assertThat(c.activation(Milestone.PRAGUE)).hasValue(120);
    assertThat(c.activation(Milestone.OSAKA)).isEmpty();
    assertThat(c.terminalTotalDifficulty()).contains(UInt256.valueOf(131072));
    assertThat(c.depositContractAddress()).contains(Address.ZERO);
    assertThat(c.section("ethash")).contains("{}");
    assertThat(c.forkAt(0, 0)).isEqualTo(Fork.SHANGHAI);
    assertThat(c.forkAt(5, 59)).isEqualTo(Fork.SHANGHAI);
    assertThat(c.forkAt(6, 60)).isEqualTo(Fork.CANCUN);
    assertThat(c.forkAt(13, 130)).isEqualTo(Fork.PRAGUE);
    assertThat(c.blobScheduleAt(0)).isEqualTo(new BlobSchedule(0, 0, 1));
    assertThat(c.blobScheduleAt(60)).isEqualTo(new BlobSchedule(3, 6, 3338477));
    assertThat(c.blobScheduleAt(119)).isEqualTo(new BlobSchedule(3, 6, 3338477));
    assertThat(c.blobScheduleAt(120)).isEqualTo(new BlobSchedule(6, 9, 5007716));
  }

  @Test
  void selectsMainnetForksByBlockAndTime() throws Exception {
    ChainConfig c = ChainConfig.fromJson(MAINNET);
    assertThat(c.forkAt(0, 0)).isEqualTo(Fork.FRONTIER);
    assertThat(c.forkAt(1_149_999, 0)).isEqualTo(Fork.FRONTIER);
    assertThat(c.forkAt(1_150_000, 0)).isEqualTo(Fork.HOMESTEAD);
    assertThat(c.forkAt(1_920_000, 0)).isEqualTo(Fork.HOMESTEAD);
    assertThat(c.forkAt(2_463_000, 0)).isEqualTo(Fork.TANGERINE_WHISTLE);
    assertThat(c.forkAt(2_675_000, 0)).isEqualTo(Fork.SPURIOUS_DRAGON);
    assertThat(c.forkAt(4_370_000, 0)).isEqualTo(Fork.BYZANTIUM);
    // Constantinople and Petersburg activated together: Petersburg's rules apply.
    assertThat(c.forkAt(7_280_000, 0)).isEqualTo(Fork.PETERSBURG);
    assertThat(c.forkAt(9_069_000, 0)).isEqualTo(Fork.ISTANBUL);
    assertThat(c.forkAt(9_200_000, 0)).isEqualTo(Fork.ISTANBUL);
    assertThat(c.forkAt(12_244_000, 0)).isEqualTo(Fork.BERLIN);
    assertThat(c.forkAt(12_965_000, 1_628_166_822L)).isEqualTo(Fork.LONDON);
    // The merge block needs the total difficulty, which only the caller knows.
    assertThat(c.forkAt(15_537_394, 1_663_224_179L)).isEqualTo(Fork.LONDON);
    assertThat(c.forkAt(15_537_394, 1_663_224_179L, true)).isEqualTo(Fork.PARIS);
    assertThat(c.forkAt(17_034_870, 1_681_338_455L)).isEqualTo(Fork.SHANGHAI);
    assertThat(c.forkAt(19_426_587, 1_710_338_135L)).isEqualTo(Fork.CANCUN);
    assertThat(c.forkAt(22_431_084, 1_746_612_311L)).isEqualTo(Fork.PRAGUE);
    assertThat(c.daoForkSupport()).isTrue();
    assertThat(c.activation(Milestone.DAO_FORK)).hasValue(1_920_000);
    assertThat(c.terminalTotalDifficulty().orElseThrow().toBigInteger())
        .isEqualTo(new java.math.BigInteger("58750000000000000000000"));
    // Defaults for configs written before blobSchedule existed.
    assertThat(c.blobScheduleAt(1_710_338_135L)).isEqualTo(BlobSchedule.defaultFor(Fork.CANCUN));
    assertThat(c.blobScheduleAt(1_746_612_311L)).isEqualTo(BlobSchedule.defaultFor(Fork.PRAGUE));
  }

  @Test
  void constantinopleWithoutPetersburgGetsPetersburgRulesLikeGeth() throws Exception {
    ChainConfig without = ChainConfig.fromJson(chainWith("\"constantinopleBlock\": 5"));
    assertThat(without.forkAt(5, 0)).isEqualTo(Fork.PETERSBURG);
    ChainConfig with = ChainConfig.fromJson(chainWith("\"constantinopleBlock\": 5, \"petersburgBlock\": 8"));
    assertThat(with.forkAt(5, 0)).isEqualTo(Fork.CONSTANTINOPLE);
    assertThat(with.forkAt(8, 0)).isEqualTo(Fork.PETERSBURG);
  }

  @Test
  void mergeComesFromTheConfigWhenItSaysSo() throws Exception {
    String london = "\"constantinopleBlock\": 0, \"petersburgBlock\": 0, \"istanbulBlock\": 0, \"berlinBlock\": 0,"
        + " \"londonBlock\": 0";
    assertThat(ChainConfig.fromJson(chainWith(london)).forkAt(10, 10)).isEqualTo(Fork.LONDON);
    assertThat(ChainConfig.fromJson(chainWith(london + ", \"terminalTotalDifficulty\": 0")).forkAt(10, 10))
        .isEqualTo(Fork.PARIS);
    assertThat(ChainConfig.fromJson(chainWith(london + ", \"terminalTotalDifficulty\": 100,"
        + " \"terminalTotalDifficultyPassed\": true")).forkAt(10, 10)).isEqualTo(Fork.PARIS);
    ChainConfig netsplit = ChainConfig.fromJson(chainWith(london + ", \"terminalTotalDifficulty\": 100,"
        + " \"mergeNetsplitBlock\": 7"));
    assertThat(netsplit.forkAt(6, 10)).isEqualTo(Fork.LONDON);
    assertThat(netsplit.forkAt(7, 10)).isEqualTo(Fork.PARIS);
  }

  @Test
  void timestampForksNeedLondon() throws Exception {
    ChainConfig c = ChainConfig.fromJson(chainWith("\"constantinopleBlock\": 0, \"petersburgBlock\": 0,"
        + " \"istanbulBlock\": 0, \"berlinBlock\": 0, \"londonBlock\": 10, \"terminalTotalDifficulty\": 0,"
        + " \"shanghaiTime\": 0"));
    assertThat(c.forkAt(9, 1000)).isEqualTo(Fork.BERLIN);
    assertThat(c.forkAt(10, 1000)).isEqualTo(Fork.SHANGHAI);
  }

  @Test
  void blobParameterOnlyForksKeepOsakaRulesAndChangeBlobParameters() throws Exception {
    ChainConfig c = ChainConfig.fromJson(postMerge("\"cancunTime\": 0, \"pragueTime\": 0, \"osakaTime\": 100,"
        + " \"bpo1Time\": 200, \"bpo2Time\": 300, \"blobSchedule\": {"
        + " \"cancun\": {\"target\": 3, \"max\": 6, \"baseFeeUpdateFraction\": 3338477},"
        + " \"prague\": {\"target\": 6, \"max\": 9, \"baseFeeUpdateFraction\": 5007716},"
        + " \"osaka\": {\"target\": 6, \"max\": 9, \"baseFeeUpdateFraction\": 5007716},"
        + " \"bpo1\": {\"target\": 10, \"max\": 15, \"baseFeeUpdateFraction\": 8346193},"
        + " \"bpo2\": {\"target\": 14, \"max\": 21, \"baseFeeUpdateFraction\": 11684671}}"));
    assertThat(c.forkAt(1, 99)).isEqualTo(Fork.PRAGUE);
    assertThat(c.forkAt(1, 100)).isEqualTo(Fork.OSAKA);
    assertThat(c.forkAt(1, 250)).isEqualTo(Fork.OSAKA);
    assertThat(c.forkAt(1, 10_000)).isEqualTo(Fork.OSAKA);
    assertThat(c.blobScheduleAt(150)).isEqualTo(new BlobSchedule(6, 9, 5007716));
    assertThat(c.blobScheduleAt(199)).isEqualTo(new BlobSchedule(6, 9, 5007716));
    assertThat(c.blobScheduleAt(200)).isEqualTo(new BlobSchedule(10, 15, 8346193));
    assertThat(c.blobScheduleAt(299)).isEqualTo(new BlobSchedule(10, 15, 8346193));
    assertThat(c.blobScheduleAt(300)).isEqualTo(new BlobSchedule(14, 21, 11684671));
    assertThat(c.blobSchedules()).containsOnlyKeys(Milestone.CANCUN, Milestone.PRAGUE, Milestone.OSAKA,
        Milestone.BPO1, Milestone.BPO2);
    assertThat(Milestone.BPO1.isBlobParameterOnly()).isTrue();
    assertThat(Milestone.OSAKA.isBlobParameterOnly()).isFalse();
  }

  @Test
  void osakaWithoutItsOwnEntryKeepsPraguesBlobParameters() throws Exception {
    ChainConfig c = ChainConfig.fromJson(postMerge("\"cancunTime\": 0, \"pragueTime\": 10, \"osakaTime\": 20,"
        + " \"blobSchedule\": {\"Prague\": {\"target\": \"0x07\", \"max\": \"0x0a\","
        + " \"baseFeeUpdateFraction\": \"0x4c6964\"}}"));
    assertThat(c.blobScheduleAt(5)).isEqualTo(BlobSchedule.defaultFor(Fork.CANCUN));
    assertThat(c.blobScheduleAt(10)).isEqualTo(new BlobSchedule(7, 10, 5007716));
    assertThat(c.blobScheduleAt(25)).isEqualTo(new BlobSchedule(7, 10, 5007716));
  }

  @Test
  void acceptsTheExecutionSpecTestsConfigShape() throws Exception {
    ChainConfig c = ChainConfig.fromJson("{\"network\": \"Osaka\", \"chainid\": \"0x01\", \"blobSchedule\": {"
        + "\"Cancun\": {\"target\": \"0x03\", \"max\": \"0x06\", \"baseFeeUpdateFraction\": \"0x32f0ed\"}}}");
    assertThat(c.chainId()).isEqualTo(1);
    assertThat(c.section("network")).contains("\"Osaka\"");
  }

  @Test
  void keepsUnknownSectionsForLater() throws Exception {
    ChainConfig c = ChainConfig.fromJson("{\"chainId\": 1337, \"qbft\": {\"blockperiodseconds\": 2,"
        + " \"epochlength\": 30000}, \"zeroBaseFee\": true}");
    assertThat(c.section("QBFT")).contains("{\"blockperiodseconds\":2,\"epochlength\":30000}");
    assertThat(c.sections()).containsKeys("qbft", "zeroBaseFee");
    assertThat(c.forkAt(100, 100)).isEqualTo(Fork.FRONTIER);
  }

  @Test
  void numbersMayBeHexOrDecimalStringsAndKeysAnyCase() throws Exception {
    ChainConfig c = ChainConfig.fromJson("{\"ChainID\": \"0x539\", \"HomesteadBlock\": \"10\","
        + " \"eip150Block\": \"0x14\"}");
    assertThat(c.chainId()).isEqualTo(1337);
    assertThat(c.activation(Milestone.HOMESTEAD)).hasValue(10);
    assertThat(c.activation(Milestone.TANGERINE_WHISTLE)).hasValue(20);
    assertThat(ChainConfig.fromJson("{\"chainId\": 18446744073709551615}").chainId()).isEqualTo(-1L);
  }

  @Test
  void allForksThroughBuildsDevChains() {
    for (Fork f : Fork.values()) {
      assertThat(ChainConfig.allForksThrough(1337, f).forkAt(0, 0)).as(f.name()).isEqualTo(f);
    }
    assertThat(ChainConfig.allForksThrough(1337, Fork.PRAGUE).blobScheduleAt(0))
        .isEqualTo(BlobSchedule.defaultFor(Fork.PRAGUE));
  }

  @Test
  void rejectsMalformedConfigs() {
    assertInvalid("{\"homesteadBlock\": 0}", "config.chainId: missing");
    assertInvalid("{\"chainId\": \"abc\"}", "config.chainId: 'abc' is not a decimal integer");
    assertInvalid("{\"chainId\": \"0x\"}", "config.chainId");
    assertInvalid("{\"chainId\": -1}", "must not be negative");
    assertInvalid("{\"chainId\": 1.5}", "expected an integer");
    assertInvalid("{\"chainId\": 18446744073709551616}", "does not fit in 64 bits");
    assertInvalid("{\"chainId\": 1, \"chainid\": 2}", "case-insensitive");
    assertInvalid("{\"chainId\": 1,", "not valid JSON");
    assertInvalid("[1]", "expected an object");
    assertInvalid(chainWith("\"constantinopleBlock\": 9, \"petersburgBlock\": 8"),
        "forks out of order: constantinopleBlock at 9 comes after petersburgBlock at 8");
    assertInvalid("{\"chainId\": 1, \"homesteadBlock\": 0, \"byzantiumBlock\": 5}",
        "byzantiumBlock is scheduled at 5 but eip158Block, which must come first, is not");
    assertInvalid(postMerge("\"cancunTime\": 10, \"pragueTime\": 5"), "pragueTime at 5");
    assertInvalid(postMerge("\"pragueTime\": 5"), "cancunTime, which must come first");
    assertInvalid(postMerge("\"cancunTime\": 0, \"blobSchedule\": {\"amsterdam\": {\"target\": 1, \"max\": 2,"
        + " \"baseFeeUpdateFraction\": 3}}"), "config.blobSchedule.amsterdam: unknown fork name");
    assertInvalid(postMerge("\"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 1,"
        + " \"baseFeeUpdateFraction\": 3}}"), "config.blobSchedule.cancun.max: missing");
    assertInvalid(postMerge("\"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 7, \"max\": 6,"
        + " \"baseFeeUpdateFraction\": 3}}"), "0 <= target <= max");
    assertInvalid(postMerge("\"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 1, \"max\": 6,"
        + " \"baseFeeUpdateFraction\": 0}}"), "must be positive");
    assertInvalid(postMerge("\"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 1, \"max\": 6,"
        + " \"baseFeeUpdateFraction\": 3, \"min\": 0}}"), "unknown blob parameter");
    assertInvalid(postMerge("\"cancunTime\": 0, \"pragueTime\": 0, \"osakaTime\": 0, \"bpo1Time\": 5"),
        "config.blobSchedule.bpo1: missing");
    assertInvalid(postMerge("\"cancunTime\": 0, \"pragueTime\": 0, \"osakaTime\": 10, \"bpo1Time\": 5,"
        + " \"blobSchedule\": {\"bpo1\": {\"target\": 1, \"max\": 2, \"baseFeeUpdateFraction\": 3}}"),
        "bpo1Time at 5");
    assertInvalid(postMerge("\"cancunTime\": 0, \"pragueTime\": 0, \"osakaTime\": 0, \"amsterdamTime\": 5"),
        "config.amsterdamTime: unknown fork");
    assertInvalid("{\"chainId\": 1, \"depositContractAddress\": \"0x1234\"}",
        "config.depositContractAddress: expected 20 bytes");
    assertInvalid("{\"chainId\": 1, \"terminalTotalDifficultyPassed\": \"yes\"}", "expected true or false");
  }

  private static void assertInvalid(String json, String messagePart) {
    assertThatThrownBy(() -> ChainConfig.fromJson(json)).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(messagePart);
  }

  /** A chain with every block fork before Constantinople at 0, plus {@code more}. */
  static String chainWith(String more) {
    return "{\"chainId\": 1, \"homesteadBlock\": 0, \"eip150Block\": 0, \"eip155Block\": 0, \"eip158Block\": 0,"
        + " \"byzantiumBlock\": 0, " + more + "}";
  }

  /** A chain merged at genesis with Shanghai at time 0, plus {@code more}. */
  static String postMerge(String more) {
    return chainWith("\"constantinopleBlock\": 0, \"petersburgBlock\": 0, \"istanbulBlock\": 0, \"berlinBlock\": 0,"
        + " \"londonBlock\": 0, \"terminalTotalDifficulty\": 0, \"shanghaiTime\": 0, " + more);
  }
}
