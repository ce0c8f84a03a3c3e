package org.linden.rpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.TransactionType;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * The transaction object of {@code eth_sendTransaction} and {@code eth_signTransaction}
 * (execution-apis' {@code GenericTransaction}): every field optional, null when absent.
 * {@link TransactionFiller} supplies what is missing.
 *
 * <p>Blob transactions are refused here: their blobs, commitments and proofs travel beside
 * the transaction, which a wallet-style request cannot express in full; sign them locally and
 * send them with {@code eth_sendRawTransaction}.
 *
 * @param type the requested type, or null to choose from the fields given
 * @param to the recipient, or null for a contract creation
 * @param authorizations EIP-7702 authorizations (already signed), or null when not given
 */
public record TransactionRequest(
    TransactionType type,
    Address from,
    Address to,
    Long gas,
    UInt256 value,
    Bytes input,
    UInt256 gasPrice,
    UInt256 maxFeePerGas,
    UInt256 maxPriorityFeePerGas,
    List<Access> accessList,
    List<Authorization> authorizations,
    Long nonce,
    Long chainId) {

  private static final Set<String> FIELDS = Set.of("type", "from", "to", "gas", "value", "input", "data", "gasPrice",
      "maxFeePerGas", "maxPriorityFeePerGas", "accessList", "authorizationList", "nonce", "chainId");
  private static final Set<String> BLOB_FIELDS = Set.of("maxFeePerBlobGas", "blobVersionedHashes", "blobs",
      "commitments", "proofs", "sidecar");

  public UInt256 valueOrZero() {
    return value == null ? UInt256.ZERO : value;
  }

  public Bytes inputOrEmpty() {
    return input == null ? Bytes.EMPTY : input;
  }

  public List<Access> accessListOrEmpty() {
    return accessList == null ? List.of() : accessList;
  }

  /** Parses the object at argument {@code arg}; errors name the field, e.g. {@code transaction.gas}. */
  static TransactionRequest parse(JsonNode n, int arg) {
    RequestJson j = new RequestJson(n, arg, "transaction");
    for (String f : j.fieldNames()) {
      if (BLOB_FIELDS.contains(f)) {
        throw j.bad("transaction." + f, "blob transactions are not sent from unlocked accounts: sign one with "
            + "its sidecar and send it with eth_sendRawTransaction");
      }
      if (!FIELDS.contains(f)) {
        throw j.bad("transaction", "unknown field " + f);
      }
    }
    Bytes input = j.data("input");
    Bytes data = j.data("data");
    if (input != null && data != null && !input.equals(data)) {
      throw j.bad("transaction", "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass "
          + "transaction call data");
    }
    UInt256 gasPrice = j.uint256("gasPrice");
    UInt256 maxFee = j.uint256("maxFeePerGas");
    UInt256 maxPriorityFee = j.uint256("maxPriorityFeePerGas");
    if (gasPrice != null && (maxFee != null || maxPriorityFee != null)) {
      throw j.bad("transaction", "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    return new TransactionRequest(type(j), j.address("from"), j.address("to"), j.uint64("gas"), j.uint256("value"),
        input != null ? input : data, gasPrice, maxFee, maxPriorityFee, j.accessList("accessList"),
        j.authorizations("authorizationList"), j.uint64("nonce"), j.uint64("chainId"));
  }

  private static TransactionType type(RequestJson j) {
    Long code = j.uint64("type");
    if (code == null) {
      return null;
    }
    if (code == 0) {
      return TransactionType.LEGACY;
    }
    TransactionType t = Long.compareUnsigned(code, 0xff) > 0
        ? null : TransactionType.fromTypeByte(code.intValue()).orElse(null);
    if (t == null) {
      throw j.bad("transaction.type", "unknown transaction type " + Long.toUnsignedString(code));
    }
    if (t == TransactionType.BLOB) {
      throw j.bad("transaction.type", "blob transactions are not sent from unlocked accounts: sign one with its "
          + "sidecar and send it with eth_sendRawTransaction");
    }
    return t;
  }
}
