package org.linden.consensus.qbft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Bytes;

/** Deterministic validator keys for tests, sorted by address like a {@link ValidatorSet}. */
final class TestKeys {
  private TestKeys() {}

  static List<PrivateKey> keys(int n, String salt) {
    List<PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(PrivateKey.of(Keccak.hash256(Bytes.wrap((salt + "-" + i).getBytes())).bytes()));
    }
    keys.sort(Comparator.comparing(PrivateKey::address));
    return keys;
  }

  static List<PrivateKey> keys(int n) {
    return keys(n, "validator");
  }

  static ValidatorSet validatorsOf(List<PrivateKey> keys) {
    return new ValidatorSet(keys.stream().map(PrivateKey::address).toList());
  }
}
