package org.linden.crypto;

import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * An ECDSA signature over secp256k1 with its recovery id (0 or 1: the parity of the
 * curve point R's y coordinate).
 */
public record Signature(UInt256 r, UInt256 s, int recoveryId) {
  public Signature {
    if (recoveryId < 0 || recoveryId > 3) {
      throw new IllegalArgumentException("recovery id must be 0..3, got " + recoveryId);
    }
  }

  /** r‖s‖v with v = recovery id, 65 bytes. */
  public Bytes toBytes() {
    return Bytes.concat(r.toBytes32(), s.toBytes32(), Bytes.of((byte) recoveryId));
  }

  /** True if s is in the lower half of the curve order (EIP-2). */
  public boolean isLowS() {
    return UInt256.compareUnsigned(s, Secp256k1.HALF_ORDER) <= 0;
  }
}
