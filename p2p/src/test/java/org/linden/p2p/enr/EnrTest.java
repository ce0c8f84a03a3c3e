package org.linden.p2p.enr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.linden.crypto.PrivateKey;
import org.linden.p2p.enr.EnrException.Reason;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/** The example record of EIP-778 / devp2p enr.md, "Test Vectors". */
class EnrTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291");
  private static final String TEXT = "enr:-IS4QHCYrYZbAKWCBRlAy5zzaDZXJBGkcnh4MHcBFZntXNFrdvJjX04jRzjzCBOonrkTfj499SZuOh8R33Ls8RRcy5wBgmlkgnY0gmlwhH8AAAGJc2VjcDI1NmsxoQPKY0yuDUmstAHYpMa2_oxVtw0RW_QAdpzBQA8yWM0xOIN1ZHCCdl8";
  private static final String NODE_ID = "a448f24c6d18e575453db13171562b71999873db5b286df957af199ec94617f7";
  private static final String SIGNATURE = "7098ad865b00a582051940cb9cf36836572411a47278783077011599ed5cd16b"
      + "76f2635f4e234738f30813a89eb9137e3e3df5266e3a1f11df72ecf1145ccb9c";

  @Test
  void signingTheSpecExampleReproducesItExactly() throws Exception {
    Enr enr = Enr.builder().seq(1).ip(InetAddress.getByName("127.0.0.1")).udp(30303).sign(KEY);
    assertThat(enr.toText()).isEqualTo(TEXT);
    assertThat(enr.signature().toUnprefixedHex()).isEqualTo(SIGNATURE);
    assertThat(enr.nodeId().toString()).isEqualTo(NODE_ID);
  }

  @Test
  void decodingTheSpecExampleGivesItsFields() {
    Enr enr = Enr.fromText(TEXT);
    assertThat(enr.seq()).isEqualTo(1);
    assertThat(enr.nodeId().toString()).isEqualTo(NODE_ID);
    assertThat(enr.publicKey()).isEqualTo(KEY.publicKey());
    assertThat(enr.ip().orElseThrow().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(enr.udp().getAsInt()).isEqualTo(30303);
    assertThat(enr.udp6().getAsInt()).isEqualTo(30303);
    assertThat(enr.tcp()).isEmpty();
    assertThat(enr.ip6()).isEmpty();
    assertThat(enr.pairs().keySet()).containsExactly("id", "ip", "secp256k1", "udp");
    assertThat(enr.rawValue("secp256k1").orElseThrow().toUnprefixedHex())
        .isEqualTo("a103ca634cae0d49acb401d8a4c6b6fe8c55b70d115bf400769cc1400f3258cd3138");
    assertThat(enr.toText()).isEqualTo(TEXT);
    assertThat(Enr.decode(enr.encoded())).isEqualTo(enr);
  }

  @Test
  void specExampleAsEnode() {
    // No "tcp" pair: the node takes no TCP connections, so the enode has TCP port 0.
    assertThat(Enr.fromText(TEXT).toEnode().orElseThrow().toString())
        .isEqualTo("enode://" + KEY.publicKey().bytes().toUnprefixedHex() + "@127.0.0.1:0?discport=30303");
    assertThat(Enr.builder().sign(KEY).toEnode()).isEmpty();
  }

  @Test
  void roundTripsIpv6AndCustomKeys() throws Exception {
    Enr enr = Enr.builder().seq(7)
        .ip(InetAddress.getByName("10.1.2.3")).ip(InetAddress.getByName("::1"))
        .tcp(30303).udp(30301).tcp6(30304)
        .setRaw("eth", new RlpWriter().startList().startList().writeBytes(Bytes.fromHex("0xcafebabe"))
            .writeLong(0).endList().endList().toBytes())
        .sign(KEY);
    Enr back = Enr.fromText(enr.toText());
    assertThat(back.seq()).isEqualTo(7);
    assertThat(back.ip6().orElseThrow().getAddress()).hasSize(16);
    assertThat(back.tcp6().getAsInt()).isEqualTo(30304);
    assertThat(back.udp6().getAsInt()).isEqualTo(30301);
    assertThat(back.pairs().firstKey()).isEqualTo("eth");
  }

  @Test
  void rejectsTamperedContent() {
    Bytes encoded = Enr.fromText(TEXT).encoded();
    byte[] b = encoded.toArray();
    // The last byte is the low byte of the UDP port 0x765f.
    b[b.length - 1] ^= 1;
    assertThatThrownBy(() -> Enr.decode(Bytes.wrap(b)))
        .isInstanceOf(EnrException.class)
        .extracting(e -> ((EnrException) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsUnsortedOrDuplicateKeys() {
    // Re-encode the example with "udp" placed before "secp256k1".
    Enr enr = Enr.fromText(TEXT);
    RlpWriter w = new RlpWriter().startList().writeBytes(enr.signature()).writeLong(1);
    for (String k : new String[] {"id", "ip", "udp", "secp256k1"}) {
      w.writeBytes(Bytes.wrap(k.getBytes())).writeRaw(enr.pairs().get(k));
    }
    assertReason(w.endList().toBytes(), Reason.UNSORTED_KEYS);
  }

  @Test
  void rejectsRecordsOverThreeHundredBytes() {
    assertThatThrownBy(() -> Enr.builder().set("big", Bytes.wrap(new byte[250])).sign(KEY))
        .isInstanceOf(EnrException.class)
        .extracting(e -> ((EnrException) e).reason()).isEqualTo(Reason.TOO_LARGE);
    assertReason(new RlpWriter().writeBytes(Bytes.wrap(new byte[300])).toBytes(), Reason.TOO_LARGE);
  }

  @Test
  void rejectsOtherSchemesAndMalformedInput() {
    assertReason(Bytes.fromHex("0x01"), Reason.MALFORMED);
    assertReason(Bytes.fromHex("0xc0"), Reason.MALFORMED);
    assertThatThrownBy(() -> Enr.fromText("enr:***"))
        .isInstanceOf(EnrException.class).hasMessageContaining("base64");
    assertThatThrownBy(() -> Enr.fromText("-IS4QHCY"))
        .isInstanceOf(EnrException.class).hasMessageContaining("enr:");
    Bytes noId = new RlpWriter().startList().writeBytes(Bytes.wrap(new byte[64])).writeLong(1)
        .writeBytes(Bytes.wrap("id".getBytes())).writeBytes(Bytes.wrap("v5".getBytes())).endList().toBytes();
    assertReason(noId, Reason.UNKNOWN_SCHEME);
  }

  @Test
  void specExampleHasTheDocumentedRlpStructure() {
    RlpReader r = RlpReader.of(Enr.fromText(TEXT).encoded()).readList();
    assertThat(r.readBytes().toUnprefixedHex()).isEqualTo(SIGNATURE);
    assertThat(r.readLong()).isEqualTo(1);
  }

  @Test
  void mutatedRecordsOnlyEverFailWithEnrException() {
    java.util.Random random = new java.util.Random(7);
    byte[] original = Enr.fromText(TEXT).encoded().toArray();
    for (int i = 0; i < 2000; i++) {
      byte[] b = java.util.Arrays.copyOf(original, random.nextInt(original.length + 8));
      for (int f = random.nextInt(3); f >= 0 && b.length > 0; f--) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      try {
        Enr.decode(Bytes.wrap(b));
      } catch (EnrException expected) {
        // Rejections are fine; anything else would escape a discovery receive loop.
      }
    }
  }

  private static void assertReason(Bytes encoded, Reason reason) {
    assertThatThrownBy(() -> Enr.decode(encoded))
        .isInstanceOf(EnrException.class)
        .extracting(e -> ((EnrException) e).reason()).isEqualTo(reason);
  }
}
