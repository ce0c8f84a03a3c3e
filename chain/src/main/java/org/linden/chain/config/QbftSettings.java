package org.linden.chain.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The {@code qbft} section of a genesis config: how often blocks come, when pending
 * validator votes are forgotten, how long round 0 waits for a proposal, and whether a
 * block is made when there are no transactions.
 *
 * @param blockPeriodSeconds minimum seconds between a block and its parent
 * @param epochLength every block whose number is a multiple of it drops the pending votes
 * @param requestTimeoutSeconds round 0's timeout; later rounds double it
 * @param createEmptyBlocks false: the proposer waits for a transaction before proposing
 */
public record QbftSettings(long blockPeriodSeconds, long epochLength, long requestTimeoutSeconds,
    boolean createEmptyBlocks) {
  /** The section's name in the genesis config. */
  public static final String SECTION = "qbft";

  public QbftSettings {
    if (blockPeriodSeconds < 1 || epochLength < 1 || requestTimeoutSeconds < 1) {
      throw new IllegalArgumentException("qbft: block period, epoch length and request timeout must be at least 1");
    }
  }

  /** The chain's QBFT settings, if its config has a {@code qbft} section. */
  public static Optional<QbftSettings> of(ChainConfig config) {
    String raw = config.sections().get(SECTION);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Json.parse(raw, "config.qbft")));
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static QbftSettings parse(JsonNode node) throws InvalidConfigException {
    if (!node.isObject()) {
      throw new InvalidConfigException("config.qbft: expected an object");
    }
    return new QbftSettings(number(node, "blockperiodseconds", 1), number(node, "epochlength", 30_000),
        number(node, "requesttimeoutseconds", 10),
        !node.has("createemptyblocks") || node.get("createemptyblocks").asBoolean(true));
  }

  private static long number(JsonNode node, String key, long fallback) throws InvalidConfigException {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.canConvertToLong()) {
      throw new InvalidConfigException("config.qbft." + key + ": expected a number");
    }
    return v.asLong();
  }
}
