package org.linden.node;

import java.util.List;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/** Signed EIP-1559 transfers for tests on the dev chain. */
final class DevTransfers {
  static final UInt256 GWEI = UInt256.valueOf(1_000_000_000L);

  private DevTransfers() {}

  static FeeMarketTransaction transfer(long chainId, PrivateKey from, long nonce, Address to, UInt256 value,
      UInt256 tip) {
    FeeMarketTransaction unsigned = new FeeMarketTransaction(chainId, nonce, tip, GWEI.mul(UInt256.valueOf(10)).add(tip),
        21_000, to, value, Bytes.EMPTY, List.of(), 0, UInt256.ZERO, UInt256.ZERO);
    return TransactionSigner.sign(unsigned, from);
  }

  static FeeMarketTransaction transfer(long chainId, PrivateKey from, long nonce, Address to, UInt256 value) {
    return transfer(chainId, from, nonce, to, value, GWEI);
  }
}
