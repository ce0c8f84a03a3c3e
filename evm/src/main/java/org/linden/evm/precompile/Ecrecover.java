package org.linden.evm.precompile;

import java.util.Optional;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * ECRECOVER at 0x01: the address whose key signed a hash. Input (zero-padded to 128
 * bytes) is hash ‖ v ‖ r ‖ s as 32-byte words; the output is the address left-padded to
 * 32 bytes. The call itself never fails: a malformed or unrecoverable signature
 * succeeds with empty output, which is how contracts detect it. High s is accepted
 * (EIP-2 restricts transactions, not this precompile). 3000 gas.
 */
public final class Ecrecover implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x01);

  private static final long GAS = 3000;
  private static final int INPUT_SIZE = 128;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GAS;
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    byte[] data = CallData.read(input, 0, INPUT_SIZE);
    int recoveryId = recoveryId(data);
    if (recoveryId < 0) {
      return PrecompileResult.ok(Bytes.EMPTY);
    }
    Hash hash = Hash.wrap(Bytes.copyOf(data, 0, 32));
    UInt256 r = UInt256.fromBytes(Bytes.copyOf(data, 64, 32));
    UInt256 s = UInt256.fromBytes(Bytes.copyOf(data, 96, 32));
    // Secp256k1.recover rejects r or s outside [1, n-1] and yields empty, as required here.
    Optional<PublicKey> key = Secp256k1.recover(hash, new Signature(r, s, recoveryId));
    if (key.isEmpty()) {
      return PrecompileResult.ok(Bytes.EMPTY);
    }
    return PrecompileResult.ok(key.get().address().bytes().leftPad(32));
  }

  /**
   * The recovery id 0 or 1, or -1 if invalid: v must be the whole 32-byte word 27 or 28;
   * anything else (even 0 or 1) is invalid.
   */
  private static int recoveryId(byte[] data) {
    for (int i = 32; i < 63; i++) {
      if (data[i] != 0) {
        return -1;
      }
    }
    int v = data[63] & 0xff;
    return v == 27 || v == 28 ? v - 27 : -1;
  }
}
