package org.linden.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.crypto.PrivateKey;

class HeaderVerificationTest {
  private static final List<PrivateKey> FOUR = SyntheticChain.keys(1, 4);

  /** Every 100 blocks one validator of seven is replaced, so after 700 blocks none of the first set is left. */
  private static List<PrivateKey> rotating(long n) {
    int shift = (int) (n / 100);
    return SyntheticChain.keys(1 + shift, 7);
  }

  @Test
  void skipsToTheHeadWithoutFetchingEveryHeader() {
    SyntheticChain chain = new SyntheticChain(n -> FOUR, 2_000, 0);
    LightHarness light = new LightHarness(chain.header(0), null, chain);
    assertThat(light.headers.refreshHead()).isEqualTo(chain.header(2_000));
    assertThat(light.headers.headersFetched()).isEqualTo(1);
  }

  @Test
  void followsValidatorChangesByBisection() {
    SyntheticChain chain = new SyntheticChain(HeaderVerificationTest::rotating, 1_000, 0);
    LightHarness light = new LightHarness(chain.header(0), null, chain);
    assertThat(light.headers.refreshHead()).isEqualTo(chain.header(1_000));
    assertThat(light.headers.headersFetched()).isGreaterThan(3).isLessThan(200);
    assertThat(light.result("eth_blockNumber").asText()).isEqualTo("0x3e8");
  }

  @Test
  void refusesAHeaderSealedByASetLackingAThirdOfTheTrustedValidators() {
    // From block 1 on, four strangers seal: their own quorum, but none of the trusted set.
    SyntheticChain chain = new SyntheticChain(n -> n == 0 ? FOUR : SyntheticChain.keys(50, 4), 10, 0);
    LightHarness light = new LightHarness(chain.header(0), null, chain);
    assertThatThrownBy(() -> light.headers.refreshHead()).isInstanceOf(VerificationException.class)
        .hasMessageContaining("block 1 is sealed by 0 of the 4 trusted validators, not more than a third");
    assertThat(light.error("eth_getBalance", SyntheticChain.RICH.toHex(), "latest")).contains("not verified");
  }

  @Test
  void oneTrustedSealerOfFourIsNotEnoughButTwoAre() {
    List<PrivateKey> oneOld = new ArrayList<>(SyntheticChain.keys(60, 3));
    oneOld.add(FOUR.get(0));
    SyntheticChain weak = new SyntheticChain(n -> n == 0 ? FOUR : oneOld, 3, 0);
    assertThat(SkipRule.check(weak.header(0), weak.header(1))).isInstanceOf(SkipRule.Rejected.class);
    assertThat(SkipRule.check(weak.header(0), weak.header(3))).isInstanceOf(SkipRule.Bisect.class);

    List<PrivateKey> twoOld = new ArrayList<>(SyntheticChain.keys(60, 2));
    twoOld.addAll(FOUR.subList(0, 2));
    SyntheticChain strong = new SyntheticChain(n -> n == 0 ? FOUR : twoOld, 3, 0);
    assertThat(SkipRule.check(strong.header(0), strong.header(3))).isInstanceOf(SkipRule.Accepted.class);
  }

  @Test
  void aHeaderWithTooFewSealsOfItsOwnSetIsRejected() {
    SyntheticChain chain = new SyntheticChain(n -> FOUR, 5, 0);
    var unsealed = SyntheticChain.seal(chain.header(5), FOUR.subList(0, 2));
    assertThat(SkipRule.check(chain.header(0), unsealed)).isInstanceOf(SkipRule.Rejected.class);
  }

  @Test
  void restartResumesFromThePersistedHead(@TempDir Path dir) {
    SyntheticChain chain = new SyntheticChain(HeaderVerificationTest::rotating, 800, 0);
    LightHarness first = new LightHarness(chain.header(0), dir, chain);
    first.headers.refreshHead();
    LightHarness second = new LightHarness(chain.header(0), dir, chain);
    assertThat(second.headers.head()).isEqualTo(chain.header(800));
    assertThat(second.headers.headersFetched()).isZero();
    // Another anchor ignores what the first one verified.
    SyntheticChain other = new SyntheticChain(n -> SyntheticChain.keys(70, 4), 3, 0);
    assertThat(new LightHarness(other.header(0), dir, other).headers.head()).isEqualTo(other.header(0));
  }

  @Test
  void aCheckpointMustHashToTheGivenHash() {
    SyntheticChain chain = new SyntheticChain(n -> FOUR, 20, 0);
    UpstreamPool pool = new UpstreamPool(List.of(chain));
    assertThat(HeaderChain.fetchCheckpoint(pool, chain.header(10).hash())).isEqualTo(chain.header(10));
    Upstream liar = new LyingUpstream(chain, (m, r) -> {
      ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("gasUsed", "0x1");
      return r;
    });
    assertThatThrownBy(() -> HeaderChain.fetchCheckpoint(new UpstreamPool(List.of(liar)), chain.header(10).hash()))
        .isInstanceOf(VerificationException.class).hasMessageContaining("hashes to");
  }
}
