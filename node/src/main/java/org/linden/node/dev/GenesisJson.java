package org.linden.node.dev;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.OptionalLong;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.GenesisAccount;
import org.linden.chain.config.Milestone;
import org.linden.chain.execution.BlobSchedule;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * Writes a {@link Genesis} as a geth-format {@code genesis.json}. A genesis made in code
 * (dev mode) is kept in the data directory in this form, so that a later start, or another
 * client, can read the same chain back; {@link Genesis#fromJson} of the output has the same
 * hash.
 */
public final class GenesisJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GenesisJson() {}

  /** The genesis as indented JSON. */
  public static String write(Genesis g) {
    ObjectNode root = JSON.createObjectNode();
    root.set("config", config(g.config()));
    root.put("nonce", hex(g.nonce()));
    root.put("timestamp", hex(g.timestamp()));
    root.put("extraData", g.extraData().toHex());
    root.put("gasLimit", hex(g.gasLimit()));
    if (g.difficulty() != null) {
      root.put("difficulty", g.difficulty().toHexString());
    }
    root.put("mixHash", g.mixHash().toHex());
    root.put("coinbase", g.coinbase().toHex());
    ObjectNode alloc = root.putObject("alloc");
    for (Map.Entry<Address, GenesisAccount> e : g.alloc().entrySet()) {
      alloc.set(e.getKey().toHex(), account(e.getValue()));
    }
    root.put("number", hex(g.number()));
    root.put("gasUsed", hex(g.gasUsed()));
    root.put("parentHash", g.parentHash().toHex());
    if (g.baseFeePerGas() != null) {
      root.put("baseFeePerGas", g.baseFeePerGas().toHexString());
    }
    if (g.excessBlobGas() != null) {
      root.put("excessBlobGas", hex(g.excessBlobGas()));
    }
    if (g.blobGasUsed() != null) {
      root.put("blobGasUsed", hex(g.blobGasUsed()));
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode config(ChainConfig c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("chainId", c.chainId());
    for (Milestone m : Milestone.values()) {
      OptionalLong at = c.activation(m);
      if (at.isPresent()) {
        // Activations are unsigned 64-bit; geth reads decimal strings for those past 2^63.
        if (at.getAsLong() >= 0) {
          n.put(m.configKey(), at.getAsLong());
        } else {
          n.put(m.configKey(), Long.toUnsignedString(at.getAsLong()));
        }
      }
    }
    c.terminalTotalDifficulty().ifPresent(ttd -> n.put("terminalTotalDifficulty", ttd.toBigInteger()));
    if (c.terminalTotalDifficultyPassed()) {
      n.put("terminalTotalDifficultyPassed", true);
    }
    if (c.daoForkSupport()) {
      n.put("daoForkSupport", true);
    }
    c.depositContractAddress().ifPresent(a -> n.put("depositContractAddress", a.toHex()));
    if (!c.blobSchedules().isEmpty()) {
      ObjectNode blobs = n.putObject("blobSchedule");
      for (Map.Entry<Milestone, BlobSchedule> e : c.blobSchedules().entrySet()) {
        ObjectNode s = blobs.putObject(e.getKey().blobScheduleKey().orElseThrow());
        s.put("target", e.getValue().target());
        s.put("max", e.getValue().max());
        s.put("baseFeeUpdateFraction", e.getValue().baseFeeUpdateFraction());
      }
    }
    for (Map.Entry<String, String> e : c.sections().entrySet()) {
      try {
        n.set(e.getKey(), JSON.readTree(e.getValue()));
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException("config section " + e.getKey() + " is not JSON", ex);
      }
    }
    return n;
  }

  private static ObjectNode account(GenesisAccount a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("balance", a.balance().toHexString());
    if (a.nonce() != 0) {
      n.put("nonce", hex(a.nonce()));
    }
    if (!a.code().isEmpty()) {
      n.put("code", a.code().toHex());
    }
    if (!a.storage().isEmpty()) {
      ObjectNode storage = n.putObject("storage");
      a.storage().forEach((slot, value) -> storage.put(word(slot), word(value)));
    }
    return n;
  }

  /** A storage key or value as geth writes it: 32 bytes of hex. */
  private static String word(UInt256 v) {
    return v.toBytes32().toHex();
  }

  private static String hex(long unsigned) {
    return "0x" + Long.toUnsignedString(unsigned, 16);
  }
}
