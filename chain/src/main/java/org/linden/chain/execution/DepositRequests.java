package org.linden.chain.execution;

import java.util.List;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * EIP-6110 deposit requests, read from the deposit contract's {@code DepositEvent} logs.
 * Each event's ABI-encoded data must have exactly the layout of the mainnet contract;
 * anything else invalidates the block.
 */
final class DepositRequests {
  static final Hash DEPOSIT_EVENT_SIGNATURE =
      Hash.fromHex("0x649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5");
  private static final int LOG_DATA_SIZE = 576;

  private DepositRequests() {}

  /** The concatenated request data (pubkey ‖ credentials ‖ amount ‖ signature ‖ index) of every deposit. */
  static Bytes extract(List<Log> logs, Address depositContract) throws BlockValidationException {
    Bytes out = Bytes.EMPTY;
    for (Log log : logs) {
      if (log.address().equals(depositContract) && !log.topics().isEmpty()
          && log.topics().get(0).equals(DEPOSIT_EVENT_SIGNATURE)) {
        out = Bytes.concat(out, depositData(log.data()));
      }
    }
    return out;
  }

  private static Bytes depositData(Bytes data) throws BlockValidationException {
    if (data.size() != LOG_DATA_SIZE) {
      throw new BlockValidationException("deposit log", "data is " + data.size() + " bytes, expected 576");
    }
    expectWord(data, 0, 160, "pubkey offset");
    expectWord(data, 32, 256, "withdrawal credentials offset");
    expectWord(data, 64, 320, "amount offset");
    expectWord(data, 96, 384, "signature offset");
    expectWord(data, 128, 512, "index offset");
    expectWord(data, 160, 48, "pubkey size");
    expectWord(data, 256, 32, "withdrawal credentials size");
    expectWord(data, 320, 8, "amount size");
    expectWord(data, 384, 96, "signature size");
    expectWord(data, 512, 8, "index size");
    return Bytes.concat(data.slice(192, 48), data.slice(288, 32), data.slice(352, 8), data.slice(416, 96),
        data.slice(544, 8));
  }

  private static void expectWord(Bytes data, int at, long expected, String what) throws BlockValidationException {
    UInt256 v = UInt256.fromBytes(data.slice(at, 32));
    if (!v.equals(UInt256.valueOf(expected))) {
      throw new BlockValidationException("deposit log", what + " is " + v + ", expected " + expected);
    }
  }
}
