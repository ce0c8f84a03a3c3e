package org.linden.chain.tx;

import java.util.List;
import java.util.OptionalLong;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Unsigned sample transactions of every type, and the key that signs them in tests. */
final class Samples {
  static final long CHAIN_ID = 1337;
  static final PrivateKey KEY =
      PrivateKey.fromHex("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  static final Address TO = Address.fromHex("0x3535353535353535353535353535353535353535");
  static final Bytes DATA = Bytes.fromHex("0xdeadbeef00");
  static final List<Access> ACCESS_LIST = List.of(
      new Access(Address.fromHex("0x00000000000000000000000000000000000000aa"),
          List.of(Hash.fromHex("0x" + "00".repeat(31) + "01"), Hash.fromHex("0x" + "ff".repeat(32)))),
      new Access(Address.fromHex("0x00000000000000000000000000000000000000bb"), List.of()));
  static final Hash BLOB_HASH = Hash.fromHex("0x01" + "ab".repeat(31));

  private Samples() {}

  static UInt256 gwei(long n) {
    return UInt256.valueOf(n * 1_000_000_000L);
  }

  static LegacyTransaction legacy() {
    return LegacyTransaction.unsigned(9, gwei(20), 30_000, TO, UInt256.valueOf(1_000), DATA);
  }

  static AccessListTransaction accessList() {
    return new AccessListTransaction(CHAIN_ID, 1, gwei(2), 100_000, TO, UInt256.ONE, DATA, ACCESS_LIST, 0,
        UInt256.ZERO, UInt256.ZERO);
  }

  static FeeMarketTransaction feeMarket() {
    return new FeeMarketTransaction(CHAIN_ID, 2, gwei(1), gwei(30), 100_000, TO, UInt256.ZERO, DATA,
        ACCESS_LIST, 0, UInt256.ZERO, UInt256.ZERO);
  }

  /** A contract creation: empty {@code to}. */
  static FeeMarketTransaction creation() {
    return new FeeMarketTransaction(CHAIN_ID, 0, gwei(1), gwei(30), 200_000, null, UInt256.ZERO,
        Bytes.fromHex("0x6000600055"), List.of(), 0, UInt256.ZERO, UInt256.ZERO);
  }

  static BlobTransaction blob(List<Hash> hashes) {
    return new BlobTransaction(CHAIN_ID, 3, gwei(1), gwei(30), 100_000, TO, UInt256.ZERO, DATA, ACCESS_LIST,
        gwei(5), hashes, 0, UInt256.ZERO, UInt256.ZERO);
  }

  static BlobTransaction blob() {
    return blob(List.of(BLOB_HASH));
  }

  static SetCodeTransaction setCode(List<Authorization> authorizations) {
    return new SetCodeTransaction(CHAIN_ID, 4, gwei(1), gwei(30), 100_000, TO, UInt256.ZERO, DATA, ACCESS_LIST,
        authorizations, 0, UInt256.ZERO, UInt256.ZERO);
  }

  static SetCodeTransaction setCode() {
    PrivateKey authority = PrivateKey.fromHex("0x" + "11".repeat(32));
    return setCode(List.of(Authorization.sign(UInt256.valueOf(CHAIN_ID), TO, 7, authority)));
  }

  /** One signed transaction of each type. */
  static List<Transaction> signedOfEveryType() {
    return List.of(
        TransactionSigner.signLegacy(legacy(), OptionalLong.empty(), KEY),
        TransactionSigner.signLegacy(legacy(), OptionalLong.of(CHAIN_ID), KEY),
        TransactionSigner.sign(accessList(), KEY),
        TransactionSigner.sign(feeMarket(), KEY),
        TransactionSigner.sign(creation(), KEY),
        TransactionSigner.sign(blob(), KEY),
        TransactionSigner.sign(setCode(), KEY));
  }
}
