package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linden.chain.block.Withdrawal;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Replacements for fields of the block a call runs in (execution-apis' {@code BlockOverrides},
 * geth's names): number, difficulty, time, gasLimit, feeRecipient, prevRandao,
 * baseFeePerGas, blobBaseFee, and for {@code eth_simulateV1} only, beaconRoot and
 * withdrawals. Absent fields are null and keep the block's value.
 */
public record BlockOverrides(
    Long number,
    UInt256 difficulty,
    Long time,
    Long gasLimit,
    Address feeRecipient,
    UInt256 prevRandao,
    UInt256 baseFeePerGas,
    UInt256 blobBaseFee,
    Hash beaconRoot,
    List<Withdrawal> withdrawals) {

  public static final BlockOverrides NONE =
      new BlockOverrides(null, null, null, null, null, null, null, null, null, null);

  private static final Set<String> FIELDS = Set.of("number", "difficulty", "time", "gasLimit", "feeRecipient",
      "prevRandao", "baseFeePerGas", "blobBaseFee", "beaconRoot", "withdrawals");
  private static final Set<String> WITHDRAWAL_FIELDS = Set.of("index", "validatorIndex", "address", "amount");

  /**
   * Parses the overrides at argument {@code arg}. {@code simulation} allows the fields that
   * only make sense for a simulated block (a call cannot move the beacon root or withdraw).
   */
  public static BlockOverrides parse(JsonNode n, int arg, String name, boolean simulation) {
    CallJson.object(n, arg, name);
    CallJson.onlyFields(n, FIELDS, arg, name);
    if (!simulation) {
      for (String f : List.of("beaconRoot", "withdrawals")) {
        if (CallJson.field(n, f) != null) {
          throw CallJson.bad(arg, name + "." + f, "block override " + f + " is not supported for this RPC method");
        }
      }
    }
    JsonNode randao = CallJson.field(n, "prevRandao");
    return new BlockOverrides(
        CallJson.uint64(n, "number", arg, name),
        CallJson.uint256(n, "difficulty", arg, name),
        CallJson.uint64(n, "time", arg, name),
        CallJson.uint64(n, "gasLimit", arg, name),
        CallJson.address(n, "feeRecipient", arg, name),
        randao == null ? null : CallJson.word(CallJson.text(randao, arg, name + ".prevRandao"), arg,
            name + ".prevRandao"),
        CallJson.uint256(n, "baseFeePerGas", arg, name),
        CallJson.uint256(n, "blobBaseFee", arg, name),
        CallJson.hash(n, "beaconRoot", arg, name),
        withdrawals(n, arg, name));
  }

  private static List<Withdrawal> withdrawals(JsonNode n, int arg, String name) {
    JsonNode list = CallJson.array(n, "withdrawals", arg, name);
    if (list == null) {
      return null;
    }
    if (list.size() > 16) {
      throw CallJson.bad(arg, name + ".withdrawals", "at most 16 withdrawals a block");
    }
    List<Withdrawal> out = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      String path = name + ".withdrawals[" + k + "]";
      JsonNode w = CallJson.object(list.get(k), arg, path);
      CallJson.onlyFields(w, WITHDRAWAL_FIELDS, arg, path);
      Long index = CallJson.uint64(w, "index", arg, path);
      Long validator = CallJson.uint64(w, "validatorIndex", arg, path);
      Address address = CallJson.address(w, "address", arg, path);
      Long amount = CallJson.uint64(w, "amount", arg, path);
      if (address == null) {
        throw CallJson.bad(arg, path + ".address", "missing");
      }
      out.add(new Withdrawal(index == null ? 0 : index, validator == null ? 0 : validator, address,
          amount == null ? 0 : amount));
    }
    return out;
  }

  /** These overrides with the number and time settled (a simulated block always has both). */
  public BlockOverrides withNumberAndTime(long newNumber, long newTime) {
    return new BlockOverrides(newNumber, difficulty, newTime, gasLimit, feeRecipient, prevRandao, baseFeePerGas,
        blobBaseFee, beaconRoot, withdrawals);
  }

  /** The block with the overridden fields replaced; the fork follows the new number and time. */
  public CallBlock apply(CallBlock b) {
    long newNumber = number != null ? number : b.number();
    long newTime = time != null ? time : b.timestamp();
    Fork fork = b.config().forkAt(newNumber, newTime);
    UInt256 newDifficulty = difficulty != null ? difficulty : b.difficulty();
    UInt256 randao = b.prevRandao();
    if (prevRandao != null) {
      randao = prevRandao;
    } else if (difficulty != null && fork.isBefore(Fork.PARIS)) {
      // Before the merge the opcode at 0x44 reads the difficulty.
      randao = difficulty;
    }
    return new CallBlock(b.config(),
        feeRecipient != null ? feeRecipient : b.coinbase(),
        newNumber,
        newTime,
        gasLimit != null ? gasLimit : b.gasLimit(),
        newDifficulty,
        randao,
        baseFeePerGas != null ? baseFeePerGas : b.baseFee(),
        b.excessBlobGas(),
        blobBaseFee != null ? blobBaseFee : b.blobBaseFee(),
        b.blockHashes());
  }
}
