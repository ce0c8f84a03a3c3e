package org.linden.consensus.qbft;

/**
 * Engine settings.
 *
 * @param baseTimeoutMillis round 0's timeout; round r waits base × 2^r so that validators
 *     whose clocks or views drifted apart eventually spend long enough in one common round
 * @param blockPeriodMillis how long round 0's proposer waits after the previous block before proposing
 * @param maxBackoffExponent caps the exponent so the timeout cannot overflow
 * @param futureHeightWindow how many heights ahead messages are buffered rather than dropped
 * @param roundWindow how many rounds ahead of the current one messages are kept
 * @param maxFutureMessages bound on the buffer of future-height messages, against flooding
 */
public record QbftConfig(
    long baseTimeoutMillis, long blockPeriodMillis, int maxBackoffExponent, int futureHeightWindow, int roundWindow, int maxFutureMessages) {
  public QbftConfig {
    if (baseTimeoutMillis <= 0 || blockPeriodMillis < 0 || maxBackoffExponent < 0 || maxBackoffExponent > 30 || futureHeightWindow < 0
        || roundWindow < 0 || maxFutureMessages < 0) {
      throw new IllegalArgumentException("invalid QBFT configuration");
    }
  }

  public static QbftConfig defaults() {
    return new QbftConfig(10_000, 1_000, 16, 10, 20, 1_000);
  }

  /** The timeout of {@code round}: base × 2^round, with the exponent capped. */
  public long roundTimeout(int round) {
    return baseTimeoutMillis << Math.min(round, maxBackoffExponent);
  }
}
