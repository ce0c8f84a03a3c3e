package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

class AuthorizationTest {
  private static final PrivateKey AUTHORITY = PrivateKey.fromHex("0x" + "42".repeat(32));
  private static final Address DELEGATE = Address.fromHex("0x000000000000000000000000000000000000c0de");

  @Test
  void signingHashIsKeccakOfMagicAndRlpOfChainAddressNonce() {
    Authorization auth = Authorization.sign(UInt256.ONE, DELEGATE, 5, AUTHORITY);
    // 0x05 ‖ rlp([1, 0x…c0de, 5]) written out by hand.
    Bytes preimage = Bytes.fromHex("0x05" + "d7" + "01" + "94" + DELEGATE.bytes().toUnprefixedHex() + "05");
    assertThat(auth.signingHash()).isEqualTo(Keccak.hash256(preimage));
  }

  @Test
  void authorityRecoversTheSigner() {
    Authorization auth = Authorization.sign(UInt256.valueOf(Samples.CHAIN_ID), DELEGATE, 0, AUTHORITY);
    assertThat(auth.authority()).contains(AUTHORITY.address());
    // Chain id 0 means any chain; it signs like any other value.
    assertThat(Authorization.sign(UInt256.ZERO, DELEGATE, 0, AUTHORITY).authority()).contains(AUTHORITY.address());
  }

  @Test
  void authorityIsEmptyForAnInvalidSignature() {
    Authorization auth = Authorization.sign(UInt256.ONE, DELEGATE, 5, AUTHORITY);
    Authorization parity2 = new Authorization(auth.chainId(), auth.address(), auth.nonce(), 2, auth.r(), auth.s());
    Authorization highS = new Authorization(auth.chainId(), auth.address(), auth.nonce(), 1 - auth.yParity(),
        auth.r(), Secp256k1.ORDER.sub(auth.s()));
    Authorization zeroR = new Authorization(auth.chainId(), auth.address(), auth.nonce(), auth.yParity(),
        UInt256.ZERO, auth.s());
    assertThat(parity2.authority()).isEmpty();
    assertThat(highS.authority()).isEmpty();
    assertThat(zeroR.authority()).isEmpty();
  }

  @Test
  void authorizationsSurviveATransactionRoundTrip() throws Exception {
    SetCodeTransaction tx = TransactionSigner.sign(Samples.setCode(), Samples.KEY);
    SetCodeTransaction decoded = (SetCodeTransaction) TransactionCodec.decode(tx.encoded());
    assertThat(decoded.authorizations()).isEqualTo(tx.authorizations());
    assertThat(decoded.authorizations().get(0).authority())
        .contains(PrivateKey.fromHex("0x" + "11".repeat(32)).address());
  }
}
