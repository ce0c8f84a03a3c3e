package org.linden.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.types.Hash;

class RecentlyDecodedTest {
  private final List<Hash> loads = new ArrayList<>();

  private static Hash hash(int i) {
    byte[] b = new byte[32];
    b[31] = (byte) i;
    return Hash.wrap(b);
  }

  /** A "decoded" value of weight {@code w}: a string of w characters. */
  private String load(Hash h, int w) {
    loads.add(h);
    return "x".repeat(w);
  }

  @Test
  void aHeldValueIsNotDecodedAgain() {
    RecentlyDecoded<String> cache = new RecentlyDecoded<>(100, String::length);
    String first = cache.get(hash(1), h -> load(h, 10));
    String second = cache.get(hash(1), h -> load(h, 10));
    assertThat(second).isSameAs(first);
    assertThat(loads).containsExactly(hash(1));
  }

  @Test
  void theLeastRecentlyUsedGoFirstWhenTheWeightIsExceeded() {
    RecentlyDecoded<String> cache = new RecentlyDecoded<>(100, String::length);
    cache.get(hash(1), h -> load(h, 40));
    cache.get(hash(2), h -> load(h, 40));
    cache.get(hash(1), h -> load(h, 40)); // 1 is now the most recent
    cache.get(hash(3), h -> load(h, 40)); // 120 > 100: 2 goes
    assertThat(cache.weight()).isEqualTo(80);
    assertThat(cache.size()).isEqualTo(2);
    loads.clear();
    cache.get(hash(1), h -> load(h, 40));
    cache.get(hash(3), h -> load(h, 40));
    assertThat(loads).isEmpty();
    cache.get(hash(2), h -> load(h, 40));
    assertThat(loads).containsExactly(hash(2));
  }

  @Test
  void aValueHeavierThanTheWholeBoundIsReturnedButNotKept() {
    RecentlyDecoded<String> cache = new RecentlyDecoded<>(100, String::length);
    cache.get(hash(1), h -> load(h, 10));
    assertThat(cache.get(hash(2), h -> load(h, 101))).hasSize(101);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.weight()).isEqualTo(10);
  }

  @Test
  void anAbsentValueIsNotRemembered() {
    RecentlyDecoded<String> cache = new RecentlyDecoded<>(100, String::length);
    assertThat(cache.get(hash(1), h -> null)).isNull();
    assertThat(cache.get(hash(1), h -> load(h, 5))).isEqualTo("xxxxx");
    assertThat(cache.size()).isEqualTo(1);
  }
}
