package org.linden.rpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Strict field readers for a transaction object: the same encodings as {@link Params}
 * (quantities without leading zeros, whole-byte data), null for an absent or null field,
 * and errors that name the field's path, e.g. {@code invalid argument 0 (transaction.gas)}.
 */
final class RequestJson {
  private static final Set<String> ACCESS_FIELDS = Set.of("address", "storageKeys");
  private static final Set<String> AUTH_FIELDS = Set.of("chainId", "address", "nonce", "yParity", "v", "r", "s");

  private final JsonNode obj;
  private final int arg;
  private final String name;

  RequestJson(JsonNode obj, int arg, String name) {
    if (obj == null || !obj.isObject()) {
      throw DevParams.bad(arg, name, "expected an object");
    }
    this.obj = obj;
    this.arg = arg;
    this.name = name;
  }

  RpcException bad(String path, String why) {
    return DevParams.bad(arg, path, why);
  }

  List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    obj.fieldNames().forEachRemaining(out::add);
    return out;
  }

  Address address(String field) {
    String s = text(field);
    return s == null ? null : Params.parseAddress(s, arg, path(field));
  }

  Long uint64(String field) {
    String s = text(field);
    return s == null ? null : Params.parseQuantityLong(s, arg, path(field));
  }

  UInt256 uint256(String field) {
    String s = text(field);
    return s == null ? null : Params.parseUInt256(s, arg, path(field));
  }

  Bytes data(String field) {
    String s = text(field);
    return s == null ? null : Params.parseData(s, arg, path(field));
  }

  /** An EIP-2930 access list: {@code [{address, storageKeys: [slot, ...]}, ...]}. */
  List<Access> accessList(String field) {
    JsonNode list = array(field);
    if (list == null) {
      return null;
    }
    List<Access> out = new ArrayList<>(list.size());
    for (int k = 0; k < list.size(); k++) {
      RequestJson entry = child(list.get(k), path(field) + "[" + k + "]", ACCESS_FIELDS);
      Address account = entry.required(entry.address("address"), "address");
      JsonNode keys = entry.array("storageKeys");
      List<Hash> slots = new ArrayList<>();
      if (keys != null) {
        for (int i = 0; i < keys.size(); i++) {
          String at = entry.path("storageKeys") + "[" + i + "]";
          JsonNode key = keys.get(i);
          if (!key.isTextual()) {
            throw bad(at, "expected a 32-byte hex string");
          }
          slots.add(Params.parseHash(key.textValue(), arg, at));
        }
      }
      out.add(new Access(account, slots));
    }
    return out;
  }

  /** Signed EIP-7702 authorizations: {@code [{chainId, address, nonce, yParity, r, s}, ...]}. */
  List<Authorization> authorizations(String field) {
    JsonNode list = array(field);
    if (list == null) {
      return null;
    }
    List<Authorization> out = new ArrayList<>(list.size());
    for (int k = 0; k < list.size(); k++) {
      RequestJson a = child(list.get(k), path(field) + "[" + k + "]", AUTH_FIELDS);
      Long yParity = a.uint64("yParity");
      if (yParity == null) {
        // Some clients still send the signature's parity under its legacy name.
        yParity = a.uint64("v");
      }
      if (yParity == null || (yParity != 0 && yParity != 1)) {
        throw bad(a.path("yParity"), "must be 0x0 or 0x1");
      }
      out.add(new Authorization(a.required(a.uint256("chainId"), "chainId"),
          a.required(a.address("address"), "address"), a.required(a.uint64("nonce"), "nonce"), yParity.intValue(),
          a.required(a.uint256("r"), "r"), a.required(a.uint256("s"), "s")));
    }
    return out;
  }

  private RequestJson child(JsonNode n, String path, Set<String> allowed) {
    RequestJson c = new RequestJson(n, arg, path);
    for (String f : c.fieldNames()) {
      if (!allowed.contains(f)) {
        throw bad(path, "unknown field " + f);
      }
    }
    return c;
  }

  private <T> T required(T value, String field) {
    if (value == null) {
      throw bad(path(field), "missing");
    }
    return value;
  }

  private JsonNode array(String field) {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw bad(path(field), "expected an array");
    }
    return n;
  }

  private String text(String field) {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw bad(path(field), "expected a hex string, got " + n.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return n.textValue();
  }

  private String path(String field) {
    return name + "." + field;
  }
}
