package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.types.UInt256;

class TransactionHashesTest {
  @Test
  void theHashOfEveryTypeIsKeccakOfItsEncodingAndStaysSo() {
    for (Transaction tx : Samples.signedOfEveryType()) {
      var expected = Keccak.hash256(TransactionCodec.encode(tx));
      assertThat(tx.hash()).as("%s", tx.type()).isEqualTo(expected);
      // A second ask answers from the memo, with the same value.
      assertThat(tx.hash()).isEqualTo(expected);
      if (tx instanceof TypedTransaction typed) {
        assertThat(TransactionHashes.signingHash(typed)).isEqualTo(typed.signingHash());
        assertThat(TransactionHashes.signingHash(typed)).isEqualTo(typed.signingHash());
      }
    }
  }

  @Test
  void instancesThatDifferGetTheirOwnHashesAndEqualOnesTheSame() {
    FeeMarketTransaction a = Samples.feeMarket();
    FeeMarketTransaction b = new FeeMarketTransaction(a.chainId(), a.nonce() + 1, a.maxPriorityFeePerGas(),
        a.maxFeePerGas(), a.gas(), a.to(), a.value(), a.data(), a.accessList(), a.yParity(), a.r(), a.s());
    FeeMarketTransaction sameAsA = new FeeMarketTransaction(a.chainId(), a.nonce(), a.maxPriorityFeePerGas(),
        a.maxFeePerGas(), a.gas(), a.to(), a.value(), a.data(), a.accessList(), a.yParity(), a.r(), a.s());
    assertThat(a.hash()).isNotEqualTo(b.hash());
    assertThat(b.hash()).isEqualTo(Keccak.hash256(TransactionCodec.encode(b)));
    assertThat(sameAsA.hash()).isEqualTo(a.hash());
  }

  @Test
  void hashesStayRightAfterTheMemoHasTurnedOverItsGenerations() {
    FeeMarketTransaction a = Samples.feeMarket();
    List<Transaction> many = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      many.add(new FeeMarketTransaction(a.chainId(), i, a.maxPriorityFeePerGas(), a.maxFeePerGas(), a.gas(),
          a.to(), UInt256.valueOf(i), a.data(), a.accessList(), a.yParity(), a.r(), a.s()));
    }
    for (Transaction tx : many) {
      tx.hash();
    }
    for (int i = 0; i < many.size(); i += 997) {
      Transaction tx = many.get(i);
      assertThat(tx.hash()).isEqualTo(Keccak.hash256(TransactionCodec.encode(tx)));
    }
  }
}
