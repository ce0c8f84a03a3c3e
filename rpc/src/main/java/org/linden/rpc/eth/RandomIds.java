package org.linden.rpc.eth;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.linden.rpc.Quantity;

/**
 * Identifiers of filters and subscriptions: 128 random bits written as a quantity, as
 * geth makes them. Random rather than counted so that one client cannot guess, poll or
 * cancel another client's filter.
 */
final class RandomIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  static String next() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Quantity.of(new BigInteger(1, b));
  }
}
