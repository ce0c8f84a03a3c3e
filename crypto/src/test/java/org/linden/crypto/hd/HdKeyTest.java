package org.linden.crypto.hd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linden.types.Bytes;

class HdKeyTest {
  private static final String SEED_1 = "000102030405060708090a0b0c0d0e0f";
  private static final String SEED_2 = "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a87"
      + "84817e7b7875726f6c696663605d5a5754514e4b484542";
  private static final String SEED_3 = "4b381541583be4423346c643850da4b320e46a87ae3d2a4e6da11eba819cd4acba45d239319ac14f"
      + "863b8d5ab5a0d0c64d2e8a1e7d1457df2e5a3c51c73235be";

  /** BIP-32 test vector 1 (bip-0032.mediawiki): seed 000102...0f. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      m | xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8 | xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi
      m/0' | xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw | xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7
      m/0'/1 | xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ | xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs
      m/0'/1/2' | xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5 | xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM
      m/0'/1/2'/2 | xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV | xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334
      m/0'/1/2'/2/1000000000 | xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy | xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76
      """)
  void testVector1(String path, String xpub, String xprv) {
    HdKey key = HdKey.fromSeed(Bytes.fromHex(SEED_1)).derive(path);
    assertThat(key.toExtendedPublicKey()).isEqualTo(xpub);
    assertThat(key.toExtendedPrivateKey()).isEqualTo(xprv);
  }

  /** BIP-32 test vector 2: a 64-byte seed and indices at the top of both ranges. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      m | xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB | xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U
      m/0 | xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH | xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt
      m/0/2147483647' | xpub6ASAVgeehLbnwdqV6UKMHVzgqAG8Gr6riv3Fxxpj8ksbH9ebxaEyBLZ85ySDhKiLDBrQSARLq1uNRts8RuJiHjaDMBU4Zn9h8LZNnBC5y4a | xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9
      m/0/2147483647'/1 | xpub6DF8uhdarytz3FWdA8TvFSvvAh8dP3283MY7p2V4SeE2wyWmG5mg5EwVvmdMVCQcoNJxGoWaU9DCWh89LojfZ537wTfunKau47EL2dhHKon | xprv9zFnWC6h2cLgpmSA46vutJzBcfJ8yaJGg8cX1e5StJh45BBciYTRXSd25UEPVuesF9yog62tGAQtHjXajPPdbRCHuWS6T8XA2ECKADdw4Ef
      m/0/2147483647'/1/2147483646' | xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL | xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc
      m/0/2147483647'/1/2147483646'/2 | xpub6FnCn6nSzZAw5Tw7cgR9bi15UV96gLZhjDstkXXxvCLsUXBGXPdSnLFbdpq8p9HmGsApME5hQTZ3emM2rnY5agb9rXpVGyy3bdW6EEgAtqt | xprvA2nrNbFZABcdryreWet9Ea4LvTJcGsqrMzxHx98MMrotbir7yrKCEXw7nadnHM8Dq38EGfSh6dqA9QWTyefMLEcBYJUuekgW4BYPJcr9E7j
      """)
  void testVector2(String path, String xpub, String xprv) {
    HdKey key = HdKey.fromSeed(Bytes.fromHex(SEED_2)).derive(path);
    assertThat(key.toExtendedPublicKey()).isEqualTo(xpub);
    assertThat(key.toExtendedPrivateKey()).isEqualTo(xprv);
  }

  /** BIP-32 test vector 3: a master key with a leading zero byte, which must be kept. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      m | xpub661MyMwAqRbcEZVB4dScxMAdx6d4nFc9nvyvH3v4gJL378CSRZiYmhRoP7mBy6gSPSCYk6SzXPTf3ND1cZAceL7SfJ1Z3GC8vBgp2epUt13 | xprv9s21ZrQH143K25QhxbucbDDuQ4naNntJRi4KUfWT7xo4EKsHt2QJDu7KXp1A3u7Bi1j8ph3EGsZ9Xvz9dGuVrtHHs7pXeTzjuxBrCmmhgC6
      m/0' | xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6HbuccFQN9Ku14VQrADWgqbhhTHBaohPX4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y | xprv9uPDJpEQgRQfDcW7BkF7eTya6RPxXeJCqCJGHuCJ4GiRVLzkTXBAJMu2qaMWPrS7AANYqdq6vcBcBUdJCVVFceUvJFjaPdGZ2y9WACViL4L
      """)
  void testVector3(String path, String xpub, String xprv) {
    HdKey key = HdKey.fromSeed(Bytes.fromHex(SEED_3)).derive(path);
    assertThat(key.toExtendedPublicKey()).isEqualTo(xpub);
    assertThat(key.toExtendedPrivateKey()).isEqualTo(xprv);
  }

  @Test
  void childStepsMatchPathDerivationAndRecordTheirPlace() {
    HdKey master = HdKey.fromSeed(Bytes.fromHex(SEED_1));
    HdKey stepped = master.child(HdPath.HARDENED).child(1);
    HdKey derived = master.derive("m/0h/1");
    assertThat(stepped.privateKey()).isEqualTo(derived.privateKey());
    assertThat(stepped.chainCode()).isEqualTo(derived.chainCode());
    assertThat(derived.depth()).isEqualTo(2);
    assertThat(derived.childNumber()).isEqualTo(1);
    assertThat(derived.parentFingerprint()).isEqualTo(master.derive("m/0'").fingerprint());
    // BIP-32 vector 1 gives the master key identifier 3442193e...
    assertThat(master.fingerprint()).isEqualTo(0x3442193e);
    assertThat(master.derive(HdPath.MASTER)).isSameAs(master);
  }

  @Test
  void pathsFromTheMasterNeedTheMaster() {
    HdKey child = HdKey.fromSeed(Bytes.fromHex(SEED_1)).child(0);
    assertThatThrownBy(() -> child.derive("m/1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("depth 1");
  }

  @Test
  void seedLengthIsChecked() {
    assertThatThrownBy(() -> HdKey.fromSeed(Bytes.wrap(new byte[15]))).hasMessageContaining("16 to 64 bytes, got 15");
    assertThatThrownBy(() -> HdKey.fromSeed(Bytes.wrap(new byte[65]))).hasMessageContaining("got 65");
  }

  @Test
  void toStringDoesNotRevealTheKey() {
    HdKey key = HdKey.fromSeed(Bytes.fromHex(SEED_1)).derive("m/0'");
    assertThat(key.toString()).startsWith("HdKey[depth 1, child 0'")
        .doesNotContain(key.privateKey().bytes().toUnprefixedHex())
        .doesNotContain(key.chainCode().toUnprefixedHex());
  }
}
