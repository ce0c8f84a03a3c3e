package org.linden.chain.tx;

import java.util.OptionalLong;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Recovers the sender of a signed transaction under a fork's signature rules:
 * <ul>
 *   <li>0 &lt; r &lt; n and 0 &lt; s &lt; n always; s ≤ n/2 from Homestead (EIP-2);
 *   <li>legacy v is 27 or 28 (no chain id), or from Spurious Dragon also
 *       {@code chain_id * 2 + 35} or {@code + 36} for this chain (EIP-155);
 *   <li>typed transactions carry y_parity 0 or 1 and sign their own chain id, which the
 *       validator compares with the chain's.
 * </ul>
 */
public final class SenderRecovery {
  private static final UInt256 V27 = UInt256.valueOf(27);
  private static final UInt256 V28 = UInt256.valueOf(28);
  /** Enough for the senders of a few full blocks and the pool that feeds them. */
  private static final RecoveredSenders RECOVERED = new RecoveredSenders(16_384);

  private SenderRecovery() {}

  /** The address whose key signed {@code tx}, or a rejection with the rule that failed. */
  public static Address recover(Transaction tx, Fork fork, long chainId) throws InvalidTransactionException {
    boolean lowS = fork.isAtLeast(Fork.HOMESTEAD);
    if (!SignatureRules.isValidR(tx.r())) {
      throw new InvalidTransactionException(Reason.INVALID_SIGNATURE, "r must be in 1..n-1, got " + tx.r());
    }
    if (!SignatureRules.isValidS(tx.s(), lowS)) {
      throw new InvalidTransactionException(Reason.INVALID_SIGNATURE,
          "s must be in 1.." + (lowS ? "n/2 (EIP-2)" : "n-1") + ", got " + tx.s());
    }
    return switch (tx) {
      case LegacyTransaction legacy -> recoverLegacy(legacy, fork, chainId);
      case TypedTransaction typed -> recover(TransactionHashes.signingHash(typed), tx, typed.yParity());
    };
  }

  private static Address recoverLegacy(LegacyTransaction tx, Fork fork, long chainId)
      throws InvalidTransactionException {
    UInt256 v = tx.v();
    if (v.equals(V27) || v.equals(V28)) {
      return recover(tx.signingHash(OptionalLong.empty()), tx, v.equals(V27) ? 0 : 1);
    }
    if (fork.isBefore(Fork.SPURIOUS_DRAGON)) {
      throw new InvalidTransactionException(Reason.INVALID_SIGNATURE,
          "v must be 27 or 28 before Spurious Dragon (EIP-155), got " + v);
    }
    UInt256 id = UInt256.valueOf(chainId);
    UInt256 v0 = id.add(id).add(UInt256.valueOf(35));
    UInt256 v1 = v0.add(UInt256.ONE);
    if (!v.equals(v0) && !v.equals(v1)) {
      throw new InvalidTransactionException(Reason.INVALID_CHAIN_ID,
          "v = " + v + " is neither 27/28 nor " + v0 + "/" + v1 + " for chain id " + Long.toUnsignedString(chainId));
    }
    return recover(tx.signingHash(OptionalLong.of(chainId)), tx, v.equals(v0) ? 0 : 1);
  }

  private static Address recover(Hash signingHash, Transaction tx, int recoveryId)
      throws InvalidTransactionException {
    Signature signature = new Signature(tx.r(), tx.s(), recoveryId);
    Address known = RECOVERED.get(signingHash, signature);
    if (known != null) {
      return known;
    }
    Address sender = Secp256k1.recover(signingHash, signature)
        .map(key -> key.address())
        .orElseThrow(() -> new InvalidTransactionException(Reason.INVALID_SIGNATURE,
            "no public key recovers from the signature (r is not the x of a curve point)"));
    RECOVERED.put(signingHash, signature, sender);
    return sender;
  }
}
