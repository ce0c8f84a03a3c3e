package org.linden.node.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SenderRecovery;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.hd.DevAccounts;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.UInt256;
import org.junit.jupiter.api.Test;

class ImpersonatedSignatureTest {
  private static final LegacyTransaction UNSIGNED = LegacyTransaction.unsigned(0, UInt256.valueOf(1_000_000_000L),
      21_000, Address.fromHex("0x00000000000000000000000000000000000000aa"), UInt256.ONE, Bytes.EMPTY);

  @Test
  void placeholdersRecoverNoOneAndDifferPerSender() throws Exception {
    for (int i = 0; i < 64; i++) {
      Address sender = Address.fromHex(String.format("0x%040x", i + 1));
      Transaction tx = ImpersonatedSignature.apply(UNSIGNED, sender, 1337);
      assertThat(ImpersonatedSignature.isPlaceholder(tx)).isTrue();
      assertThatThrownBy(() -> SenderRecovery.recover(tx, Fork.OSAKA, 1337))
          .isInstanceOf(InvalidTransactionException.class);
      // It survives the round trip through the block encoding.
      assertThat(TransactionCodec.decode(tx.encoded())).isEqualTo(tx);
      Transaction other = ImpersonatedSignature.apply(UNSIGNED, Address.fromHex(String.format("0x%040x", i + 1000)), 1337);
      assertThat(other.hash()).isNotEqualTo(tx.hash());
    }
  }

  @Test
  void aRealSignatureIsNoPlaceholder() throws Exception {
    PrivateKey key = DevAccounts.fromMnemonic(DevAccounts.TEST_MNEMONIC, 1).get(0);
    Transaction signed = org.linden.chain.tx.TransactionSigner.signLegacy(UNSIGNED, java.util.OptionalLong.of(1337), key);
    assertThat(ImpersonatedSignature.isPlaceholder(signed)).isFalse();
    assertThat(SenderRecovery.recover(signed, Fork.OSAKA, 1337)).isEqualTo(key.address());
  }
}
