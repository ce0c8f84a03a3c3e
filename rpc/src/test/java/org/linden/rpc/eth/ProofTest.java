package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.StateTestChain.OTHER;
import static org.linden.rpc.eth.StateTestChain.SENDER;
import static org.linden.rpc.eth.StateTestChain.STORE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.BlockHeader;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** eth_getProof answers that verify against the block's state root, at the head and at an older block. */
class ProofTest {
  private static StateTestChain c;

  @BeforeAll
  static void chain() throws Exception {
    c = StateTestChain.create();
  }

  private static List<Bytes> nodes(JsonNode array) {
    List<Bytes> out = new ArrayList<>();
    array.forEach(n -> out.add(Bytes.fromHex(n.asText())));
    return out;
  }

  /** The account's RLP as the state trie holds it: [nonce, balance, storageRoot, codeHash]. */
  private static Bytes accountRlp(JsonNode proof) {
    return new RlpWriter().startList()
        .writeUnsignedLong(Long.decode(proof.get("nonce").asText()))
        .writeUInt256(UInt256.fromHex(proof.get("balance").asText()))
        .writeBytes(Bytes.fromHex(proof.get("storageHash").asText()))
        .writeBytes(Bytes.fromHex(proof.get("codeHash").asText()))
        .endList().toBytes();
  }

  private static void verifyAccount(JsonNode proof, Address a, BlockHeader header) {
    assertThat(proof.get("address").asText()).isEqualTo(a.toHex());
    assertThat(SecureTrie.verifyProof(header.stateRoot(), a.bytes(), nodes(proof.get("accountProof"))))
        .contains(accountRlp(proof));
  }

  @Test
  void accountAndStorageProofsVerifyAtTheHead() {
    BlockHeader head = c.chain.head();
    JsonNode proof = c.result("eth_getProof", STORE.toHex(), List.of("0x0", "0x" + "00".repeat(31) + "01", "0x7"),
        "latest");
    verifyAccount(proof, STORE, head);
    Hash storageRoot = Hash.fromHex(proof.get("storageHash").asText());
    assertThat(storageRoot).isNotEqualTo(MerkleTrie.EMPTY_ROOT);
    JsonNode slots = proof.get("storageProof");
    assertThat(slots.size()).isEqualTo(3);
    assertThat(slots.get(0).get("key").asText()).isEqualTo("0x0");
    assertThat(slots.get(0).get("value").asText()).isEqualTo("0x2b");
    assertThat(SecureTrie.verifyProof(storageRoot, UInt256.ZERO.toBytes32(), nodes(slots.get(0).get("proof"))))
        .contains(RlpWriter.encodeBytes(Bytes.of((byte) 0x2b)));
    // A 32-byte key comes back as given; the value of slot 1 is the genesis 5.
    assertThat(slots.get(1).get("key").asText()).isEqualTo("0x" + "00".repeat(31) + "01");
    assertThat(slots.get(1).get("value").asText()).isEqualTo("0x5");
    // An unset slot proves absent.
    assertThat(slots.get(2).get("value").asText()).isEqualTo("0x0");
    assertThat(SecureTrie.verifyProof(storageRoot, UInt256.valueOf(7).toBytes32(), nodes(slots.get(2).get("proof"))))
        .isEmpty();
  }

  @Test
  void proofsAtAnOlderBlockVerifyAgainstItsRoot() {
    BlockHeader block1 = c.blocks.get(1).header();
    JsonNode proof = c.result("eth_getProof", STORE.toHex(), List.of("0x0"), "0x1");
    verifyAccount(proof, STORE, block1);
    JsonNode slot = proof.get("storageProof").get(0);
    assertThat(slot.get("value").asText()).isEqualTo("0x2a");
    assertThat(SecureTrie.verifyProof(Hash.fromHex(proof.get("storageHash").asText()), UInt256.ZERO.toBytes32(),
        nodes(slot.get("proof")))).contains(RlpWriter.encodeBytes(Bytes.of((byte) 0x2a)));

    JsonNode other = c.result("eth_getProof", OTHER.toHex(), List.of(), "0x1");
    verifyAccount(other, OTHER, block1);
    assertThat(other.get("balance").asText()).isEqualTo("0x1");
    JsonNode sender = c.result("eth_getProof", SENDER.toHex(), List.of(), "0x1");
    assertThat(sender.get("nonce").asText()).isEqualTo("0x2");
    verifyAccount(sender, SENDER, block1);
  }

  @Test
  void aMissingAccountProvesAbsent() {
    Address nobody = Address.fromNumber(0xdead);
    JsonNode proof = c.result("eth_getProof", nobody.toHex(), List.of("0x1"), "latest");
    assertThat(proof.get("balance").asText()).isEqualTo("0x0");
    assertThat(proof.get("nonce").asText()).isEqualTo("0x0");
    assertThat(proof.get("codeHash").asText())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(proof.get("storageHash").asText()).isEqualTo(MerkleTrie.EMPTY_ROOT.toHex());
    assertThat(SecureTrie.verifyProof(c.chain.head().stateRoot(), nobody.bytes(), nodes(proof.get("accountProof"))))
        .isEmpty();
    assertThat(proof.get("storageProof").get(0).get("proof").size()).isZero();
  }

  @Test
  void badKeysAreRefused() {
    JsonNode e = c.error("eth_getProof", STORE.toHex(), "0x0", "latest");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 1 (storageKeys)");
    e = c.error("eth_getProof", STORE.toHex(), List.of("zz"), "latest");
    assertThat(e.get("message").asText()).contains("storageKeys[0]");
  }
}
