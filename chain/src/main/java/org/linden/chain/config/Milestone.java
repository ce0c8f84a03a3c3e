package org.linden.chain.config;

import java.util.Optional;
import org.linden.types.Fork;

/**
 * Every activation point a geth-format chain configuration can schedule, in the order geth
 * requires them: block-numbered forks up to the merge, then timestamped forks. A milestone
 * either brings in the EVM rules of a {@link Fork} ({@link #rules()}), or changes something
 * outside the EVM rules: a difficulty-bomb delay, the DAO state change, EIP-155 replay
 * protection (which Linden applies with Spurious Dragon), or the blob parameters of a
 * blob-parameter-only fork (EIP-7892, BPO1–BPO5, which keep Osaka's rules).
 */
public enum Milestone {
  HOMESTEAD("homesteadBlock", false, Fork.HOMESTEAD, false, null),
  /** The DAO fork's irregular state change (mainnet block 1,920,000). */
  DAO_FORK("daoForkBlock", false, null, true, null),
  TANGERINE_WHISTLE("eip150Block", false, Fork.TANGERINE_WHISTLE, false, null),
  /** EIP-155 replay protection; scheduled separately by geth, part of Spurious Dragon's rules here. */
  EIP155("eip155Block", false, null, false, null),
  SPURIOUS_DRAGON("eip158Block", false, Fork.SPURIOUS_DRAGON, false, null),
  BYZANTIUM("byzantiumBlock", false, Fork.BYZANTIUM, false, null),
  CONSTANTINOPLE("constantinopleBlock", false, Fork.CONSTANTINOPLE, false, null),
  PETERSBURG("petersburgBlock", false, Fork.PETERSBURG, false, null),
  ISTANBUL("istanbulBlock", false, Fork.ISTANBUL, false, null),
  /** Difficulty-bomb delay only. */
  MUIR_GLACIER("muirGlacierBlock", false, null, true, null),
  BERLIN("berlinBlock", false, Fork.BERLIN, false, null),
  LONDON("londonBlock", false, Fork.LONDON, false, null),
  /** Difficulty-bomb delay only. */
  ARROW_GLACIER("arrowGlacierBlock", false, null, true, null),
  /** Difficulty-bomb delay only. */
  GRAY_GLACIER("grayGlacierBlock", false, null, true, null),
  /** The block from which a network treats blocks as post-merge (Paris) regardless of total difficulty. */
  MERGE_NETSPLIT("mergeNetsplitBlock", false, Fork.PARIS, true, null),
  SHANGHAI("shanghaiTime", true, Fork.SHANGHAI, false, null),
  CANCUN("cancunTime", true, Fork.CANCUN, false, "cancun"),
  PRAGUE("pragueTime", true, Fork.PRAGUE, false, "prague"),
  OSAKA("osakaTime", true, Fork.OSAKA, false, "osaka"),
  BPO1("bpo1Time", true, Fork.OSAKA, true, "bpo1"),
  BPO2("bpo2Time", true, Fork.OSAKA, true, "bpo2"),
  BPO3("bpo3Time", true, Fork.OSAKA, true, "bpo3"),
  BPO4("bpo4Time", true, Fork.OSAKA, true, "bpo4"),
  BPO5("bpo5Time", true, Fork.OSAKA, true, "bpo5");

  private final String configKey;
  private final boolean timestampBased;
  private final Fork rules;
  private final boolean optional;
  private final String blobScheduleKey;

  Milestone(String configKey, boolean timestampBased, Fork rules, boolean optional, String blobScheduleKey) {
    this.configKey = configKey;
    this.timestampBased = timestampBased;
    this.rules = rules;
    this.optional = optional;
    this.blobScheduleKey = blobScheduleKey;
  }

  /** The key in a geth-format {@code config} object, e.g. {@code londonBlock}, {@code cancunTime}. */
  public String configKey() {
    return configKey;
  }

  /** True if activated by block timestamp (Shanghai on), false if by block number. */
  public boolean isTimestampBased() {
    return timestampBased;
  }

  /** The EVM rules in force from this milestone on, if it changes them. */
  public Optional<Fork> rules() {
    return Optional.ofNullable(rules);
  }

  /**
   * True if a configuration may leave this milestone out while scheduling later ones (bomb
   * delays, the DAO fork, the merge netsplit block, BPO forks). Any other milestone must be
   * scheduled when a later one is, since a fork's rules include all earlier forks'.
   */
  public boolean isOptional() {
    return optional;
  }

  /** The key of this milestone's entry in {@code blobSchedule}, if it sets blob parameters. */
  public Optional<String> blobScheduleKey() {
    return Optional.ofNullable(blobScheduleKey);
  }

  /** True for the blob-parameter-only forks of EIP-7892. */
  public boolean isBlobParameterOnly() {
    return blobScheduleKey != null && blobScheduleKey.startsWith("bpo");
  }
}
