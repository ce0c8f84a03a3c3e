package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;

/** Argument readers the {@code eth} chain methods share, on top of {@link Params}. */
final class EthParams {
  /** Filter and subscription ids are ours: 128 bits in hex, far shorter than this. */
  private static final int MAX_ID_LENGTH = 66;

  private EthParams() {}

  static boolean requiredBool(Params p, int i, String name) {
    p.required(i, name);
    return p.bool(i, name, false);
  }

  /** A block parameter the specification marks required: absent is an error, not {@code latest}. */
  static BlockParameter requiredBlock(Params p, int i, String name) {
    p.required(i, name);
    return p.block(i, name);
  }

  /**
   * An index into a block's transactions or uncles; -1 when it is beyond any list, so the
   * caller answers {@code null} as for any missing item.
   */
  static int index(Params p, int i, String name) {
    long q = p.quantity(i, name);
    return q < 0 || q > Integer.MAX_VALUE ? -1 : (int) q;
  }

  /** A filter or subscription id. Ids are quantities, so case does not matter. */
  static String id(Params p, int i, String name) {
    JsonNode n = p.required(i, name);
    if (!n.isTextual() || n.textValue().length() > MAX_ID_LENGTH) {
      throw RpcException.invalidParams("invalid argument " + i + " (" + name + "): expected a hex id string");
    }
    return n.textValue().toLowerCase(Locale.ROOT);
  }
}
