package org.linden.chain.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.linden.chain.config.Json.Field;
import org.linden.chain.execution.BlobSchedule;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * A chain's fork schedule and parameters, as written in the {@code config} object of a
 * geth-format {@code genesis.json}: the chain id, the block or timestamp at which each
 * {@link Milestone} activates, the merge (terminal total difficulty, {@code mergeNetsplitBlock}),
 * the blob parameters of each blob fork (EIP-7840 {@code blobSchedule}, including the
 * blob-parameter-only forks of EIP-7892) and the deposit contract address.
 *
 * <p>Keys that are not fork parameters (the {@code ethash} or {@code clique} engine sections,
 * later {@code qbft}) are kept as raw JSON in {@link #sections()} for the component that
 * understands them. A key that looks like a fork this node does not know
 * ({@code amsterdamTime}, {@code verkleTime}) is an error: following a chain without its
 * fork would silently split from it.
 *
 * <p>Immutable and validated on construction: the chain id is present, forks are scheduled
 * in order with none missing before a scheduled one, and every blob-parameter-only fork has
 * its blob schedule.
 */
public final class ChainConfig {
  /** Default blob schedules for configs written before EIP-7840 put them in the file. */
  private static final BlobSchedule NO_BLOBS = BlobSchedule.defaultFor(Fork.SHANGHAI);

  private final long chainId;
  private final EnumMap<Milestone, Long> activations;
  private final UInt256 terminalTotalDifficulty;
  private final boolean terminalTotalDifficultyPassed;
  private final boolean daoForkSupport;
  private final Address depositContractAddress;
  /** The blob parameters in force from each blob milestone that is scheduled. */
  private final EnumMap<Milestone, BlobSchedule> blobSchedules;
  private final Map<String, String> sections;

  private ChainConfig(Builder b, EnumMap<Milestone, BlobSchedule> resolvedBlobSchedules) {
    this.chainId = b.chainId;
    this.activations = new EnumMap<>(b.activations);
    this.terminalTotalDifficulty = b.terminalTotalDifficulty;
    this.terminalTotalDifficultyPassed = b.terminalTotalDifficultyPassed;
    this.daoForkSupport = b.daoForkSupport;
    this.depositContractAddress = b.depositContractAddress;
    this.blobSchedules = resolvedBlobSchedules;
    this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(b.sections));
  }

  /** Parses a {@code config} object on its own (the value of {@code "config"} in a genesis file). */
  public static ChainConfig fromJson(String json) throws InvalidConfigException {
    return fromNode(Json.parse(json, "config"), "config");
  }

  static ChainConfig fromNode(JsonNode node, String path) throws InvalidConfigException {
    Map<String, Field> fields = Json.fields(node, path);
    Field chainIdField = fields.remove("chainid");
    if (chainIdField == null) {
      throw new InvalidConfigException(Json.join(path, "chainId") + ": missing; every chain needs a chain id");
    }
    Builder b = builder(Json.u64(chainIdField));
    for (Milestone m : Milestone.values()) {
      Field f = fields.remove(m.configKey().toLowerCase(Locale.ROOT));
      if (f != null) {
        b.activate(m, Json.u64(f));
      }
    }
    Field ttd = fields.remove("terminaltotaldifficulty");
    if (ttd != null) {
      b.terminalTotalDifficulty(Json.u256(ttd));
    }
    Field ttdPassed = fields.remove("terminaltotaldifficultypassed");
    if (ttdPassed != null) {
      b.terminalTotalDifficultyPassed(Json.bool(ttdPassed));
    }
    Field dao = fields.remove("daoforksupport");
    if (dao != null) {
      b.daoForkSupport(Json.bool(dao));
    }
    Field deposit = fields.remove("depositcontractaddress");
    if (deposit != null) {
      b.depositContractAddress(Json.address(deposit));
    }
    Field blobs = fields.remove("blobschedule");
    if (blobs != null) {
      readBlobSchedule(b, blobs);
    }
    for (Field f : fields.values()) {
      String key = f.name().toLowerCase(Locale.ROOT);
      if ((key.endsWith("time") || key.endsWith("block")) && (f.value().isNumber() || f.value().isTextual())) {
        throw new InvalidConfigException(f.path() + ": unknown fork; this node knows the forks up to Osaka and the"
            + " blob-parameter-only forks bpo1Time..bpo5Time");
      }
      b.section(f.name(), f.value().toString());
    }
    return b.build(path);
  }

  private static void readBlobSchedule(Builder b, Field blobs) throws InvalidConfigException {
    for (Field entry : Json.fields(blobs.value(), blobs.path()).values()) {
      Milestone m = blobMilestone(entry.name()).orElseThrow(() -> new InvalidConfigException(entry.path()
          + ": unknown fork name in blobSchedule; expected cancun, prague, osaka or bpo1..bpo5"));
      Map<String, Field> params = Json.fields(entry.value(), entry.path());
      int target = Json.smallInt(require(params, "target", entry.path()));
      int max = Json.smallInt(require(params, "max", entry.path()));
      long fraction = Json.u64(require(params, "baseFeeUpdateFraction", entry.path()));
      if (!params.isEmpty()) {
        throw new InvalidConfigException(params.values().iterator().next().path()
            + ": unknown blob parameter; expected target, max and baseFeeUpdateFraction");
      }
      if (fraction < 0) {
        throw new InvalidConfigException(entry.path() + ".baseFeeUpdateFraction: too large");
      }
      b.blobSchedule(m, new BlobSchedule(target, max, fraction));
    }
  }

  private static Field require(Map<String, Field> params, String key, String path) throws InvalidConfigException {
    Field f = params.remove(key.toLowerCase(Locale.ROOT));
    if (f == null) {
      throw new InvalidConfigException(Json.join(path, key) + ": missing");
    }
    return f;
  }

  private static Optional<Milestone> blobMilestone(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (Milestone m : Milestone.values()) {
      if (m.blobScheduleKey().filter(key::equals).isPresent()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** A builder for configurations made in code (dev mode, tests); {@link Builder#build()} validates. */
  public static Builder builder(long chainId) {
    return new Builder(chainId);
  }

  /**
   * A post-merge chain on which every fork up to and including {@code fork} is active from
   * genesis (block 0, timestamp 0), with the default blob parameters: what dev mode and most
   * tests want. For {@code fork} Paris or later the terminal total difficulty is 0.
   */
  public static ChainConfig allForksThrough(long chainId, Fork fork) {
    Builder b = builder(chainId);
    for (Milestone m : Milestone.values()) {
      // EIP-155 has no rules of its own here; it belongs with Spurious Dragon.
      Fork needed = m == Milestone.EIP155 ? Fork.SPURIOUS_DRAGON : m.rules().orElse(null);
      if (!m.isOptional() && needed != null && fork.isAtLeast(needed)) {
        b.activate(m, 0);
      }
    }
    if (fork == Fork.CONSTANTINOPLE) {
      // Without petersburgBlock, geth (and forkAt) give Constantinople blocks Petersburg's rules;
      // a Petersburg that never comes (block 2^64-1) keeps Constantinople's.
      b.activate(Milestone.PETERSBURG, -1L);
    }
    if (fork.isAtLeast(Fork.PARIS)) {
      b.terminalTotalDifficulty(UInt256.ZERO).terminalTotalDifficultyPassed(true);
    }
    try {
      return b.build();
    } catch (InvalidConfigException e) {
      throw new IllegalStateException("the built-in schedule is inconsistent", e);
    }
  }

  /** The EIP-155 chain id (unsigned 64-bit). */
  public long chainId() {
    return chainId;
  }

  /** The block number or timestamp at which {@code m} activates (unsigned 64-bit), if scheduled. */
  public OptionalLong activation(Milestone m) {
    Long v = activations.get(m);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** True if {@code m} is active in a block with this number and timestamp. */
  public boolean isActive(Milestone m, long number, long timestamp) {
    Long at = activations.get(m);
    return at != null && Long.compareUnsigned(m.isTimestampBased() ? timestamp : number, at) >= 0;
  }

  public Optional<UInt256> terminalTotalDifficulty() {
    return Optional.ofNullable(terminalTotalDifficulty);
  }

  public boolean terminalTotalDifficultyPassed() {
    return terminalTotalDifficultyPassed;
  }

  /** Whether this chain applies the DAO fork's state change at {@code daoForkBlock}. */
  public boolean daoForkSupport() {
    return daoForkSupport;
  }

  /** The EIP-6110 deposit contract, if the config names one. */
  public Optional<Address> depositContractAddress() {
    return Optional.ofNullable(depositContractAddress);
  }

  /** Keys this class does not interpret (engine sections such as {@code ethash}, {@code clique}, {@code qbft}) as raw JSON. */
  public Map<String, String> sections() {
    return sections;
  }

  /** The raw JSON of one uninterpreted key, matched case-insensitively. */
  public Optional<String> section(String key) {
    for (Map.Entry<String, String> e : sections.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The EVM rules of a block with this number and timestamp, treating it as post-merge only
   * when the configuration alone says so: terminal total difficulty 0, or
   * {@code terminalTotalDifficultyPassed}, or {@code mergeNetsplitBlock} reached. A chain that
   * went through a proof-of-work → proof-of-stake transition after London (mainnet) needs the
   * total difficulty to place blocks between London and Shanghai; use
   * {@link #forkAt(long, long, boolean)} for those.
   */
  public Fork forkAt(long number, long timestamp) {
    return forkAt(number, timestamp, false);
  }

  /**
   * The EVM rules of a block with this number and timestamp. {@code merged} says that the
   * block is known to be past the terminal total difficulty (its parent's total difficulty
   * reached it); the configuration's own merge facts apply as well. Block-numbered forks
   * come first; Paris needs London; timestamped forks (Shanghai on) need London, as in geth.
   * Blob-parameter-only forks keep Osaka's rules.
   */
  public Fork forkAt(long number, long timestamp, boolean merged) {
    Fork fork = Fork.FRONTIER;
    for (Milestone m : Milestone.values()) {
      if (m.isTimestampBased() || m == Milestone.MERGE_NETSPLIT || m.rules().isEmpty()) {
        continue;
      }
      if (isActive(m, number, timestamp)) {
        fork = m.rules().get();
      }
    }
    // geth: without petersburgBlock, Petersburg's rules start with Constantinople.
    if (fork == Fork.CONSTANTINOPLE && !activations.containsKey(Milestone.PETERSBURG)) {
      fork = Fork.PETERSBURG;
    }
    if (fork.isBefore(Fork.LONDON)) {
      return fork;
    }
    if (merged || isMergedByConfig(number)) {
      fork = Fork.PARIS;
    }
    for (Milestone m : Milestone.values()) {
      if (m.isTimestampBased() && isActive(m, number, timestamp) && m.rules().get().compareTo(fork) > 0) {
        fork = m.rules().get();
      }
    }
    return fork;
  }

  private boolean isMergedByConfig(long number) {
    return terminalTotalDifficultyPassed
        || (terminalTotalDifficulty != null && terminalTotalDifficulty.isZero())
        || isActive(Milestone.MERGE_NETSPLIT, number, 0);
  }

  /**
   * The blob parameters of a block with this timestamp: those of the latest active blob
   * milestone (Cancun, Prague, Osaka, BPO1–BPO5), or no blobs (target and max 0) before Cancun.
   */
  public BlobSchedule blobScheduleAt(long timestamp) {
    BlobSchedule current = NO_BLOBS;
    for (Map.Entry<Milestone, BlobSchedule> e : blobSchedules.entrySet()) {
      if (isActive(e.getKey(), 0, timestamp)) {
        current = e.getValue();
      }
    }
    return current;
  }

  /** The blob parameters from each scheduled blob milestone on, in activation order. */
  public Map<Milestone, BlobSchedule> blobSchedules() {
    return Collections.unmodifiableMap(blobSchedules);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ChainConfig{chainId=").append(Long.toUnsignedString(chainId));
    activations.forEach((m, at) -> sb.append(", ").append(m.configKey()).append('=').append(Long.toUnsignedString(at)));
    if (terminalTotalDifficulty != null) {
      sb.append(", terminalTotalDifficulty=").append(terminalTotalDifficulty.toBigInteger());
    }
    return sb.append('}').toString();
  }

  /** Collects a configuration; {@link #build()} checks it. */
  public static final class Builder {
    private final long chainId;
    private final EnumMap<Milestone, Long> activations = new EnumMap<>(Milestone.class);
    private final EnumMap<Milestone, BlobSchedule> blobSchedules = new EnumMap<>(Milestone.class);
    private UInt256 terminalTotalDifficulty;
    private boolean terminalTotalDifficultyPassed;
    private boolean daoForkSupport;
    private Address depositContractAddress;
    private final Map<String, String> sections = new LinkedHashMap<>();

    private Builder(long chainId) {
      this.chainId = chainId;
    }

    /** Schedules {@code m} at a block number or a timestamp (unsigned 64-bit), as the milestone is keyed. */
    public Builder activate(Milestone m, long at) {
      activations.put(m, at);
      return this;
    }

    public Builder terminalTotalDifficulty(UInt256 ttd) {
      terminalTotalDifficulty = ttd;
      return this;
    }

    public Builder terminalTotalDifficultyPassed(boolean passed) {
      terminalTotalDifficultyPassed = passed;
      return this;
    }

    public Builder daoForkSupport(boolean support) {
      daoForkSupport = support;
      return this;
    }

    public Builder depositContractAddress(Address address) {
      depositContractAddress = address;
      return this;
    }

    /** Sets the blob parameters from a blob milestone (Cancun, Prague, Osaka, BPO1–BPO5) on. */
    public Builder blobSchedule(Milestone m, BlobSchedule schedule) {
      if (m.blobScheduleKey().isEmpty()) {
        throw new IllegalArgumentException(m + " has no blob parameters");
      }
      blobSchedules.put(m, schedule);
      return this;
    }

    /** Keeps an uninterpreted key with its raw JSON value. */
    public Builder section(String key, String rawJson) {
      sections.put(key, rawJson);
      return this;
    }

    public ChainConfig build() throws InvalidConfigException {
      return build("config");
    }

    ChainConfig build(String path) throws InvalidConfigException {
      checkForkOrder(path);
      return new ChainConfig(this, resolveBlobSchedules(path));
    }

    /**
     * Every milestone that is not optional must be scheduled if a later one is, and no
     * milestone may activate before an earlier one (block numbers among block forks,
     * timestamps among timestamp forks); this is geth's CheckConfigForkOrder.
     */
    private void checkForkOrder(String path) throws InvalidConfigException {
      Milestone last = null;
      for (Milestone cur : Milestone.values()) {
        Long at = activations.get(cur);
        if (last != null) {
          Long lastAt = activations.get(last);
          if (lastAt == null && at != null) {
            throw new InvalidConfigException(path + ": " + cur.configKey() + " is scheduled at "
                + Long.toUnsignedString(at) + " but " + last.configKey() + ", which must come first, is not");
          }
          if (lastAt != null && at != null && last.isTimestampBased() == cur.isTimestampBased()
              && Long.compareUnsigned(lastAt, at) > 0) {
            throw new InvalidConfigException(path + ": forks out of order: " + last.configKey() + " at "
                + Long.toUnsignedString(lastAt) + " comes after " + cur.configKey() + " at " + Long.toUnsignedString(at));
          }
        }
        if (!cur.isOptional() || at != null) {
          last = cur;
        }
      }
    }

    /**
     * The blob parameters from each scheduled blob milestone. Cancun and Prague default to
     * their EIPs' values (EIP-4844, EIP-7691) when the config predates {@code blobSchedule};
     * Osaka changes no blob parameter by itself and defaults to the ones before it; a
     * blob-parameter-only fork exists only to set them, so its entry is required.
     */
    private EnumMap<Milestone, BlobSchedule> resolveBlobSchedules(String path) throws InvalidConfigException {
      for (Map.Entry<Milestone, BlobSchedule> e : blobSchedules.entrySet()) {
        BlobSchedule s = e.getValue();
        String where = path + ".blobSchedule." + e.getKey().blobScheduleKey().orElseThrow();
        if (s.target() < 0 || s.max() < 0 || s.target() > s.max()) {
          throw new InvalidConfigException(where + ": target " + s.target() + " and max " + s.max()
              + " must satisfy 0 <= target <= max");
        }
        if (s.baseFeeUpdateFraction() <= 0) {
          throw new InvalidConfigException(where + ".baseFeeUpdateFraction: must be positive");
        }
      }
      EnumMap<Milestone, BlobSchedule> resolved = new EnumMap<>(Milestone.class);
      BlobSchedule previous = NO_BLOBS;
      for (Milestone m : Milestone.values()) {
        if (m.blobScheduleKey().isEmpty() || !activations.containsKey(m)) {
          continue;
        }
        BlobSchedule s = blobSchedules.get(m);
        if (s == null) {
          s = switch (m) {
            case CANCUN -> BlobSchedule.defaultFor(Fork.CANCUN);
            case PRAGUE -> BlobSchedule.defaultFor(Fork.PRAGUE);
            case OSAKA -> previous;
            default -> throw new InvalidConfigException(path + ".blobSchedule." + m.blobScheduleKey().orElseThrow()
                + ": missing; " + m.configKey() + " is scheduled and a blob-parameter-only fork needs its parameters");
          };
        }
        resolved.put(m, s);
        previous = s;
      }
      return resolved;
    }
  }
}
