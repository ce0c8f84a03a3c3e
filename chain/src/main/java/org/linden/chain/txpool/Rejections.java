package org.linden.chain.txpool;

import org.linden.chain.tx.IntrinsicGas;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException.Reason;

/** Translates the chain's validation failures into the pool's go-ethereum errors. */
final class Rejections {
  private Rejections() {}

  static TxPoolException of(InvalidTransactionException e, Transaction tx, PoolHead head) {
    String detail = e.getMessage();
    return switch (e.reason()) {
      case TYPE_NOT_SUPPORTED -> new TxPoolException(Reason.TYPE_NOT_SUPPORTED, detail);
      case INVALID_CHAIN_ID -> new TxPoolException(Reason.INVALID_CHAIN_ID, detail);
      case INVALID_SIGNATURE -> new TxPoolException(Reason.INVALID_SENDER, detail);
      case NONCE_TOO_BIG -> new TxPoolException(Reason.NONCE_MAX, detail);
      case INTRINSIC_GAS_TOO_LOW -> intrinsicGas(tx, head);
      case GAS_LIMIT_ABOVE_CAP -> new TxPoolException(Reason.GAS_LIMIT_TOO_HIGH, detail);
      // gas · fee cap above 2^256: no balance covers it.
      case GAS_PRICE_PRODUCT_OVERFLOW -> new TxPoolException(Reason.INSUFFICIENT_FUNDS, detail);
      case PRIORITY_FEE_ABOVE_MAX_FEE -> new TxPoolException(Reason.TIP_ABOVE_FEE_CAP, detail);
      case INITCODE_SIZE_EXCEEDED -> new TxPoolException(Reason.MAX_INITCODE_SIZE_EXCEEDED, detail);
      case NO_BLOBS -> new TxPoolException(Reason.MISSING_BLOB_HASHES, detail);
      case TOO_MANY_BLOBS -> new TxPoolException(Reason.TOO_MANY_BLOBS, detail);
      case INVALID_BLOB_VERSIONED_HASH -> new TxPoolException(Reason.BLOB_HASH_VERSION_MISMATCH, detail);
      case BLOB_SIDECAR_MISMATCH -> new TxPoolException(Reason.INVALID_SIDECAR, detail);
      case EMPTY_AUTHORIZATION_LIST -> new TxPoolException(Reason.EMPTY_AUTH_LIST, detail);
      // Decoding failures: only reachable from bytes.
      default -> new TxPoolException(Reason.INVALID_ENCODING, e.toString());
    };
  }

  /** geth tells the intrinsic gas and the EIP-7623 floor apart; the validator folds them. */
  private static TxPoolException intrinsicGas(Transaction tx, PoolHead head) {
    IntrinsicGas gas = IntrinsicGas.of(tx, head.fork());
    String have = "gas " + Long.toUnsignedString(tx.gas());
    if (Long.compareUnsigned(tx.gas(), gas.intrinsicGas()) < 0) {
      return new TxPoolException(Reason.INTRINSIC_GAS_TOO_LOW, have + ", minimum needed " + gas.intrinsicGas());
    }
    return new TxPoolException(Reason.FLOOR_DATA_GAS, have + ", minimum needed " + gas.calldataFloorGas());
  }
}
