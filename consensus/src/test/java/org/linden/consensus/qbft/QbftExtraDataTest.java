package org.linden.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class QbftExtraDataTest {
  /** The genesis extraData of Besu's QBFT documentation: four validators, round 0, no vote, no seals. */
  private static final String BESU_GENESIS_EXTRA =
      "0xf87aa00000000000000000000000000000000000000000000000000000000000000000f8549464a702e6263b7297a96638cac6ae65e6541f4169943923390ad55e90c237593b3b0e401f3b08a0318594aefdb9a738c9f433e5b6b212a6d62f6370c2f69294c7eeb9a4e00ce683cf93039b212648e01c6c6b78c080c0";

  @Test
  void decodesBesuGenesisExtraData() {
    QbftExtraData extra = QbftExtraData.decode(Bytes.fromHex(BESU_GENESIS_EXTRA));
    assertEquals(4, extra.validators().size());
    assertEquals(Address.fromHex("0x64a702e6263b7297a96638cac6ae65e6541f4169"), extra.validators().get(0));
    assertEquals(Optional.empty(), extra.vote());
    assertEquals(0, extra.round());
    assertTrue(extra.commitSeals().isEmpty());
    assertEquals(Bytes.fromHex(BESU_GENESIS_EXTRA), extra.encode());
  }

  @Test
  void roundTripsVoteRoundAndSeals() {
    var keys = TestKeys.keys(2);
    Signature seal = Secp256k1.sign(Hash.ZERO, keys.get(0));
    for (boolean add : new boolean[] {true, false}) {
      QbftExtraData extra = new QbftExtraData(
          Bytes.wrap(new byte[32]),
          List.of(keys.get(0).address(), keys.get(1).address()),
          Optional.of(new Vote(Address.fromNumber(7), add)),
          300,
          List.of(seal));
      assertEquals(extra, QbftExtraData.decode(extra.encode()));
    }
  }

  @Test
  void refusesMalformedExtraData() {
    assertThrows(QbftDecodingException.class, () -> QbftExtraData.decode(Bytes.EMPTY));
    assertThrows(QbftDecodingException.class, () -> QbftExtraData.decode(Bytes.wrap(new byte[32])));
    Bytes good = Bytes.fromHex(BESU_GENESIS_EXTRA);
    assertThrows(QbftDecodingException.class, () -> QbftExtraData.decode(Bytes.concat(good, Bytes.of((byte) 0))));
  }
}
