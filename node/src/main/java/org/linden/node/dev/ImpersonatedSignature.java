package org.linden.node.dev;

import java.math.BigInteger;
import java.util.OptionalLong;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TypedTransaction;
import org.linden.crypto.Keccak;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * The placeholder signature of an impersonated transaction on a development chain.
 *
 * <p>A transaction sent from an impersonated account has no real signature, yet it needs
 * one to have a hash, a place in a block and a transactions root. The placeholder is
 * derived from the sender, so two senders' otherwise identical transactions get different
 * hashes, and its {@code r} is chosen so that no curve point has it as x coordinate:
 * recovery always fails, so an impersonated transaction can never pass as signed by anyone.
 * The sender travels beside the block instead ({@code IrregularChanges}).
 */
final class ImpersonatedSignature {
  /** The field prime p of secp256k1. */
  private static final BigInteger P =
      new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
  private static final BigInteger N = Secp256k1.ORDER.toBigInteger();
  private static final BigInteger SEVEN = BigInteger.valueOf(7);

  private ImpersonatedSignature() {}

  /** {@code tx} with the placeholder signature of {@code sender}. */
  static Transaction apply(Transaction tx, Address sender, long chainId) {
    Signature sig = of(sender);
    return switch (tx) {
      case LegacyTransaction legacy -> legacy.withSignature(sig, OptionalLong.of(chainId));
      case TypedTransaction typed -> typed.withSignature(sig);
    };
  }

  /** Whether {@code tx} carries a placeholder signature (s = 1, which no signer produces in practice). */
  static boolean isPlaceholder(Transaction tx) {
    return tx.s().equals(UInt256.ONE) && !isCurveX(tx.r().toBigInteger());
  }

  static Signature of(Address sender) {
    Bytes seed = sender.bytes();
    for (int counter = 0; ; counter++) {
      Bytes digest = Keccak.hash256(Bytes.concat(seed, Bytes.of((byte) counter))).bytes();
      BigInteger r = new BigInteger(1, digest.toArray()).mod(N);
      // About half of all values are not x coordinates; a few tries find one.
      if (r.signum() != 0 && !isCurveX(r)) {
        return new Signature(UInt256.fromBigInteger(r), UInt256.ONE, 0);
      }
    }
  }

  /** Whether y² = x³ + 7 has a solution mod p (Euler's criterion). */
  private static boolean isCurveX(BigInteger x) {
    BigInteger rhs = x.modPow(BigInteger.valueOf(3), P).add(SEVEN).mod(P);
    return rhs.signum() == 0 || rhs.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }
}
