package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class RecoveredSendersTest {
  private static Hash hash(int i) {
    byte[] b = new byte[32];
    b[0] = (byte) (i >> 8);
    b[31] = (byte) i;
    return Hash.wrap(b);
  }

  private static Signature sig(int i, int recoveryId) {
    return new Signature(UInt256.valueOf(1000 + i), UInt256.valueOf(2000 + i), recoveryId);
  }

  @Test
  void aHitNeedsTheSameSigningHashAndTheSameSignature() {
    RecoveredSenders cache = new RecoveredSenders(100);
    cache.put(hash(1), sig(1, 0), Address.fromNumber(1));
    assertThat(cache.get(hash(1), sig(1, 0))).isEqualTo(Address.fromNumber(1));
    assertThat(cache.get(hash(1), sig(1, 1))).isNull();
    assertThat(cache.get(hash(1), sig(2, 0))).isNull();
    assertThat(cache.get(hash(2), sig(1, 0))).isNull();
  }

  @Test
  void twoGenerationsBoundTheEntriesAndARecentHitSurvives() {
    RecoveredSenders cache = new RecoveredSenders(10);
    for (int i = 0; i < 11; i++) { // the 11th overflows the young generation: it becomes the old one
      cache.put(hash(i), sig(i, 0), Address.fromNumber(i));
    }
    cache.get(hash(0), sig(0, 0)); // a hit in the old generation moves it back to the young one
    for (int i = 11; i < 22; i++) { // the young generation fills again: the old one is dropped
      cache.put(hash(i), sig(i, 0), Address.fromNumber(i));
    }
    assertThat(cache.get(hash(0), sig(0, 0))).isEqualTo(Address.fromNumber(0));
    assertThat(cache.get(hash(5), sig(5, 0))).isNull();
    assertThat(cache.get(hash(21), sig(21, 0))).isEqualTo(Address.fromNumber(21));
  }
}
