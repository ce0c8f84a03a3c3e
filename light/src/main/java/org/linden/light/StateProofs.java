package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.trie.InvalidProofException;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * State read through {@code eth_getProof} and {@code eth_getCode}, checked against a
 * verified state root: the account by its proof, each slot by its storage proof, code by
 * the account's code hash. The values the server states beside its proofs must equal what
 * the proofs show, so a server that alters a balance is caught even if it keeps the proof.
 */
public final class StateProofs {
  private StateProofs() {}

  /** The proven account and the proven values of {@code slots}, in order. */
  public record Result(ProvenAccount account, List<UInt256> slots) {}

  /** Fetches and verifies the account and slots at the block with state root {@code stateRoot}. */
  public static Result fetch(Upstream u, Hash stateRoot, long block, Address address, List<UInt256> slots) {
    List<String> keys = slots.stream().map(s -> Hash.wrap(s.toBytes32()).toHex()).toList();
    JsonNode proof = u.call("eth_getProof", address.toHex(), keys, "0x" + Long.toHexString(block));
    return verify(proof, stateRoot, address, slots);
  }

  static Result verify(JsonNode proof, Hash stateRoot, Address address, List<UInt256> slots) {
    if (!proof.isObject()) {
      throw new VerificationException("eth_getProof answered no proof for " + address);
    }
    Optional<Bytes> leaf = walk(stateRoot, address.bytes(), nodes(proof, "accountProof"), "account " + address);
    ProvenAccount account = leaf.map(v -> decodeAccount(v, address)).orElse(ProvenAccount.ABSENT);
    expect(proof, "balance", JsonFields.uint256(proof, "balance"), account.balance(), address);
    expect(proof, "nonce", UInt256.valueOf(JsonFields.quantity(proof, "nonce")), UInt256.valueOf(account.nonce()), address);
    if (account.exists()) {
      expect(proof, "codeHash", JsonFields.hash(proof, "codeHash"), account.codeHash(), address);
      expect(proof, "storageHash", JsonFields.hash(proof, "storageHash"), account.storageRoot(), address);
    }
    JsonNode storage = proof.get("storageProof");
    if (storage == null || !storage.isArray() || storage.size() != slots.size()) {
      throw new VerificationException("storage proofs for " + address + " do not match the slots asked for");
    }
    List<UInt256> values = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      JsonNode entry = storage.get(i);
      UInt256 slot = slots.get(i);
      String what = "storage slot " + Hash.wrap(slot.toBytes32()) + " of " + address;
      if (!UInt256.fromHex(JsonFields.text(entry, "key")).equals(slot)) {
        throw new VerificationException("storage proof " + i + " of " + address + " is for another slot");
      }
      UInt256 value = walk(account.storageRoot(), slot.toBytes32(), nodes(entry, "proof"), what)
          .map(v -> decodeSlot(v, what)).orElse(UInt256.ZERO);
      UInt256 claimed = JsonFields.uint256(entry, "value");
      if (!claimed.equals(value)) {
        throw new VerificationException(what + ": the server says " + claimed + " but its proof shows " + value);
      }
      values.add(value);
    }
    return new Result(account, values);
  }

  /** Fetches code and checks it hashes to {@code codeHash}. */
  public static Bytes code(Upstream u, Address address, Hash codeHash, long block) {
    if (codeHash.equals(Keccak.EMPTY_HASH)) {
      return Bytes.EMPTY;
    }
    Bytes code = JsonFields.data(u.call("eth_getCode", address.toHex(), "0x" + Long.toHexString(block)).asText(), "code");
    if (!Keccak.hash256(code).equals(codeHash)) {
      throw new VerificationException("code of " + address + " does not hash to the proven code hash " + codeHash);
    }
    return code;
  }

  private static void expect(JsonNode proof, String field, Object claimed, Object proven, Address address) {
    if (!claimed.equals(proven)) {
      throw new VerificationException(field + " of " + address + ": the server says " + claimed + " but its proof shows " + proven);
    }
  }

  private static List<Bytes> nodes(JsonNode n, String field) {
    JsonNode list = n.get(field);
    if (list == null || !list.isArray()) {
      throw new VerificationException(field + " is missing");
    }
    List<Bytes> out = new ArrayList<>();
    list.forEach(e -> out.add(JsonFields.data(e.asText(), field)));
    return out;
  }

  private static Optional<Bytes> walk(Hash root, Bytes key, List<Bytes> proof, String what) {
    try {
      return SecureTrie.verifyProof(root, key, proof);
    } catch (InvalidProofException e) {
      throw new VerificationException("the proof of " + what + " does not verify against root " + root + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new VerificationException("the proof of " + what + " is malformed: " + e.getMessage());
    }
  }

  private static ProvenAccount decodeAccount(Bytes rlp, Address address) {
    try {
      RlpReader outer = RlpReader.of(rlp);
      RlpReader r = outer.readList();
      long nonce = r.readUnsignedLong();
      UInt256 balance = UInt256.fromBytes(r.readBytes());
      Hash storageRoot = Hash.wrap(r.readBytes(32));
      Hash codeHash = Hash.wrap(r.readBytes(32));
      r.ensureDone();
      return new ProvenAccount(nonce, balance, storageRoot, codeHash, true);
    } catch (RlpException | IllegalArgumentException e) {
      throw new VerificationException("the proven account " + address + " is malformed: " + e.getMessage());
    }
  }

  private static UInt256 decodeSlot(Bytes rlp, String what) {
    try {
      RlpReader r = RlpReader.of(rlp);
      Bytes v = r.readBytes();
      r.ensureDone();
      return UInt256.fromBytes(v);
    } catch (RlpException | IllegalArgumentException e) {
      throw new VerificationException("the proven " + what + " is malformed: " + e.getMessage());
    }
  }
}
