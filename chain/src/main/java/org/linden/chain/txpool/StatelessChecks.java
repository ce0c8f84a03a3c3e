package org.linden.chain.txpool;

import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.IntrinsicGas;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.SenderRecovery;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.chain.txpool.TxPoolException.Reason;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * The checks that need the rules and prices of the next block but neither the state nor
 * the pool's contents: size, the fork's transaction rules, gas and fee limits, the blob
 * sidecar and finally the signature. They hold no lock, so the costly parts (ECDSA
 * recovery, KZG proofs) run in parallel for concurrent callers.
 */
final class StatelessChecks {
  private final TxPoolConfig config;
  private final BlobProofVerifier proofs;

  StatelessChecks(TxPoolConfig config, BlobProofVerifier proofs) {
    this.config = config;
    this.proofs = proofs;
  }

  /**
   * Checks {@code tx} and recovers its sender. A reinjected transaction (one that a reorg
   * took out of a block) was good enough to be mined, so the pool's own price floors do not
   * apply to it, and its sidecar was verified when it first arrived.
   */
  ValidTransaction check(Transaction tx, Hash hash, BlobTransactionWithBlobs sidecar, PoolHead head,
      boolean reinjected) throws TxPoolException {
    return check(tx, hash, sidecar, head, reinjected, null);
  }

  /**
   * As {@link #check(Transaction, Hash, BlobTransactionWithBlobs, PoolHead, boolean)}; a
   * non-null {@code knownSender} is taken as the sender instead of recovering one from the
   * signature (a development chain's impersonated transaction).
   */
  ValidTransaction check(Transaction tx, Hash hash, BlobTransactionWithBlobs sidecar, PoolHead head,
      boolean reinjected, Address knownSender) throws TxPoolException {
    int size = tx.encoded().size();
    if (size > config.maxTransactionSize()) {
      throw new TxPoolException(Reason.OVERSIZED_DATA,
          "transaction size " + size + ", limit " + config.maxTransactionSize());
    }
    IntrinsicGas intrinsic;
    try {
      intrinsic = head.validator().checkWithoutSignature(tx);
    } catch (InvalidTransactionException e) {
      throw Rejections.of(e, tx, head);
    }
    if (Long.compareUnsigned(tx.gas(), head.gasLimit()) > 0) {
      throw new TxPoolException(Reason.EXCEEDS_BLOCK_GAS_LIMIT);
    }
    if (!reinjected) {
      checkPrices(tx, head);
    }
    if (tx instanceof BlobTransaction) {
      checkSidecar(sidecar, head, reinjected);
    }
    if (knownSender != null) {
      return new ValidTransaction(tx, hash, knownSender, intrinsic);
    }
    try {
      Address sender = SenderRecovery.recover(tx, head.fork(), head.validator().chainId());
      return new ValidTransaction(tx, hash, sender, intrinsic);
    } catch (InvalidTransactionException e) {
      throw Rejections.of(e, tx, head);
    }
  }

  private void checkPrices(Transaction tx, PoolHead head) throws TxPoolException {
    if (tx.maxPriorityFeePerGas().lt(config.minTip())) {
      throw new TxPoolException(Reason.UNDERPRICED,
          "gas tip cap " + tx.maxPriorityFeePerGas() + ", minimum needed " + config.minTip());
    }
    if (Fees.isUnderwater(tx, head.baseFee())) {
      throw new TxPoolException(Reason.FEE_CAP_BELOW_BASE_FEE,
          "maxFeePerGas: " + tx.maxFeePerGas() + ", baseFee: " + head.baseFee());
    }
    if (tx instanceof BlobTransaction blob && blob.maxFeePerBlobGas().lt(head.blobBaseFee())) {
      throw new TxPoolException(Reason.BLOB_FEE_CAP_TOO_LOW,
          "blobGasFeeCap: " + blob.maxFeePerBlobGas() + ", blobBaseFee: " + head.blobBaseFee());
    }
  }

  private void checkSidecar(BlobTransactionWithBlobs sidecar, PoolHead head, boolean reinjected)
      throws TxPoolException {
    if (sidecar == null) {
      throw new TxPoolException(Reason.MISSING_SIDECAR);
    }
    try {
      sidecar.checkSidecar(head.fork());
    } catch (InvalidTransactionException e) {
      throw new TxPoolException(Reason.INVALID_SIDECAR, e.getMessage());
    }
    if (!reinjected && !proofs.verify(sidecar)) {
      throw new TxPoolException(Reason.INVALID_SIDECAR, "KZG proof verification failed");
    }
  }
}
