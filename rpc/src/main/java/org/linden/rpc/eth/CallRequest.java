package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The call object of {@code eth_call}, {@code eth_estimateGas}, {@code eth_createAccessList}
 * and {@code eth_simulateV1} (execution-apis' {@code GenericTransaction}). Every field is
 * optional and null when absent; the executor applies the defaults (sender zero, value
 * zero, fees zero, gas from the block).
 *
 * @param authorizations EIP-7702 authorizations, or null for a call that is not a set-code one
 */
public record CallRequest(
    Address from,
    Address to,
    Long gas,
    UInt256 value,
    Bytes input,
    UInt256 gasPrice,
    UInt256 maxFeePerGas,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerBlobGas,
    List<Access> accessList,
    List<Hash> blobVersionedHashes,
    List<Authorization> authorizations,
    Long nonce,
    Long chainId) {

  private static final Set<String> FIELDS = Set.of("type", "nonce", "to", "from", "gas", "value", "input", "data",
      "gasPrice", "maxPriorityFeePerGas", "maxFeePerGas", "maxFeePerBlobGas", "accessList", "blobVersionedHashes",
      "blobs", "commitments", "proofs", "chainId", "authorizationList");
  private static final Set<String> AUTH_FIELDS = Set.of("chainId", "nonce", "address", "yParity", "r", "s", "v");

  /** The sender, the zero address when none is given (as geth does). */
  public Address sender() {
    return from == null ? Address.ZERO : from;
  }

  public UInt256 valueOrZero() {
    return value == null ? UInt256.ZERO : value;
  }

  public Bytes inputOrEmpty() {
    return input == null ? Bytes.EMPTY : input;
  }

  public List<Access> accessListOrEmpty() {
    return accessList == null ? List.of() : accessList;
  }

  public List<Hash> blobHashesOrEmpty() {
    return blobVersionedHashes == null ? List.of() : blobVersionedHashes;
  }

  public CallRequest withGas(long newGas) {
    return new CallRequest(from, to, newGas, value, input, gasPrice, maxFeePerGas, maxPriorityFeePerGas,
        maxFeePerBlobGas, accessList, blobVersionedHashes, authorizations, nonce, chainId);
  }

  public CallRequest withAccessList(List<Access> list) {
    return new CallRequest(from, to, gas, value, input, gasPrice, maxFeePerGas, maxPriorityFeePerGas,
        maxFeePerBlobGas, list, blobVersionedHashes, authorizations, nonce, chainId);
  }

  public CallRequest withNonce(long newNonce) {
    return new CallRequest(from, to, gas, value, input, gasPrice, maxFeePerGas, maxPriorityFeePerGas,
        maxFeePerBlobGas, accessList, blobVersionedHashes, authorizations, newNonce, chainId);
  }

  /** Parses the call object at argument {@code arg}; {@code name} prefixes field names in errors. */
  public static CallRequest parse(JsonNode n, int arg, String name) {
    CallJson.object(n, arg, name);
    CallJson.onlyFields(n, FIELDS, arg, name);
    Long type = CallJson.uint64(n, "type", arg, name);
    if (type != null && (type < 0 || type > 4)) {
      throw CallJson.bad(arg, name + ".type", "unknown transaction type " + type);
    }
    Bytes input = CallJson.data(n, "input", arg, name);
    Bytes data = CallJson.data(n, "data", arg, name);
    if (input != null && data != null && !input.equals(data)) {
      throw CallJson.bad(arg, name, "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass "
          + "transaction call data");
    }
    UInt256 gasPrice = CallJson.uint256(n, "gasPrice", arg, name);
    UInt256 maxFee = CallJson.uint256(n, "maxFeePerGas", arg, name);
    UInt256 maxPriority = CallJson.uint256(n, "maxPriorityFeePerGas", arg, name);
    if (gasPrice != null && (maxFee != null || maxPriority != null)) {
      throw CallJson.bad(arg, name, "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    return new CallRequest(
        CallJson.address(n, "from", arg, name),
        CallJson.address(n, "to", arg, name),
        CallJson.uint64(n, "gas", arg, name),
        CallJson.uint256(n, "value", arg, name),
        input != null ? input : data,
        gasPrice,
        maxFee,
        maxPriority,
        CallJson.uint256(n, "maxFeePerBlobGas", arg, name),
        CallJson.accessList(n, "accessList", arg, name),
        CallJson.hashes(n, "blobVersionedHashes", arg, name),
        authorizations(n, arg, name),
        CallJson.uint64(n, "nonce", arg, name),
        CallJson.uint64(n, "chainId", arg, name));
  }

  private static List<Authorization> authorizations(JsonNode n, int arg, String name) {
    JsonNode list = CallJson.array(n, "authorizationList", arg, name);
    if (list == null) {
      return null;
    }
    List<Authorization> out = new ArrayList<>(list.size());
    for (int k = 0; k < list.size(); k++) {
      String path = name + ".authorizationList[" + k + "]";
      JsonNode a = CallJson.object(list.get(k), arg, path);
      CallJson.onlyFields(a, AUTH_FIELDS, arg, path);
      UInt256 chainId = required(CallJson.uint256(a, "chainId", arg, path), arg, path + ".chainId");
      Long nonce = required(CallJson.uint64(a, "nonce", arg, path), arg, path + ".nonce");
      Address address = required(CallJson.address(a, "address", arg, path), arg, path + ".address");
      Long yParity = CallJson.uint64(a, "yParity", arg, path);
      if (yParity == null) {
        // Some clients still send the legacy name.
        yParity = CallJson.uint64(a, "v", arg, path);
      }
      if (yParity == null || (yParity != 0 && yParity != 1)) {
        throw CallJson.bad(arg, path + ".yParity", "must be 0x0 or 0x1");
      }
      UInt256 r = required(CallJson.uint256(a, "r", arg, path), arg, path + ".r");
      UInt256 s = required(CallJson.uint256(a, "s", arg, path), arg, path + ".s");
      out.add(new Authorization(chainId, address, nonce, yParity.intValue(), r, s));
    }
    return out;
  }

  private static <T> T required(T value, int arg, String name) {
    if (value == null) {
      throw CallJson.bad(arg, name, "missing");
    }
    return value;
  }
}
