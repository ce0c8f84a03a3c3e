package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.LogsBloom;
import org.linden.evm.Log;
import org.linden.rpc.BlockParameter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/** {@link LogFilter} matching of logs, of blooms (which lets queries skip blocks) and of live block bounds. */
class FilterMatchingTest {
  private static final Address A = Address.fromNumber(0xa);
  private static final Address B = Address.fromNumber(0xb);
  private static final Hash T1 = Hash.fromHex("0x" + "01".repeat(32));
  private static final Hash T2 = Hash.fromHex("0x" + "02".repeat(32));
  private static final Hash T3 = Hash.fromHex("0x" + "03".repeat(32));
  private static final Log LOG = new Log(A, List.of(T1, T2), Bytes.EMPTY);
  private static final LogsBloom BLOOM = LogsBloom.of(List.of(LOG));

  private static LogFilter filter(Set<Address> addresses, List<Set<Hash>> topics) {
    return new LogFilter(null, null, null, addresses, topics);
  }

  @Test
  void logMatching() {
    assertThat(filter(Set.of(), List.of()).matches(LOG)).isTrue();
    assertThat(filter(Set.of(A, B), List.of()).matches(LOG)).isTrue();
    assertThat(filter(Set.of(B), List.of()).matches(LOG)).isFalse();
    assertThat(filter(Set.of(), List.of(Set.of(), Set.of(T3, T2))).matches(LOG)).isTrue();
    assertThat(filter(Set.of(), List.of(Set.of(T2))).matches(LOG)).isFalse();
    assertThat(filter(Set.of(), List.of(Set.of(), Set.of(), Set.of())).matches(LOG)).isFalse();
  }

  @Test
  void bloomMatchingNeverMissesAMatchAndRulesOutAbsentEntries() {
    assertThat(filter(Set.of(), List.of()).mightMatch(BLOOM)).isTrue();
    assertThat(filter(Set.of(A), List.of(Set.of(T1), Set.of(T3, T2))).mightMatch(BLOOM)).isTrue();
    assertThat(filter(Set.of(B, A), List.of()).mightMatch(BLOOM)).isTrue();
    assertThat(filter(Set.of(B), List.of()).mightMatch(BLOOM)).isFalse();
    assertThat(filter(Set.of(), List.of(Set.of(), Set.of(T3))).mightMatch(BLOOM)).isFalse();
    assertThat(filter(Set.of(A), List.of()).mightMatch(LogsBloom.EMPTY)).isFalse();
    assertThat(filter(Set.of(), List.of()).mightMatch(LogsBloom.EMPTY)).isTrue();
  }

  @Test
  void liveBlockBounds() {
    LogFilter range = new LogFilter(new BlockParameter.Number(3), new BlockParameter.Number(5), null, Set.of(),
        List.of());
    assertThat(range.acceptsBlock(2, Hash.ZERO)).isFalse();
    assertThat(range.acceptsBlock(3, Hash.ZERO)).isTrue();
    assertThat(range.acceptsBlock(5, Hash.ZERO)).isTrue();
    assertThat(range.acceptsBlock(6, Hash.ZERO)).isFalse();
    LogFilter tags = LogFilter.all(BlockParameter.Tag.EARLIEST, BlockParameter.Tag.LATEST);
    assertThat(tags.acceptsBlock(1_000_000, Hash.ZERO)).isTrue();
    LogFilter oneBlock = new LogFilter(null, null, T1, Set.of(), List.of());
    assertThat(oneBlock.acceptsBlock(1, T1)).isTrue();
    assertThat(oneBlock.acceptsBlock(1, T2)).isFalse();
  }
}
