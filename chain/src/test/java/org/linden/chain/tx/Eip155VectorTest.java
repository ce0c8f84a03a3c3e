package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** The worked example in the text of EIP-155. */
class Eip155VectorTest {
  private static final LegacyTransaction UNSIGNED = LegacyTransaction.unsigned(
      9,
      UInt256.valueOf(20_000_000_000L),
      21_000,
      Address.fromHex("0x3535353535353535353535353535353535353535"),
      UInt256.valueOf(1_000_000_000_000_000_000L),
      Bytes.EMPTY);
  private static final PrivateKey KEY =
      PrivateKey.fromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
  private static final Bytes SIGNED = Bytes.fromHex("0xf86c098504a817c800825208943535353535353535353535353535353535"
      + "353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d89"
      + "97f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");

  @Test
  void signingHashMatchesTheEip() {
    Bytes signingData =
        Bytes.fromHex("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080");
    assertThat(Keccak.hash256(signingData))
        .isEqualTo(Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
    assertThat(UNSIGNED.signingHash(OptionalLong.of(1))).isEqualTo(Keccak.hash256(signingData));
  }

  @Test
  void signingGivesTheEipsSignedTransaction() {
    LegacyTransaction signed = TransactionSigner.signLegacy(UNSIGNED, OptionalLong.of(1), KEY);
    assertThat(signed.v()).isEqualTo(UInt256.valueOf(37));
    assertThat(signed.r().toBigInteger()).isEqualTo(
        new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846"));
    assertThat(signed.s().toBigInteger()).isEqualTo(
        new BigInteger("46948507304638947509940763649030358759909902576025900602547168820602576006531"));
    assertThat(signed.encoded()).isEqualTo(SIGNED);
  }

  @Test
  void decodingTheSignedTransactionRecoversTheKeysAddress() throws Exception {
    Transaction tx = TransactionCodec.decode(SIGNED);
    assertThat(tx).isEqualTo(TransactionSigner.signLegacy(UNSIGNED, OptionalLong.of(1), KEY));
    assertThat(((LegacyTransaction) tx).chainId()).hasValue(1);
    assertThat(SenderRecovery.recover(tx, Fork.SPURIOUS_DRAGON, 1)).isEqualTo(KEY.address());
  }
}
