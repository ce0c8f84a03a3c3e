package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.state.HistoricalState;
import org.linden.state.PersistentWorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * {@code eth_getProof} (EIP-1186): the account's proof against the block's state root with
 * its balance, nonce, code hash and storage root, and for each key the slot's value and
 * its proof against that storage root. Proofs come from the head's state or, for the
 * recent blocks whose diffs are kept, from the state read back through them.
 */
final class AccountProofs {
  static final int MAX_KEYS = 1024;

  private final BlockResolver blocks;

  AccountProofs(BlockResolver blocks) {
    this.blocks = blocks;
  }

  /** The two kinds of state that can prove, behind one face. */
  private interface Prover {
    Hash stateRoot();

    Hash storageRoot(Address a);

    Optional<List<Bytes>> accountProof(Address a);

    Optional<List<Bytes>> storageProof(Address a, UInt256 slot);
  }

  Object getProof(Params p) {
    p.atMost(3);
    Address address = p.address(0, "address");
    JsonNode keysNode = p.required(1, "storageKeys");
    if (!keysNode.isArray()) {
      throw CallJson.bad(1, "storageKeys", "expected an array of storage keys");
    }
    if (keysNode.size() > MAX_KEYS) {
      throw CallJson.bad(1, "storageKeys", "at most " + MAX_KEYS + " keys");
    }
    String[] keys = new String[keysNode.size()];
    UInt256[] slots = new UInt256[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = CallJson.text(keysNode.get(i), 1, "storageKeys[" + i + "]");
      slots[i] = CallJson.word(keys[i], 1, "storageKeys[" + i + "]");
    }
    p.required(2, "block");
    BlockParameter at = p.block(2, "block");
    BlockHeader header = blocks.requireHeader(at);
    StateReader state = EthCallMethods.stateOf(blocks, header);
    Prover prover = prover(state);
    if (!prover.stateRoot().equals(header.stateRoot())) {
      throw RpcException.server("the state moved on while reading block " + header.number() + "; try again");
    }
    AccountInfo account = state.account(address).orElse(null);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("address", address.toHex());
    out.set("accountProof", nodes(prover.accountProof(address)));
    out.put("balance", Quantity.of(account == null ? UInt256.ZERO : account.balance()));
    out.put("codeHash", (account == null ? AccountInfo.EMPTY_CODE_HASH : account.codeHash()).toHex());
    out.put("nonce", Quantity.of(account == null ? 0 : account.nonce()));
    out.put("storageHash", prover.storageRoot(address).toHex());
    ArrayNode storage = out.putArray("storageProof");
    for (int i = 0; i < keys.length; i++) {
      ObjectNode entry = storage.addObject();
      entry.put("key", outputKey(keys[i], slots[i]));
      entry.put("value", Quantity.of(state.storage(address, slots[i])));
      entry.set("proof", nodes(prover.storageProof(address, slots[i])));
    }
    return out;
  }

  /** As geth: a key given as 32 bytes comes back as 32 bytes, any shorter one as a quantity. */
  private static String outputKey(String given, UInt256 slot) {
    return given.length() == 66 ? slot.toBytes32().toHex() : Quantity.of(slot);
  }

  private static ArrayNode nodes(Optional<List<Bytes>> proof) {
    List<Bytes> list = proof.orElseThrow(() -> RpcException.server("missing trie node: the state is incomplete"));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Bytes node : list) {
      out.add(node.toHex());
    }
    return out;
  }

  private static Prover prover(StateReader state) {
    if (state instanceof PersistentWorldState s) {
      return new Prover() {
        public Hash stateRoot() {
          return s.stateRoot();
        }

        public Hash storageRoot(Address a) {
          return s.storageRoot(a);
        }

        public Optional<List<Bytes>> accountProof(Address a) {
          return s.accountProof(a);
        }

        public Optional<List<Bytes>> storageProof(Address a, UInt256 slot) {
          return s.storageProof(a, slot);
        }
      };
    }
    if (state instanceof HistoricalState s) {
      return new Prover() {
        public Hash stateRoot() {
          return s.stateRoot();
        }

        public Hash storageRoot(Address a) {
          return s.storageRoot(a);
        }

        public Optional<List<Bytes>> accountProof(Address a) {
          return s.accountProof(a);
        }

        public Optional<List<Bytes>> storageProof(Address a, UInt256 slot) {
          return s.storageProof(a, slot);
        }
      };
    }
    throw RpcException.server("proofs are not available for this state");
  }
}
