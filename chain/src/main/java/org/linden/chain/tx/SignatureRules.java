package org.linden.chain.tx;

import org.linden.crypto.Secp256k1;
import org.linden.types.UInt256;

/**
 * The range checks on ECDSA signature values that transactions and authorizations share.
 * {@code Secp256k1.recover} accepts any s, because ecrecover does; the protocol does not.
 */
final class SignatureRules {
  private SignatureRules() {}

  /** 0 &lt; r &lt; n. */
  static boolean isValidR(UInt256 r) {
    return !r.isZero() && UInt256.compareUnsigned(r, Secp256k1.ORDER) < 0;
  }

  /** 0 &lt; s &lt; n, and s ≤ n/2 when {@code lowS} (EIP-2). */
  static boolean isValidS(UInt256 s, boolean lowS) {
    if (s.isZero()) {
      return false;
    }
    UInt256 max = lowS ? Secp256k1.HALF_ORDER : Secp256k1.ORDER;
    return lowS ? UInt256.compareUnsigned(s, max) <= 0 : UInt256.compareUnsigned(s, max) < 0;
  }
}
