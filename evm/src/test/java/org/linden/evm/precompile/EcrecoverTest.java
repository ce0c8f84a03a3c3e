package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.junit.jupiter.api.Test;

class EcrecoverTest {
  private static final Ecrecover ECRECOVER = new Ecrecover();
  private static final PrivateKey KEY =
      PrivateKey.fromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  private static final Hash MESSAGE = Keccak.hash256(Bytes.wrap("linden ecrecover".getBytes()));

  @Test
  void costs3000WhateverTheInput() {
    assertThat(ECRECOVER.gas(Bytes.EMPTY, Fork.FRONTIER)).isEqualTo(3000);
    assertThat(ECRECOVER.gas(Bytes.wrap(new byte[1000]), Fork.OSAKA)).isEqualTo(3000);
  }

  @Test
  void recoversTheSignersAddressLeftPadded() {
    Signature sig = Secp256k1.sign(MESSAGE, KEY);
    PrecompileResult result = ECRECOVER.run(input(MESSAGE, word(27 + sig.recoveryId()), sig.r(), sig.s()), Fork.CANCUN);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo(KEY.address().bytes().leftPad(32));
  }

  @Test
  void knownVector() {
    // The classic vector shared by client test suites: v = 28.
    Bytes in =
        Bytes.fromHex(
            "456e9aea5e197a1f1af7a3e85a3212fa4049a3ba34c2289b4c860fc0b0c64ef3"
                + "000000000000000000000000000000000000000000000000000000000000001c"
                + "9242685bf161793cc25603c231bc2f568eb630ea16aa137d2664ac8038825608"
                + "4f8ae3bd7535248d0bd448298cc2e2071e56992d0774dc340c368ae950852ada");
    assertThat(ECRECOVER.run(in, Fork.FRONTIER).output())
        .isEqualTo(Bytes.fromHex("0000000000000000000000007156526fbd7a3c72969b54f64e42c10fbb768c8a"));
  }

  @Test
  void acceptsHighS() {
    Signature sig = Secp256k1.sign(MESSAGE, KEY);
    // (r, n - s) with the other parity is the same signature in its high-s form.
    UInt256 highS = Secp256k1.ORDER.sub(sig.s());
    Bytes in = input(MESSAGE, word(27 + (sig.recoveryId() ^ 1)), sig.r(), highS);
    assertThat(ECRECOVER.run(in, Fork.OSAKA).output()).isEqualTo(KEY.address().bytes().leftPad(32));
  }

  @Test
  void invalidVGivesEmptySuccess() {
    Signature sig = Secp256k1.sign(MESSAGE, KEY);
    for (UInt256 v : new UInt256[] {word(0), word(1), word(26), word(29), word(27 + 256)}) {
      assertEmptySuccess(input(MESSAGE, v, sig.r(), sig.s()));
    }
    // 27 with a stray high byte is not 27.
    UInt256 dirty = UInt256.fromBytes(Bytes.fromHex("01" + "00".repeat(30) + "1b"));
    assertEmptySuccess(input(MESSAGE, dirty, sig.r(), sig.s()));
  }

  @Test
  void rAndSOutsideTheOrderGiveEmptySuccess() {
    Signature sig = Secp256k1.sign(MESSAGE, KEY);
    UInt256 v = word(27 + sig.recoveryId());
    assertEmptySuccess(input(MESSAGE, v, UInt256.ZERO, sig.s()));
    assertEmptySuccess(input(MESSAGE, v, sig.r(), UInt256.ZERO));
    assertEmptySuccess(input(MESSAGE, v, Secp256k1.ORDER, sig.s()));
    assertEmptySuccess(input(MESSAGE, v, sig.r(), Secp256k1.ORDER));
    assertEmptySuccess(input(MESSAGE, v, UInt256.MAX, sig.s()));
  }

  @Test
  void unrecoverableSignatureGivesEmptySuccess() {
    // About half of all r values are not the x coordinate of any curve point, so one of
    // the first few small values cannot be recovered from.
    Signature sig = Secp256k1.sign(MESSAGE, KEY);
    boolean sawFailure = false;
    for (long r = 1; r < 50 && !sawFailure; r++) {
      PrecompileResult result = ECRECOVER.run(input(MESSAGE, word(27), word(r), sig.s()), Fork.LONDON);
      assertThat(result.success()).isTrue();
      sawFailure = result.output().isEmpty();
    }
    assertThat(sawFailure).as("some small r has no point on the curve").isTrue();
  }

  @Test
  void shortInputIsZeroPadded() {
    Signature sig = Secp256k1.sign(MESSAGE, KEY);
    Bytes full = input(MESSAGE, word(27 + sig.recoveryId()), sig.r(), sig.s());
    Bytes longer = Bytes.concat(full, Bytes.fromHex("ffff"));
    assertThat(ECRECOVER.run(longer, Fork.CANCUN).output()).isEqualTo(KEY.address().bytes().leftPad(32));
    // An empty input reads as v = 0; without its last word, s reads as 0.
    assertEmptySuccess(Bytes.EMPTY);
    assertEmptySuccess(full.slice(0, 96));
    // A partial s is completed with zero bytes on the right: a different s, a different key.
    PrecompileResult truncated = ECRECOVER.run(full.slice(0, 100), Fork.CANCUN);
    assertThat(truncated.success()).isTrue();
    assertThat(truncated.output()).isNotEqualTo(KEY.address().bytes().leftPad(32));
  }

  private static void assertEmptySuccess(Bytes in) {
    PrecompileResult result = ECRECOVER.run(in, Fork.CANCUN);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo(Bytes.EMPTY);
  }

  private static UInt256 word(long v) {
    return UInt256.valueOf(v);
  }

  private static Bytes input(Hash hash, UInt256 v, UInt256 r, UInt256 s) {
    return Bytes.concat(hash.bytes(), v.toBytes32(), r.toBytes32(), s.toBytes32());
  }
}
