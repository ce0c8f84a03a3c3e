package org.linden.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The blocks of the official blockchain tests, as block data: the genesis and every valid
 * block decode, re-encode to the same bytes, hash to the fixture's hash, carry the header
 * fields the fixture lists and commit to their bodies; a block the fixture marks invalid
 * either decodes or is refused with an {@link InvalidBlockException}, never another error,
 * and one it marks as badly encoded ({@code RLP_...}) is refused.
 */
class BlockchainFixturesTest {
  static Stream<Arguments> files() {
    return FixtureFiles.jsonFilesUnder("ethereum-tests/BlockchainTests", "ethereum-tests/execution-spec-tests/blockchain_tests")
        .stream().map(p -> Arguments.of(FixtureFiles.name(p), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void blocksDecodeAndReEncode(String name, Path path) throws Exception {
    JsonNode doc = FixtureFiles.json(path);
    for (Map.Entry<String, JsonNode> test : doc.properties()) {
      JsonNode t = test.getValue();
      checkValid(test.getKey() + " genesis", hex(t.get("genesisRLP")), t.get("genesisBlockHeader"));
      for (JsonNode block : t.get("blocks")) {
        Bytes rlp = hex(block.get("rlp"));
        if (block.has("blockHeader")) {
          checkValid(test.getKey() + " block " + block.path("blocknumber").asText("?"), rlp, block.get("blockHeader"));
        } else {
          String exception = block.path("expectException").asText();
          boolean refused = false;
          try {
            Block.decode(rlp);
          } catch (InvalidBlockException expected) {
            // Refused with a typed error: fine for a block the fixture expects to fail.
            refused = true;
          } catch (RuntimeException e) {
            fail(test.getKey() + ": invalid block raised " + e + " instead of InvalidBlockException");
          }
          if (exception.contains("RLP_")) {
            // The fixture says the encoding itself is wrong: decoding must refuse it.
            assertThat(refused).as(test.getKey() + " expects " + exception).isTrue();
          }
        }
      }
    }
    assertThat(doc.size()).as("tests in " + name).isPositive();
  }

  private static void checkValid(String what, Bytes rlp, JsonNode expected) throws Exception {
    Block block = Block.decode(rlp);
    assertThat(block.encode()).as(what + " re-encoding").isEqualTo(rlp);
    BlockHeader h = block.header();
    assertThat(h.hash()).as(what + " hash").isEqualTo(Hash.fromHex(expected.get("hash").asText()));
    assertThat(h.number()).as(what).isEqualTo(Long.decode(expected.get("number").asText()));
    assertThat(h.gasUsed()).as(what).isEqualTo(Long.decode(expected.get("gasUsed").asText()));
    assertThat(h.stateRoot()).as(what).isEqualTo(Hash.fromHex(expected.get("stateRoot").asText()));
    assertThat(h.receiptsRoot()).as(what).isEqualTo(Hash.fromHex(expected.get("receiptTrie").asText()));
    assertThat(h.logsBloom().bytes()).as(what).isEqualTo(Bytes.fromHex(expected.get("bloom").asText()));
    if (expected.has("baseFeePerGas")) {
      assertThat(h.baseFeePerGas()).as(what).isEqualTo(UInt256.fromHex(expected.get("baseFeePerGas").asText()));
    }
    if (expected.has("requestsHash")) {
      assertThat(h.requestsHash()).as(what).isEqualTo(Hash.fromHex(expected.get("requestsHash").asText()));
    } else {
      assertThat(h.requestsHash()).as(what).isNull();
    }
    assertThat(BlockRoots.transactionsRoot(block.transactions())).as(what + " transactions root")
        .isEqualTo(Hash.fromHex(expected.get("transactionsTrie").asText()));
    assertThat(BlockRoots.ommersHash(block.body().ommers())).as(what + " ommers hash")
        .isEqualTo(Hash.fromHex(expected.get("uncleHash").asText()));
    if (expected.has("withdrawalsRoot") && block.body().hasWithdrawals()) {
      assertThat(BlockRoots.withdrawalsRoot(block.body().withdrawals())).as(what + " withdrawals root")
          .isEqualTo(Hash.fromHex(expected.get("withdrawalsRoot").asText()));
    }
  }

  private static Bytes hex(JsonNode node) {
    return Bytes.fromHex(node.asText());
  }
}
