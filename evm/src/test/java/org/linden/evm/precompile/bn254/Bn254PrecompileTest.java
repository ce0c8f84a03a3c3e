package org.linden.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.evm.precompile.bn254.TestPoints.P;
import static org.linden.evm.precompile.bn254.TestPoints.concat;
import static org.linden.evm.precompile.bn254.TestPoints.encode;
import static org.linden.evm.precompile.bn254.TestPoints.fp;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/** ECADD (0x06), ECMUL (0x07) and the pairing check (0x08) as the EVM calls them. */
class Bn254PrecompileTest {
  private final Bn254Add add = new Bn254Add();
  private final Bn254Mul mul = new Bn254Mul();
  private final Bn254Pairing pairing = new Bn254Pairing();

  private static final Bytes ZERO_POINT = Bytes.wrap(new byte[64]);
  private static final Bytes TRUE = Bytes.fromHex("00".repeat(31) + "01");
  private static final Bytes FALSE = Bytes.wrap(new byte[32]);

  // The G2 generator P2 of EIP-197, in the precompile's order (imaginary part first).
  private static final String P2_X_IM =
      "11559732032986387107991004021392285783925812861821192530917403151452391805634";
  private static final String P2_X_RE =
      "10857046999023057135944570762232829481370756359578518086990519993285655852781";
  private static final String P2_Y_IM =
      "4082367875863433681332203403145435568316851327593401208105741076214120093531";
  private static final String P2_Y_RE =
      "8495653923123431417604973247489272438418190587263600148770280649306958101930";

  private static byte[] dec(String decimal) {
    return fp(new BigInteger(decimal));
  }

  private static byte[] p1() {
    return concat(fp(BigInteger.ONE), fp(BigInteger.TWO));
  }

  private static byte[] p2() {
    return concat(dec(P2_X_IM), dec(P2_X_RE), dec(P2_Y_IM), dec(P2_Y_RE));
  }

  private static PrecompileResult ok(PrecompileResult r) {
    assertThat(r.success()).as("call succeeds, reason %s", r.reason()).isTrue();
    return r;
  }

  private static void fails(PrecompileResult r) {
    assertThat(r.success()).isFalse();
    assertThat(r.output()).isEqualTo(Bytes.EMPTY);
    assertThat(r.reason()).isNotBlank();
  }

  // ---- gas ----

  @ParameterizedTest
  @EnumSource(
      value = Fork.class,
      names = {"BYZANTIUM", "CONSTANTINOPLE", "PETERSBURG"})
  void byzantiumPrices(Fork fork) {
    assertThat(add.gas(Bytes.EMPTY, fork)).isEqualTo(500);
    assertThat(mul.gas(Bytes.EMPTY, fork)).isEqualTo(40_000);
    assertThat(pairing.gas(Bytes.EMPTY, fork)).isEqualTo(100_000);
    assertThat(pairing.gas(Bytes.wrap(new byte[192]), fork)).isEqualTo(180_000);
    assertThat(pairing.gas(Bytes.wrap(new byte[384]), fork)).isEqualTo(260_000);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fork.class,
      names = {"ISTANBUL", "BERLIN", "LONDON", "CANCUN", "PRAGUE", "OSAKA"})
  void istanbulPrices(Fork fork) {
    assertThat(add.gas(Bytes.EMPTY, fork)).isEqualTo(150);
    assertThat(mul.gas(Bytes.EMPTY, fork)).isEqualTo(6_000);
    assertThat(pairing.gas(Bytes.EMPTY, fork)).isEqualTo(45_000);
    assertThat(pairing.gas(Bytes.wrap(new byte[192]), fork)).isEqualTo(79_000);
    assertThat(pairing.gas(Bytes.wrap(new byte[384]), fork)).isEqualTo(113_000);
  }

