package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.LogsBloom;

/**
 * Rebuilds a header from a block object's JSON fields. The JSON {@code hash} is not read:
 * the header's identity is computed from the fields, and its seals are checked over them,
 * so a server altering any field is caught by the seal or the hash check.
 */
final class HeaderJson {
  private HeaderJson() {}

  static BlockHeader parse(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new VerificationException("expected a block object");
    }
    BlockHeader.Builder b = BlockHeader.builder()
        .parentHash(JsonFields.hash(n, "parentHash"))
        .ommersHash(JsonFields.hash(n, "sha3Uncles"))
        .coinbase(JsonFields.address(n, "miner"))
        .stateRoot(JsonFields.hash(n, "stateRoot"))
        .transactionsRoot(JsonFields.hash(n, "transactionsRoot"))
        .receiptsRoot(JsonFields.hash(n, "receiptsRoot"))
        .logsBloom(new LogsBloom(JsonFields.data(n, "logsBloom")))
        .difficulty(JsonFields.uint256(n, "difficulty"))
        .number(JsonFields.quantity(n, "number"))
        .gasLimit(JsonFields.quantity(n, "gasLimit"))
        .gasUsed(JsonFields.quantity(n, "gasUsed"))
        .timestamp(JsonFields.quantity(n, "timestamp"))
        .extraData(JsonFields.data(n, "extraData"))
        .mixHash(JsonFields.hash(n, "mixHash"))
        .nonce(JsonFields.data(n, "nonce"));
    if (JsonFields.present(n, "baseFeePerGas")) {
      b.baseFeePerGas(JsonFields.uint256(n, "baseFeePerGas"));
    }
    if (JsonFields.present(n, "withdrawalsRoot")) {
      b.withdrawalsRoot(JsonFields.hash(n, "withdrawalsRoot"));
    }
    if (JsonFields.present(n, "blobGasUsed")) {
      b.blobGasUsed(JsonFields.quantity(n, "blobGasUsed"));
      b.excessBlobGas(JsonFields.quantity(n, "excessBlobGas"));
      b.parentBeaconBlockRoot(JsonFields.hash(n, "parentBeaconBlockRoot"));
    }
    if (JsonFields.present(n, "requestsHash")) {
      b.requestsHash(JsonFields.hash(n, "requestsHash"));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new VerificationException("malformed header: " + e.getMessage());
    }
  }
}
