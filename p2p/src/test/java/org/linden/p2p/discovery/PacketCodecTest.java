package org.linden.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.p2p.discovery.DiscoveryException.Reason;
import org.linden.p2p.discovery.Message.EnrRequest;
import org.linden.p2p.discovery.Message.EnrResponse;
import org.linden.p2p.discovery.Message.FindNode;
import org.linden.p2p.discovery.Message.Neighbors;
import org.linden.p2p.discovery.Message.Ping;
import org.linden.p2p.discovery.Message.Pong;
import org.linden.p2p.enr.Enr;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The discovery packets of EIP-8's "Test Vectors" (also listed in devp2p discv4.md),
 * signed with the key below, plus the rejection paths.
 */
class PacketCodecTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291");
  private static final String SENDER = "ca634cae0d49acb401d8a4c6b6fe8c55b70d115bf400769cc1400f3258cd3138"
      + "7574077f301b421bc84df7266c44e9e6d569fc56be00812904767bf5ccd1fc7f";
  private static final long EXPIRATION = 1136239445L;
  /** A clock just before the vectors' expiration time, so they are still valid. */
  private static final PacketCodec CODEC =
      new PacketCodec(Clock.fixed(Instant.ofEpochSecond(EXPIRATION - 10), ZoneOffset.UTC));

  private static final String PING_V4 = """
      e9614ccfd9fc3e74360018522d30e1419a143407ffcce748de3e22116b7e8dc92ff74788c0b6663a
      aa3d67d641936511c8f8d6ad8698b820a7cf9e1be7155e9a241f556658c55428ec0563514365799a
      4be2be5a685a80971ddcfa80cb422cdd0101ec04cb847f000001820cfa8215a8d790000000000000
      000000000000000000018208ae820d058443b9a3550102""";
  private static final String PING_V555 = """
      577be4349c4dd26768081f58de4c6f375a7a22f3f7adda654d1428637412c3d7fe917cadc56d4e5e
      7ffae1dbe3efffb9849feb71b262de37977e7c7a44e677295680e9e38ab26bee2fcbae207fba3ff3
      d74069a50b902a82c9903ed37cc993c50001f83e82022bd79020010db83c4d001500000000abcdef
      12820cfa8215a8d79020010db885a308d313198a2e037073488208ae82823a8443b9a355c5010203
      040531b9019afde696e582a78fa8d95ea13ce3297d4afb8ba6433e4154caa5ac6431af1b80ba7602
      3fa4090c408f6b4bc3701562c031041d4702971d102c9ab7fa5eed4cd6bab8f7af956f7d565ee191
      7084a95398b6a21eac920fe3dd1345ec0a7ef39367ee69ddf092cbfe5b93e5e568ebc491983c09c7
      6d922dc3""";
  private static final String PONG = """
      09b2428d83348d27cdf7064ad9024f526cebc19e4958f0fdad87c15eb598dd61d08423e0bf66b206
      9869e1724125f820d851c136684082774f870e614d95a2855d000f05d1648b2d5945470bc187c2d2
      216fbe870f43ed0909009882e176a46b0102f846d79020010db885a308d313198a2e037073488208
      ae82823aa0fbc914b16819237dcd8801d7e53f69e9719adecb3cc0e790c57e91ca4461c9548443b9
      a355c6010203c2040506a0c969a58f6f9095004c0177a6b47f451530cab38966a25cca5cb58f0555
      42124e""";
  private static final String FINDNODE = """
      c7c44041b9f7c7e41934417ebac9a8e1a4c6298f74553f2fcfdcae6ed6fe53163eb3d2b52e39fe91
      831b8a927bf4fc222c3902202027e5e9eb812195f95d20061ef5cd31d502e47ecb61183f74a504fe
      04c51e73df81f25c4d506b26db4517490103f84eb840ca634cae0d49acb401d8a4c6b6fe8c55b70d
      115bf400769cc1400f3258cd31387574077f301b421bc84df7266c44e9e6d569fc56be0081290476
      7bf5ccd1fc7f8443b9a35582999983999999280dc62cc8255c73471e0a61da0c89acdc0e035e260a
      dd7fc0c04ad9ebf3919644c91cb247affc82b69bd2ca235c71eab8e49737c937a2c396""";
  private static final String NEIGHBORS = """
      c679fc8fe0b8b12f06577f2e802d34f6fa257e6137a995f6f4cbfc9ee50ed3710faf6e66f932c4c8
      d81d64343f429651328758b47d3dbc02c4042f0fff6946a50f4a49037a72bb550f3a7872363a83e1
      b9ee6469856c24eb4ef80b7535bcf99c0004f9015bf90150f84d846321163782115c82115db84031
      55e1427f85f10a5c9a7755877748041af1bcd8d474ec065eb33df57a97babf54bfd2103575fa8291
      15d224c523596b401065a97f74010610fce76382c0bf32f84984010203040101b840312c55512422
      cf9b8a4097e9a6ad79402e87a15ae909a4bfefa22398f03d20951933beea1e4dfa6f968212385e82
      9f04c2d314fc2d4e255e0d3bc08792b069dbf8599020010db83c4d001500000000abcdef12820d05
      820d05b84038643200b172dcfef857492156971f0e6aa2c538d8b74010f8e140811d53b98c765dd2
      d96126051913f44582e8c199ad7c6d6819e9a56483f637feaac9448aacf8599020010db885a308d3
      13198a2e037073488203e78203e8b8408dcab8618c3253b558d459da53bd8fa68935a719aff8b811
      197101a4b2b47dd2d47295286fc00cc081bb542d760717d1bdd6bec2c37cd72eca367d6dd3b9df73
      8443b9a355010203b525a138aa34383fec3d2719a0""";

  private static Bytes hex(String s) {
    return Bytes.fromHex(s.replaceAll("\\s", ""));
  }

  private static Endpoint ep(String ip, int udp, int tcp) throws Exception {
    return new Endpoint(InetAddress.getByName(ip), udp, tcp);
  }

  private static Packet decode(String vector) {
    Packet p = CODEC.decode(hex(vector));
    assertThat(p.sender().bytes().toUnprefixedHex()).isEqualTo(SENDER);
    assertThat(p.hash().bytes()).isEqualTo(hex(vector).slice(0, 32));
    return p;
  }

  @Test
  void pingVersion4WithExtraElements() throws Exception {
    Ping ping = (Ping) decode(PING_V4).message();
    // The first extra element, 0x01, sits where EIP-868 later put enr-seq.
    assertThat(ping).isEqualTo(new Ping(4, ep("127.0.0.1", 3322, 5544), ep("::1", 2222, 3333),
        EXPIRATION, OptionalLong.of(1)));
  }

  @Test
  void pingVersion555WithExtraElementsAndTrailingData() throws Exception {
    Ping ping = (Ping) decode(PING_V555).message();
    assertThat(ping).isEqualTo(new Ping(555, ep("2001:db8:3c4d:15::abcd:ef12", 3322, 5544),
        ep("2001:db8:85a3:8d3:1319:8a2e:370:7348", 2222, 33338), EXPIRATION, OptionalLong.empty()));
  }

  @Test
  void pongWithExtraElementsAndTrailingData() throws Exception {
    Pong pong = (Pong) decode(PONG).message();
    assertThat(pong).isEqualTo(new Pong(ep("2001:db8:85a3:8d3:1319:8a2e:370:7348", 2222, 33338),
        Hash.fromHex("fbc914b16819237dcd8801d7e53f69e9719adecb3cc0e790c57e91ca4461c954"),
        EXPIRATION, OptionalLong.empty()));
  }

  @Test
  void findNodeWithExtraElementsAndTrailingData() {
    FindNode f = (FindNode) decode(FINDNODE).message();
    assertThat(f).isEqualTo(new FindNode(new PublicKey(Bytes.fromHex(SENDER)), EXPIRATION));
  }

  @Test
  void neighborsWithExtraElementsAndTrailingData() throws Exception {
    Neighbors n = (Neighbors) decode(NEIGHBORS).message();
    assertThat(n.expiration()).isEqualTo(EXPIRATION);
    assertThat(n.nodes()).containsExactly(
        node("3155e1427f85f10a5c9a7755877748041af1bcd8d474ec065eb33df57a97babf54bfd2103575fa829115d224c523596b401065a97f74010610fce76382c0bf32",
            ep("99.33.22.55", 4444, 4445)),
        node("312c55512422cf9b8a4097e9a6ad79402e87a15ae909a4bfefa22398f03d20951933beea1e4dfa6f968212385e829f04c2d314fc2d4e255e0d3bc08792b069db",
            ep("1.2.3.4", 1, 1)),
        node("38643200b172dcfef857492156971f0e6aa2c538d8b74010f8e140811d53b98c765dd2d96126051913f44582e8c199ad7c6d6819e9a56483f637feaac9448aac",
            ep("2001:db8:3c4d:15::abcd:ef12", 3333, 3333)),
        node("8dcab8618c3253b558d459da53bd8fa68935a719aff8b811197101a4b2b47dd2d47295286fc00cc081bb542d760717d1bdd6bec2c37cd72eca367d6dd3b9df73",
            ep("2001:db8:85a3:8d3:1319:8a2e:370:7348", 999, 1000)));
  }

  private static Node node(String key, Endpoint ep) {
    return Node.of(new PublicKey(Bytes.fromHex(key)), ep);
  }

  @Test
  void encodingIsByteExact() throws Exception {
    // go-ethereum's v4wire test vector for a plain version-4 ping, signed with the same key.
    // Its signature used another nonce, so compare what the signature covers, and check that
    // the vector decodes to the very message we encoded.
    Bytes expected = hex("""
        71dbda3a79554728d4f94411e42ee1f8b0d561c10e1e5f5893367948c6a7d70bb87b235fa28a77070271b6c164a2dce8
        c7e13a5739b53b5e96f2e5acb0e458a02902f5965d55ecbeb2ebb6cabb8b2b232896a36b737666c55265ad0a68412f25
        0001ea04cb847f000001820cfa8215a8d790000000000000000000000000000000018208ae820d058443b9a355""");
    Ping ping = new Ping(4, ep("127.0.0.1", 3322, 5544), ep("::1", 2222, 3333), EXPIRATION, OptionalLong.empty());
    Packet p = PacketCodec.encode(ping, KEY);
    assertThat(p.bytes().slice(97)).isEqualTo(expected.slice(97));
    Packet theirs = CODEC.decode(expected);
    assertThat(theirs.message()).isEqualTo(ping);
    assertThat(theirs.sender()).isEqualTo(KEY.publicKey());
  }

  @Test
  void everyMessageTypeRoundTrips() throws Exception {
    Enr enr = Enr.builder().seq(3).ip(InetAddress.getByName("127.0.0.1")).udp(30303).sign(KEY);
    Hash h = Hash.fromHex("fbc914b16819237dcd8801d7e53f69e9719adecb3cc0e790c57e91ca4461c954");
    List<Message> messages = List.of(
        new Ping(Ping.VERSION, ep("127.0.0.1", 30303, 30303), ep("10.0.0.1", 30301, 0), EXPIRATION, OptionalLong.of(3)),
        new Ping(Ping.VERSION, ep("::1", 1, 2), ep("10.0.0.1", 3, 0), EXPIRATION, OptionalLong.empty()),
        new Pong(ep("10.0.0.1", 30301, 0), h, EXPIRATION, OptionalLong.of(Long.MAX_VALUE)),
        new FindNode(KEY.publicKey(), EXPIRATION),
        new Neighbors(List.of(Node.of(KEY.publicKey(), ep("1.2.3.4", 5, 6))), EXPIRATION),
        new Neighbors(List.of(), EXPIRATION),
        new EnrRequest(EXPIRATION),
        new EnrResponse(h, enr));
    for (Message m : messages) {
      Packet sent = PacketCodec.encode(m, KEY);
      Packet received = CODEC.decode(sent.bytes());
      assertThat(received.message()).isEqualTo(m);
      assertThat(received.hash()).isEqualTo(sent.hash());
      assertThat(received.sender()).isEqualTo(KEY.publicKey());
      assertThat(received.senderId()).isEqualTo(enr.nodeId());
    }
    Packet response = CODEC.decode(PacketCodec.encode(new EnrResponse(h, enr), KEY).bytes());
    assertThat(response.enrMatchesSender()).isTrue();
    Packet other = CODEC.decode(PacketCodec.encode(new EnrResponse(h, enr), PrivateKey.random()).bytes());
    assertThat(other.enrMatchesSender()).isFalse();
  }

  @Test
  void maxNeighborsFitInOnePacketAndSixteenDoNot() throws Exception {
    List<Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      nodes.add(Node.of(PrivateKey.random().publicKey(), ep("2001:db8::" + (i + 1), 65535, 65535)));
    }
    Packet p = PacketCodec.encode(new Neighbors(nodes.subList(0, Neighbors.MAX_NODES), ~0L), KEY);
    assertThat(p.bytes().size()).isLessThanOrEqualTo(PacketCodec.MAX_PACKET_SIZE);
    assertThatThrownBy(() -> PacketCodec.encode(new Neighbors(nodes, EXPIRATION), KEY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds 1280");
  }

  @Test
  void acceptsFixedWidthIntegersAsEthereumjsWritesThem() throws Exception {
    // ethereumjs writes every port as two bytes, so port 0 becomes 0x0000.
    Bytes data = new org.linden.rlp.RlpWriter().startList()
        .writeBytes(Bytes.fromHex("0x04"))
        .startList().writeBytes(Bytes.fromHex("0x7f000001")).writeBytes(Bytes.fromHex("0x765f"))
        .writeBytes(Bytes.fromHex("0x765f")).endList()
        .startList().writeBytes(Bytes.fromHex("0x7f000001")).writeBytes(Bytes.fromHex("0x0050"))
        .writeBytes(Bytes.fromHex("0x0000")).endList()
        .writeBytes(Bytes.fromHex("0x43b9a355"))
        .endList().toBytes();
    Ping ping = (Ping) CODEC.decode(signed(Ping.TYPE, data)).message();
    assertThat(ping).isEqualTo(new Ping(4, ep("127.0.0.1", 30303, 30303), ep("127.0.0.1", 80, 0),
        EXPIRATION, OptionalLong.empty()));
  }

  @Test
  void rejectsExpiredPackets() {
    PacketCodec late = new PacketCodec(Clock.fixed(Instant.ofEpochSecond(EXPIRATION + 1), ZoneOffset.UTC));
    assertReason(() -> late.decode(hex(PING_V4)), Reason.EXPIRED);
    // Without the clock check the same bytes are fine.
    assertThat(PacketCodec.decodeIgnoringExpiration(hex(PING_V4)).message()).isInstanceOf(Ping.class);
  }

  @Test
  void rejectsBadHash() {
    byte[] b = hex(PING_V4).toArray();
    b[0] ^= 1;
    assertReason(() -> CODEC.decode(Bytes.wrap(b)), Reason.BAD_HASH);
  }

  @Test
  void rejectsBadSignatureEvenWithARecomputedHash() {
    byte[] b = hex(PING_V4).toArray();
    b[32 + 64] = 7; // recovery id out of range
    assertReason(() -> CODEC.decode(rehash(b)), Reason.BAD_SIGNATURE);
    byte[] zero = hex(PING_V4).toArray();
    java.util.Arrays.fill(zero, 32, 64, (byte) 0); // r = 0
    assertReason(() -> CODEC.decode(rehash(zero)), Reason.BAD_SIGNATURE);
  }

  @Test
  void tamperedDataRecoversAnotherSender() {
    // A valid hash over altered data still decodes, but not as the original sender:
    // the recovered key is what authenticates a packet, the hash is only a framing check.
    byte[] b = hex(PING_V4).toArray();
    b[b.length - 1] ^= 1;
    Packet p = CODEC.decode(rehash(b));
    assertThat(p.sender().bytes().toUnprefixedHex()).isNotEqualTo(SENDER);
  }

  @Test
  void rejectsOversizedUndersizedUnknownAndMalformedPackets() {
    assertReason(() -> CODEC.decode(Bytes.wrap(new byte[1281])), Reason.TOO_LARGE);
    assertReason(() -> CODEC.decode(Bytes.wrap(new byte[97])), Reason.TOO_SMALL);
    assertReason(() -> CODEC.decode(signed(0x09, Bytes.fromHex("0xc0"))), Reason.UNKNOWN_TYPE);
    assertReason(() -> CODEC.decode(signed(Ping.TYPE, Bytes.fromHex("0xc0"))), Reason.MALFORMED);
    assertReason(() -> CODEC.decode(signed(Ping.TYPE, Bytes.fromHex("0x01"))), Reason.MALFORMED);
    assertReason(() -> CODEC.decode(signed(FindNode.TYPE, Bytes.fromHex("0xc3820102"))), Reason.MALFORMED);
    assertReason(() -> CODEC.decode(signed(EnrResponse.TYPE,
        Bytes.fromHex("0xe3a0" + "00".repeat(32) + "c0"))), Reason.MALFORMED);
  }

  @Test
  void randomAndMutatedInputOnlyEverFailsWithDiscoveryException() {
    Random random = new Random(42);
    List<Bytes> seeds = List.of(hex(PING_V4), hex(PING_V555), hex(PONG), hex(FINDNODE), hex(NEIGHBORS));
    for (int i = 0; i < 2000; i++) {
      byte[] b;
      if (i % 4 == 0) {
        b = new byte[random.nextInt(1400)];
        random.nextBytes(b);
      } else {
        b = seeds.get(random.nextInt(seeds.size())).toArray();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
          int at = 97 + random.nextInt(b.length - 97);
          b[at] = (byte) random.nextInt(256);
        }
        b = rehash(b).toArray();
      }
      try {
        CODEC.decode(Bytes.wrap(b));
      } catch (DiscoveryException expected) {
        // Any rejection is fine; any other exception would crash a receive loop.
      }
    }
  }

  /** Signs arbitrary packet data with the test key. */
  private static Bytes signed(int type, Bytes data) {
    Bytes typeAndData = Bytes.concat(Bytes.of((byte) type), data);
    var sig = org.linden.crypto.Secp256k1.sign(org.linden.crypto.Keccak.hash256(typeAndData), KEY);
    return rehash(Bytes.concat(Bytes.wrap(new byte[32]), sig.toBytes(), typeAndData).toArray());
  }

  /** Recomputes the leading hash so that only the property under test is broken. */
  private static Bytes rehash(byte[] b) {
    Bytes rest = Bytes.copyOf(b, 32, b.length - 32);
    return Bytes.concat(org.linden.crypto.Keccak.hash256(rest).bytes(), rest);
  }

  private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(DiscoveryException.class)
        .extracting(e -> ((DiscoveryException) e).reason()).isEqualTo(reason);
  }
}
