package org.linden.sync.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.TransactionType;
import org.linden.sync.eth.SampleMessages.Sample;
import org.linden.types.Bytes;

/** Every message survives encode → decode unchanged, and decoding refuses what the spec does not allow. */
class EthMessageRoundTripTest {
  @Test
  void everyMessageRoundTrips() throws Exception {
    List<Sample> samples = SampleMessages.all();
    for (Sample s : samples) {
      Bytes encoded = s.message().encode();
      EthMessage back = EthCodec.decode(s.version(), s.message().code(), encoded);
      assertThat(back).as("%s in %s", s.message().name(), s.version()).isEqualTo(s.message());
      assertThat(back.encode()).isEqualTo(encoded);
    }
  }

  @Test
  void samplesCoverEveryMessageAndTransactionType() {
    List<Sample> samples = SampleMessages.all();
    Set<Integer> codes = samples.stream().map(s -> s.message().code()).collect(Collectors.toSet());
    assertThat(codes).containsExactlyInAnyOrder(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a,
        0x0f, 0x10, 0x11);
    Set<TransactionType> types = samples.stream().filter(s -> s.message() instanceof BlockBodies)
        .flatMap(s -> ((BlockBodies) s.message()).bodies().stream())
        .flatMap(b -> b.transactions().stream()).map(t -> t.type()).collect(Collectors.toSet());
    assertThat(types).contains(TransactionType.LEGACY, TransactionType.FEE_MARKET);
  }

  private static MalformedMessageException malformed(EthVersion v, int code, String hex) {
    try {
      EthCodec.decode(v, code, Bytes.fromHex(hex));
    } catch (MalformedMessageException e) {
      return e;
    }
    throw new AssertionError("decoded " + hex + " as message " + code);
  }

  @Test
  void refusesWhatTheSpecDoesNotAllow() {
    // reverse = 2
    MalformedMessageException e = malformed(EthVersion.ETH68, 0x03, "ca820457c682270f050502");
    assertThat(e.messageName()).isEqualTo("GetBlockHeaders");
    assertThat(e.field()).isEqualTo("query.reverse");
    // start block of 9 bytes: neither a number nor a hash
    e = malformed(EthVersion.ETH68, 0x03, "d1820457cd89010000000000000000050580");
    assertThat(e.field()).isEqualTo("query.startblock");
    // start block number with a leading zero
    e = malformed(EthVersion.ETH68, 0x03, "cb820457c78300270f050580");
    assertThat(e.field()).isEqualTo("query.startblock");
    // trailing item after the query
    e = malformed(EthVersion.ETH68, 0x03, "cb820457c682270f05058001");
    assertThat(e.field()).isEqualTo("<end>");
    // a 31-byte hash in a hash list
    e = malformed(EthVersion.ETH68, 0x05, "e4820457e09f" + "00".repeat(31));
    assertThat(e.messageName()).isEqualTo("GetBlockBodies");
    assertThat(e.field()).isEqualTo("blockhashes[0]");
    // types, sizes and hashes of different lengths
    e = malformed(EthVersion.ETH68, 0x08, "c402c10cc0");
    assertThat(e.field()).isEqualTo("txtypes");
    assertThat(e.messageName()).isEqualTo("NewPooledTransactionHashes");
    // earliest after latest
    e = malformed(EthVersion.ETH69, 0x11, "e30a05a0" + "00".repeat(32));
    assertThat(e.field()).isEqualTo("earliest");
    // BlockRangeUpdate does not exist in eth/68; GetNodeData (0x0d) exists in neither
    assertThat(malformed(EthVersion.ETH68, 0x11, "e38005a0" + "00".repeat(32)).field()).isEqualTo("code");
    assertThat(malformed(EthVersion.ETH69, 0x0d, "c0").field()).isEqualTo("code");
    // an eth/68 status decoded as eth/69
    assertThat(malformed(EthVersion.ETH69, 0x00, "f8544401850400000000a0" + "11".repeat(32) + "a0" + "11".repeat(32)
        + "c984fc64ec0483118c30").messageName()).isEqualTo("Status");
    // not a list at all
    assertThat(malformed(EthVersion.ETH68, 0x04, "80").field()).isEqualTo("payload");
  }

  @Test
  void receiptTypeMustBeKnownInEth69() {
    // [1, [[[0x7f, 0x01, 1, []]]]]
    MalformedMessageException e = malformed(EthVersion.ETH69, 0x10, "c801c6c5c47f0101c0");
    assertThat(e.field()).isEqualTo("receipts[0][0].tx-type");
  }

  @Test
  void pooledTransactionsMustDecode() {
    // A string holding 0x02 followed by garbage.
    MalformedMessageException e = malformed(EthVersion.ETH68, 0x0a, "c701c5840201c0ff");
    assertThat(e.field()).isEqualTo("txs[0]");
    assertThatThrownBy(() -> new NewPooledTransactionHashes(Bytes.of((byte) 2), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
