package org.linden.sync.serve;

/**
 * How much the request server puts in one response. The counts bound the work a single
 * request can cause; the byte budget is the spec's recommended 2 MiB soft limit: the server
 * stops adding items once a response has reached it, so a response exceeds it by at most one
 * item.
 *
 * @param maxHeaders headers per BlockHeaders response
 * @param maxBodies bodies per BlockBodies response (and hashes looked at per request)
 * @param maxReceipts block receipt lists per Receipts response (and hashes looked at)
 * @param maxPooledTransactions transactions per PooledTransactions response (and hashes looked at)
 * @param softResponseBytes the size after which no further item is added
 */
public record ServeLimits(int maxHeaders, int maxBodies, int maxReceipts, int maxPooledTransactions,
    int softResponseBytes) {
  /** The limits go-ethereum serves with: 1024 headers, bodies or receipt lists, 2 MiB. */
  public static final ServeLimits DEFAULT = new ServeLimits(1024, 1024, 1024, 4096, 2 * 1024 * 1024);

  public ServeLimits {
    if (maxHeaders <= 0 || maxBodies <= 0 || maxReceipts <= 0 || maxPooledTransactions <= 0
        || softResponseBytes <= 0) {
      throw new IllegalArgumentException("serve limits must be positive");
    }
  }
}