  @Test
  void pairingGasCountsWholePairsEvenForInvalidLengths() {
    // Gas is charged before the length check, on floor(len / 192) pairs.
    assertThat(pairing.gas(Bytes.wrap(new byte[191]), Fork.CANCUN)).isEqualTo(45_000);
    assertThat(pairing.gas(Bytes.wrap(new byte[193]), Fork.CANCUN)).isEqualTo(79_000);
    assertThat(add.gas(Bytes.wrap(new byte[1000]), Fork.CANCUN)).isEqualTo(150);
  }

  // ---- ECADD ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // go-ethereum core/vm/testdata/precompiles/bn256Add.json, cases chfast1, cdetrio11, cdetrio13,
    // cdetrio14
    "chfast1,"
        + "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f3726607c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7,"
        + "2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915",
    "cdetrio11,"
        + "0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002,"
        + "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4",
    "cdetrio13,"
        + "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98,"
        + "15bf2bb17880144b5d1cd2b1f46eff9d617bffd1ca57c37fb5a49bd84e53cf66049c797f9ce0d17083deb32b5e36f2ea2a212ee036598dd7624c168993d1355f",
    "cdetrio14,"
        + "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa92e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,"
        + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
  })
  void addPublishedVectors(String name, String input, String expected) {
    assertThat(ok(add.run(Bytes.fromHex(input), Fork.CANCUN)).output())
        .isEqualTo(Bytes.fromHex(expected));
  }

  @Test
  void addOfInfinityAndEmptyInput() {
    assertThat(ok(add.run(Bytes.EMPTY, Fork.CANCUN)).output()).isEqualTo(ZERO_POINT);
    assertThat(ok(add.run(Bytes.wrap(new byte[128]), Fork.CANCUN)).output()).isEqualTo(ZERO_POINT);
    Bytes g = Bytes.wrap(p1());
    assertThat(ok(add.run(Bytes.wrap(concat(new byte[64], p1())), Fork.CANCUN)).output())
        .isEqualTo(g);
    assertThat(ok(add.run(Bytes.wrap(concat(p1(), new byte[64])), Fork.CANCUN)).output())
        .isEqualTo(g);
  }

  @Test
  void addPadsShortInputAndIgnoresSurplus() {
    // 64 bytes: the second point is read as (0, 0).
    assertThat(ok(add.run(Bytes.wrap(p1()), Fork.CANCUN)).output()).isEqualTo(Bytes.wrap(p1()));
    // G + G with trailing garbage beyond 128 bytes.
    byte[] longer = concat(p1(), p1(), new byte[] {1, 2, 3, (byte) 0xff});
    assertThat(ok(add.run(Bytes.wrap(longer), Fork.CANCUN)).output())
        .isEqualTo(Bytes.wrap(encode(G1Point.GENERATOR.dbl())));
    // 32 bytes (x = 1, y = 0): padding yields a point off the curve.
    fails(add.run(Bytes.wrap(fp(BigInteger.ONE)), Fork.CANCUN));
  }

  @Test
  void addRejectsPointsOffTheCurve() {
    byte[] bad = concat(fp(BigInteger.ONE), fp(BigInteger.valueOf(3)));
    fails(add.run(Bytes.wrap(concat(bad, p1())), Fork.CANCUN));
    fails(add.run(Bytes.wrap(concat(p1(), bad)), Fork.CANCUN));
    // (0, y) with y ≠ 0 is not the encoding of infinity.
    fails(add.run(Bytes.wrap(concat(fp(BigInteger.ZERO), fp(BigInteger.ONE))), Fork.CANCUN));
  }

  @Test
  void addRejectsCoordinatesNotBelowP() {
    // (1 + p, 2) would be the generator if reduced mod p; EIP-196 says it must fail.
    fails(
        add.run(
            Bytes.wrap(concat(fp(P.add(BigInteger.ONE)), fp(BigInteger.TWO), p1())), Fork.CANCUN));
    fails(
        add.run(
            Bytes.wrap(concat(p1(), fp(BigInteger.ONE), fp(P.add(BigInteger.TWO)))), Fork.CANCUN));
    fails(add.run(Bytes.wrap(concat(fp(P), fp(BigInteger.ZERO))), Fork.CANCUN));
  }

  // ---- ECMUL ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // go-ethereum core/vm/testdata/precompiles/bn256ScalarMul.json, cases chfast1, chfast2,
    // cdetrio1..4
    "chfast1,"
        + "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb20400000000000000000000000000000000000000000000000011138ce750fa15c2,"
        + "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc",
    "chfast2,"
        + "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46,"
        + "025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e",
    "cdetrio1,"
        + "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff,"
        + "2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c411aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11",
    "cdetrio2,"
        + "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f630644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000,"
        + "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3163511ddc1c3f25d396745388200081287b3fd1472d8339d5fecb2eae0830451",
    "cdetrio3,"
        + "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f60000000000000000000000000000000100000000000000000000000000000000,"
        + "1051acb0700ec6d42a88215852d582efbaef31529b6fcbc3277b5c1b300f5cf0135b2394bb45ab04b8bd7611bd2dfe1de6a4e6e2ccea1ea1955f577cd66af85b",
    "cdetrio4,"
        + "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f60000000000000000000000000000000000000000000000000000000000000009,"
        + "1dbad7d39dbc56379f78fac1bca147dc8e66de1b9d183c7b167351bfe0aeab742cd757d51289cd8dbd0acf9e673ad67d0f0a89f912af47ed1be53664f5692575"
  })
  void mulPublishedVectors(String name, String input, String expected) {
    assertThat(ok(mul.run(Bytes.fromHex(input), Fork.CANCUN)).output())
        .isEqualTo(Bytes.fromHex(expected));
  }

  @Test
  void mulByZeroOneAndTheGroupOrder() {
    byte[] g = p1();
    assertThat(ok(mul.run(Bytes.wrap(concat(g, fp(BigInteger.ZERO))), Fork.CANCUN)).output())
        .isEqualTo(ZERO_POINT);
    assertThat(ok(mul.run(Bytes.wrap(concat(g, fp(BigInteger.ONE))), Fork.CANCUN)).output())
        .isEqualTo(Bytes.wrap(g));
    assertThat(ok(mul.run(Bytes.wrap(concat(g, fp(TestPoints.R))), Fork.CANCUN)).output())
        .isEqualTo(ZERO_POINT);
    assertThat(
            ok(mul.run(Bytes.wrap(concat(new byte[64], fp(BigInteger.TEN))), Fork.CANCUN)).output())
        .isEqualTo(ZERO_POINT);
  }

  @Test
  void mulPadsShortInputAndIgnoresSurplus() {
    assertThat(ok(mul.run(Bytes.EMPTY, Fork.CANCUN)).output()).isEqualTo(ZERO_POINT);
    // Point only: the scalar reads as zero.
    assertThat(ok(mul.run(Bytes.wrap(p1()), Fork.CANCUN)).output()).isEqualTo(ZERO_POINT);
    // One scalar byte 0x02 is the scalar 2·2^248, as CALLDATALOAD would read it.
    BigInteger k = BigInteger.TWO.shiftLeft(248);
    assertThat(ok(mul.run(Bytes.wrap(concat(p1(), new byte[] {2})), Fork.CANCUN)).output())
        .isEqualTo(Bytes.wrap(encode(TestPoints.g1(k))));
    byte[] longer = concat(p1(), fp(BigInteger.TWO), new byte[] {9, 9, 9});
    assertThat(ok(mul.run(Bytes.wrap(longer), Fork.CANCUN)).output())
        .isEqualTo(Bytes.wrap(encode(G1Point.GENERATOR.dbl())));
  }

  @Test
  void mulRejectsInvalidPoints() {
    fails(
        mul.run(
            Bytes.wrap(concat(fp(BigInteger.ONE), fp(BigInteger.valueOf(3)), fp(BigInteger.TWO))),
            Fork.CANCUN));
    fails(
        mul.run(
            Bytes.wrap(concat(fp(P.add(BigInteger.ONE)), fp(BigInteger.TWO), fp(BigInteger.TWO))),
            Fork.CANCUN));
    fails(
        mul.run(
            Bytes.wrap(concat(fp(BigInteger.ONE), fp(P.add(BigInteger.TWO)), fp(BigInteger.ZERO))),
            Fork.CANCUN));
  }

  // ---- pairing ----

  @Test
  void eip197GeneratorCheck() {
    // e(P1, P2) · e(-P1, P2) = 1 with the generators of EIP-197.
    byte[] minusP1 = concat(fp(BigInteger.ONE), fp(P.subtract(BigInteger.TWO)));
    assertThat(ok(pairing.run(Bytes.wrap(concat(p1(), p2(), minusP1, p2())), Fork.CANCUN)).output())
        .isEqualTo(TRUE);
    // e(P1, P2) alone is not 1, and neither is e(P1, P2)^2.
    assertThat(ok(pairing.run(Bytes.wrap(concat(p1(), p2())), Fork.CANCUN)).output())
        .isEqualTo(FALSE);
    assertThat(ok(pairing.run(Bytes.wrap(concat(p1(), p2(), p1(), p2())), Fork.CANCUN)).output())
        .isEqualTo(FALSE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // go-ethereum core/vm/testdata/precompiles/bn256Pairing.json, cases jeff1, jeff2, jeff6,
    // two_point_match_3
    "jeff1,"
        + "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa,"
        + "1",
    "jeff2,"
        + "2eca0c7238bf16e83e7a1e6c5d49540685ff51380f309842a98561558019fc0203d3260361bb8451de5ff5ecd17f010ff22f5c31cdf184e9020b06fa5997db841213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f06967a1237ebfeca9aaae0d6d0bab8e28c198c5a339ef8a2407e31cdac516db922160fa257a5fd5b280642ff47b65eca77e626cb685c84fa6d3b6882a283ddd1198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa,"
        + "1",
    "jeff6,"
        + "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa,"
        + "0",
    "two_point_match_3,"
        + "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002203e205db4f19b37b60121b83a7333706db86431c6d835849957ed8c3928ad7927dc7234fd11d3e8c36c59277c3e6f149d5cd3cfa9a62aee49f8130962b4b3b9195e8aa5b7827463722b8c153931579d3505566b4edf48d498e185f0509de15204bb53b8977e5f92a0bc372742c4830944a59b4fe6b1c0466e2a6dad122b5d2e030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd31a76dae6d3272396d0cbe61fced2bc532edac647851e3ac53ce1cc9c7e645a83198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa,"
        + "1"
  })
  void pairingPublishedVectors(String name, String input, int expected) {
    assertThat(ok(pairing.run(Bytes.fromHex(input), Fork.CANCUN)).output())
        .isEqualTo(expected == 1 ? TRUE : FALSE);
  }

  @Test
  void emptyPairingInputIsTrue() {
    assertThat(ok(pairing.run(Bytes.EMPTY, Fork.CANCUN)).output()).isEqualTo(TRUE);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 32, 64, 128, 191, 193, 383, 385})
  void pairingRejectsLengthsThatAreNotWholePairs(int length) {
    byte[] in = Arrays.copyOf(concat(p1(), p2(), p1(), p2(), p1(), p2()), length);
    fails(pairing.run(Bytes.wrap(in), Fork.CANCUN));
  }

  @Test
  void pairsWithInfinityContributeOne() {
    byte[] g1Inf = new byte[64];
    byte[] g2Inf = new byte[128];
    assertThat(ok(pairing.run(Bytes.wrap(new byte[192]), Fork.CANCUN)).output()).isEqualTo(TRUE);
    assertThat(ok(pairing.run(Bytes.wrap(concat(g1Inf, p2())), Fork.CANCUN)).output())
        .isEqualTo(TRUE);
    assertThat(ok(pairing.run(Bytes.wrap(concat(p1(), g2Inf)), Fork.CANCUN)).output())
        .isEqualTo(TRUE);
    // An infinity pair next to a non-trivial one leaves the result to the other pair.
    assertThat(ok(pairing.run(Bytes.wrap(concat(g1Inf, p2(), p1(), p2())), Fork.CANCUN)).output())
        .isEqualTo(FALSE);
  }

  @Test
  void pairingRejectsInvalidG1Points() {
    byte[] offCurve = concat(fp(BigInteger.ONE), fp(BigInteger.valueOf(3)));
    fails(pairing.run(Bytes.wrap(concat(offCurve, p2())), Fork.CANCUN));
    byte[] notReduced = concat(fp(P.add(BigInteger.ONE)), fp(BigInteger.TWO));
    fails(pairing.run(Bytes.wrap(concat(notReduced, p2())), Fork.CANCUN));
    // Invalid even when the other point of its pair is infinity.
    fails(pairing.run(Bytes.wrap(concat(offCurve, new byte[128])), Fork.CANCUN));
  }

  @Test
  void pairingRejectsG2CoordinatesNotBelowP() {
    for (int coordinate = 0; coordinate < 4; coordinate++) {
      byte[] q = p2();
      BigInteger v =
          new BigInteger(1, Arrays.copyOfRange(q, 32 * coordinate, 32 * coordinate + 32));
      System.arraycopy(fp(v.add(P)), 0, q, 32 * coordinate, 32);
      fails(pairing.run(Bytes.wrap(concat(p1(), q)), Fork.CANCUN));
    }
  }

  @Test
  void pairingReadsTheImaginaryPartFirst() {
    // The same coordinates with real and imaginary parts swapped do not lie on the twist.
    byte[] swapped = concat(dec(P2_X_RE), dec(P2_X_IM), dec(P2_Y_RE), dec(P2_Y_IM));
    fails(pairing.run(Bytes.wrap(concat(p1(), swapped)), Fork.CANCUN));
    assertThat(ok(pairing.run(Bytes.wrap(concat(p1(), p2())), Fork.CANCUN)).output())
        .isEqualTo(FALSE);
  }

  @Test
  void pairingRejectsG2PointsOffTheTwist() {
    byte[] q = p2();
    q[127] ^= 1; // perturb y.real
    fails(pairing.run(Bytes.wrap(concat(p1(), q)), Fork.CANCUN));
  }

  @Test
  void pairingRejectsTwistPointsOutsideTheSubgroup() {
    Random rnd = new Random(0x5254);
    for (int i = 0; i < 3; i++) {
      G2Point q = TestPoints.randomTwistPoint(rnd);
      assertThat(q.mul(TestPoints.limbs(TestPoints.R)).isInfinity()).isFalse();
      PrecompileResult r = pairing.run(Bytes.wrap(concat(p1(), encode(q))), Fork.CANCUN);
      fails(r);
      assertThat(r.reason()).contains("subgroup");
      // Also when the G1 point of that pair is infinity: the check is on every G2 input.
      fails(pairing.run(Bytes.wrap(concat(new byte[64], encode(q))), Fork.CANCUN));
    }
  }

  @Test
  void pairingCheckOnRandomRelation() {
    // e(aP1, bP2) · e(-(ab)P1, P2) = 1
    Random rnd = new Random(0x7254);
    BigInteger a = TestPoints.randomBelow(rnd, TestPoints.R);
    BigInteger b = TestPoints.randomBelow(rnd, TestPoints.R);
    byte[] in =
        concat(
            encode(TestPoints.g1(a)),
            encode(TestPoints.g2(b)),
            encode(TestPoints.g1(a.multiply(b).mod(TestPoints.R)).neg()),
            encode(G2Point.GENERATOR));
    assertThat(ok(pairing.run(Bytes.wrap(in), Fork.CANCUN)).output()).isEqualTo(TRUE);
    // Same result under Byzantium rules: only the price changed.
    assertThat(ok(pairing.run(Bytes.wrap(in), Fork.BYZANTIUM)).output()).isEqualTo(TRUE);
  }
}
