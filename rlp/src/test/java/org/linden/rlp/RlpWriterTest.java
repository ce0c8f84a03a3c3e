package org.linden.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

class RlpWriterTest {
  @Test
  void encodesIntegersMinimally() {
    assertThat(new RlpWriter().writeLong(0).toBytes()).isEqualTo(Bytes.fromHex("80"));
    assertThat(new RlpWriter().writeLong(15).toBytes()).isEqualTo(Bytes.fromHex("0f"));
    assertThat(new RlpWriter().writeLong(1024).toBytes()).isEqualTo(Bytes.fromHex("820400"));
    assertThat(new RlpWriter().writeUnsignedLong(-1L).toBytes()).isEqualTo(Bytes.fromHex("88ffffffffffffffff"));
    assertThat(new RlpWriter().writeBigInteger(BigInteger.ONE.shiftLeft(64)).toBytes())
        .isEqualTo(Bytes.fromHex("89010000000000000000"));
    assertThat(new RlpWriter().writeUInt256(UInt256.ZERO).toBytes()).isEqualTo(Bytes.fromHex("80"));
    assertThat(new RlpWriter().writeUInt256(UInt256.valueOf(0x80)).toBytes()).isEqualTo(Bytes.fromHex("8180"));
    assertThatThrownBy(() -> new RlpWriter().writeLong(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodesLongStringsAndLists() {
    Bytes s56 = Bytes.wrap(new byte[56]);
    assertThat(new RlpWriter().writeBytes(s56).toBytes().slice(0, 2)).isEqualTo(Bytes.fromHex("b838"));
    Bytes s1024 = Bytes.wrap(new byte[1024]);
    assertThat(new RlpWriter().writeBytes(s1024).toBytes().slice(0, 3)).isEqualTo(Bytes.fromHex("b90400"));
    RlpWriter w = new RlpWriter(1).startList();
    for (int i = 0; i < 60; i++) {
      w.writeLong(1);
    }
    Bytes list = w.endList().toBytes();
    assertThat(list.slice(0, 2)).isEqualTo(Bytes.fromHex("f83c"));
    assertThat(list.size()).isEqualTo(62);
  }

  @Test
  void unbalancedListsAreRejected() {
    assertThatThrownBy(() -> new RlpWriter().startList().toBytes()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new RlpWriter().endList()).isInstanceOf(IllegalStateException.class);
  }

  /** Random trees survive encode → decode → encode unchanged. */
  @Test
  void randomTreesRoundTrip() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      RlpItem tree = randomItem(random, 0);
      Bytes encoded = RlpItem.encode(tree);
      assertThat(RlpItem.decode(encoded)).isEqualTo(tree);
    }
  }

  private static RlpItem randomItem(Random random, int depth) {
    if (depth < 4 && random.nextInt(3) == 0) {
      List<RlpItem> items = new ArrayList<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        items.add(randomItem(random, depth + 1));
      }
      return new RlpItem.RlpList(items);
    }
    int len = switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> random.nextInt(56);
      default -> 56 + random.nextInt(2000);
    };
    byte[] b = new byte[len];
    random.nextBytes(b);
    return new RlpItem.RlpString(Bytes.wrap(b));
  }
}
