package org.linden.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;

class Eip712Test {
  /** The Mail/Person example of the EIP-712 text and its reference test (assets/eip-712/Example.js). */
  static final String MAIL = """
      {
        "types": {
          "EIP712Domain": [
            {"name": "name", "type": "string"},
            {"name": "version", "type": "string"},
            {"name": "chainId", "type": "uint256"},
            {"name": "verifyingContract", "type": "address"}
          ],
          "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
          "Mail": [
            {"name": "from", "type": "Person"},
            {"name": "to", "type": "Person"},
            {"name": "contents", "type": "string"}
          ]
        },
        "primaryType": "Mail",
        "domain": {
          "name": "Ether Mail",
          "version": "1",
          "chainId": 1,
          "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
        },
        "message": {
          "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
          "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
          "contents": "Hello, Bob!"
        }
      }
      """;

  /** The EIP's signer: keccak256("cow"). */
  private static final PrivateKey COW = PrivateKey.of(Keccak.hash256("cow".getBytes(StandardCharsets.US_ASCII)).bytes());

  @Test
  void eipExampleTypeEncoding() {
    TypedData data = TypedData.parse(MAIL);
    assertThat(Eip712.encodeType(data, "Mail"))
        .isEqualTo("Mail(Person from,Person to,string contents)Person(string name,address wallet)");
    assertThat(Eip712.typeHash(data, "Mail").toHex())
        .isEqualTo("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2");
  }

  @Test
  void eipExampleHashes() {
    TypedData data = TypedData.parse(MAIL);
    assertThat(Eip712.encodeData(data, "Mail", data.message()).toHex()).isEqualTo(
        "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"
            + "fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8"
            + "cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1"
            + "b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8");
    assertThat(Eip712.messageHash(data).toHex())
        .isEqualTo("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e");
    assertThat(Eip712.domainSeparator(data).toHex())
        .isEqualTo("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
    assertThat(Eip712.hash(data).toHex())
        .isEqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
  }

  @Test
  void eipExampleSignature() {
    assertThat(COW.address()).isEqualTo(Address.fromHex("cd2a3d9f938e13cd947ec05abc7fe734df8dd826"));
    TypedData data = TypedData.parse(MAIL);
    Bytes sig = Eip712.sign(data, COW);
    assertThat(sig.slice(0, 32).toUnprefixedHex())
        .isEqualTo("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d");
    assertThat(sig.slice(32, 32).toUnprefixedHex())
        .isEqualTo("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562");
    assertThat(sig.getUnsigned(64)).isEqualTo(28);
    assertThat(Eip712.recover(data, sig)).contains(COW.address());
  }

  /** Address case does not change the hash (MetaMask's "lowercase address" vector). */
  @Test
  void addressCaseDoesNotMatter() {
    String lower = MAIL.replace("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC", "0xcccccccccccccccccccccccccccccccccccccccc")
        .replace("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826")
        .replace("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB", "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    assertThat(lower).isNotEqualTo(MAIL);
    assertThat(Eip712.hash(lower).toHex())
        .isEqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
  }

  /**
   * The first published version of the same example had a domain with an extra httpOrigin
   * member; its Example.sol asserts the domain separator and Example.js the digest and the
   * signature (v = 27).
   */
  @Test
  void eipExampleWithHttpOrigin() {
    String json = MAIL
        .replace("""
            {"name": "chainId", "type": "uint256"},
            """, """
            {"name": "chainId", "type": "uint256"},
            {"name": "httpOrigin", "type": "string"},
            """)
        .replace("\"chainId\": 1,", "\"chainId\": 1, \"httpOrigin\": \"https://ether-mail.eth\",");
    TypedData data = TypedData.parse(json);
    assertThat(Eip712.encodeType(data, "EIP712Domain"))
        .isEqualTo("EIP712Domain(string name,string version,uint256 chainId,string httpOrigin,address verifyingContract)");
    assertThat(Eip712.domainSeparator(data).toHex())
        .isEqualTo("0x0b72c8f1f2c3bf8bcca4c3cc24cd47275f9261a5b0bcf7b9bd803419b303a1a9");
    assertThat(Eip712.hash(data).toHex())
        .isEqualTo("0xa5f5fa6b05af38f2e9d2889ac36f5a4ba31e20646781d23739de458d86d6593e");
    Bytes sig = Eip712.sign(data, COW);
    assertThat(sig.toUnprefixedHex()).isEqualTo(
        "24040eda35064d96c51f3308b5fae290edae563327348886a366ed604e0c0480"
            + "42bbabf2fae4b00598596a99d577dde56ff9d013e861f611cfe7b0728e1cd057" + "1b");
  }

  /**
   * Struct arrays and address arrays: MetaMask eth-sig-util's v4 "data with arrays" case, whose
   * intermediate values also appear in other wallets' test suites (type hash, the two Person
   * struct hashes, the Mail struct hash, the digest).
   */
  @Test
  void arraysOfStructsAndAddresses() {
    TypedData data = TypedData.parse(EIP712_ARRAYS);
    assertThat(Eip712.encodeType(data, "Mail"))
        .isEqualTo("Mail(Person from,Person[] to,string contents)Person(string name,address[] wallets)");
    assertThat(Eip712.typeHash(data, "Mail").toHex())
        .isEqualTo("0x4bd8a9a2b93427bb184aca81e24beb30ffa3c747e2a33d4225ec08bf12e2e753");
    assertThat(Eip712.hashStruct(data, "Person", data.message().get("from")).toHex())
        .isEqualTo("0x9b4846dd48b866f0ac54d61b9b21a9e746f921cefa4ee94c4c0a1c49c774f67f");
    assertThat(Eip712.hashStruct(data, "Person", data.message().get("to").get(0)).toHex())
        .isEqualTo("0xefa62530c7ae3a290f8a13a5fc20450bdb3a6af19d9d9d2542b5a94e631a9168");
    assertThat(Eip712.messageHash(data).toHex())
        .isEqualTo("0xeb4221181ff3f1a83ea7313993ca9218496e424604ba9492bb4052c03d5c3df8");
    assertThat(Eip712.domainSeparator(data).toHex())
        .isEqualTo("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
    assertThat(Eip712.hash(data).toHex())
        .isEqualTo("0xa85c2e2b118698e88db68a8105b794a8cc7cec074e89ef991cb4f5f533819cc2");
    // Group is declared but not reachable from Mail, so it is not part of Mail's type.
    assertThat(Eip712.encodeType(data, "Group"))
        .isEqualTo("Group(string name,Person[] members)Person(string name,address[] wallets)");
  }

  static final String EIP712_ARRAYS = """
      {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
      {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
      "Person":[{"name":"name","type":"string"},{"name":"wallets","type":"address[]"}],
      "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person[]"},{"name":"contents","type":"string"}],
      "Group":[{"name":"name","type":"string"},{"name":"members","type":"Person[]"}]},
      "domain":{"name":"Ether Mail","version":"1","chainId":1,
      "verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},"primaryType":"Mail",
      "message":{"from":{"name":"Cow","wallets":["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826",
      "0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF"]},"to":[{"name":"Bob","wallets":[
      "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB","0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57",
      "0xB0B0b0b0b0b0B000000000000000000000000000"]}],"contents":"Hello, Bob!"}}
      """;

  /**
   * A two-dimensional array of negative and positive integers ({@code int[][]}): the "2d array"
   * v4 case of the eth-sig-util-based test fixtures (OneKey's hardware-wallet SDK).
   */
  @Test
  void twoDimensionalIntegerArrays() {
    String json = EIP712_ARRAYS
        .replace("{\"name\":\"wallets\",\"type\":\"address[]\"}]",
            "{\"name\":\"wallets\",\"type\":\"address[]\"},{\"name\":\"logo_matrix\",\"type\":\"int[][]\"}]")
        .replace("\"0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF\"]}",
            "\"0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF\"],\"logo_matrix\":[[0,255],[-255,-1]]}")
        .replace("\"0xB0B0b0b0b0b0B000000000000000000000000000\"]}",
            "\"0xB0B0b0b0b0b0B000000000000000000000000000\"],\"logo_matrix\":[[0,0],[0,0]]}");
    TypedData data = TypedData.parse(json);
    assertThat(Eip712.encodeType(data, "Person")).isEqualTo("Person(string name,address[] wallets,int[][] logo_matrix)");
    assertThat(Eip712.hash(data).toHex())
        .isEqualTo("0x5370bb332dbe5d922832f1654d01b5d42cbbfd7bb999e939836f4a40a12a8bd4");
  }

  /**
   * A recursive type with absent members, which encode as zero words: eth-sig-util's v4
   * "recursive types" case (type hash from web3j's EIP-712 tests).
   */
  @Test
  void recursiveTypes() {
    TypedData data = TypedData.parse("""
        {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
        {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
        "Person":[{"name":"name","type":"string"},{"name":"mother","type":"Person"},{"name":"father","type":"Person"}]},
        "domain":{"name":"Family Tree","version":"1","chainId":1,
        "verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},"primaryType":"Person",
        "message":{"name":"Jon","mother":{"name":"Lyanna","father":{"name":"Rickard"}},
        "father":{"name":"Rhaegar","father":{"name":"Aeris II"}}}}
        """);
    assertThat(Eip712.encodeType(data, "Person")).isEqualTo("Person(string name,Person mother,Person father)");
    assertThat(Eip712.typeHash(data, "Person").toHex())
        .isEqualTo("0x7c5c8e90cb92c8da53b893b24962513be98afcf1b57b00327ae4cc14e3a64116");
    assertThat(Eip712.hash(data).toHex())
        .isEqualTo("0x807773b9faa9879d4971b43856c4d60c2da15c6f8c062bd9d33afefb756de19c");
  }

  /** A dynamic bytes member is hashed: eth-sig-util's v4 "data with bytes" case. */
  @Test
  void dynamicBytes() {
    String json = MAIL
        .replace("{\"name\": \"contents\", \"type\": \"string\"}",
            "{\"name\": \"contents\", \"type\": \"string\"}, {\"name\": \"payload\", \"type\": \"bytes\"}")
        .replace("\"contents\": \"Hello, Bob!\"",
            "\"contents\": \"Hello, Bob!\", "
                + "\"payload\": \"0x25192142931f380985072cdd991e37f65cf8253ba7a0e675b54163a1d133b8ca\"");
    TypedData data = TypedData.parse(json);
    assertThat(Eip712.messageHash(data).toHex())
        .isEqualTo("0xe004bdc1ca57ba9ad5ea8c81e54dcbdb3bfce2d1d5ad92113f0871fb2a6eb052");
    assertThat(Eip712.hash(data).toHex())
        .isEqualTo("0xb4aaf457227fec401db772ec22d2095d1235ee5d0833f56f59108c9ffc90fb4b");
  }

  /** Atomic encodings straight from the EIP's rules: each member is one 32-byte word. */
  @Test
  void atomicWords() {
    TypedData data = TypedData.parse(withTypes("""
        "T":[{"name":"a","type":"int8"},{"name":"b","type":"uint16"},{"name":"c","type":"bool"},
        {"name":"d","type":"bytes3"},{"name":"e","type":"address"},{"name":"f","type":"int256"},
        {"name":"g","type":"uint256"},{"name":"h","type":"bytes32"}]
        """, "T", """
        {"a":-1,"b":"0x0102","c":true,"d":"0xabcdef","e":"0x00000000000000000000000000000000000000ff",
        "f":"-57896044618658097711785492504343953926634992332820282019728792003956564819968",
        "g":"115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "h":"0x0000000000000000000000000000000000000000000000000000000000000001"}
        """));
    Bytes encoded = Eip712.encodeData(data, "T", data.message());
    assertThat(encoded.slice(0, 32)).isEqualTo(Eip712.typeHash(data, "T").bytes());
    assertThat(encoded.slice(32).toUnprefixedHex()).isEqualTo(
        "ff".repeat(32)
            + "00".repeat(30) + "0102"
            + "00".repeat(31) + "01"
            + "abcdef" + "00".repeat(29)
            + "00".repeat(31) + "ff"
            + "80" + "00".repeat(31)
            + "ff".repeat(32)
            + "00".repeat(31) + "01");
  }

  @Test
  void integerForms() {
    String types = "\"T\":[{\"name\":\"v\",\"type\":\"uint64\"}]";
    Bytes expected = Eip712.encodeData(TypedData.parse(withTypes(types, "T", "{\"v\":4096}")), "T",
        TypedData.parse(withTypes(types, "T", "{\"v\":4096}")).message());
    for (String form : new String[] {"\"4096\"", "\"0x1000\"", "\"0x001000\"", "4096.0", "4.096e3", "\"0X1000\""}) {
      TypedData d = TypedData.parse(withTypes(types, "T", "{\"v\":" + form + "}"));
      assertThat(Eip712.encodeData(d, "T", d.message())).as(form).isEqualTo(expected);
    }
    TypedData negative = TypedData.parse(withTypes("\"T\":[{\"name\":\"v\",\"type\":\"int16\"}]", "T",
        "{\"v\":\"-0x8000\"}"));
    assertThat(Eip712.encodeData(negative, "T", negative.message()).slice(32).toUnprefixedHex())
        .isEqualTo("ff".repeat(30) + "8000");
  }

  /** A fixed-size array, and an array of arrays: keccak of the concatenated element words. */
  @Test
  void fixedAndNestedArrays() {
    TypedData data = TypedData.parse(withTypes("""
        "T":[{"name":"pair","type":"uint256[2]"},{"name":"grid","type":"uint8[2][]"},{"name":"names","type":"string[]"}]
        """, "T", """
        {"pair":[1,2],"grid":[[1,2],[3,4],[5,6]],"names":["a","b"]}
        """));
    byte[] pair = keccak(word(1), word(2));
    byte[] grid = keccak(keccak(word(1), word(2)), keccak(word(3), word(4)), keccak(word(5), word(6)));
    byte[] names = keccak(keccak("a".getBytes(StandardCharsets.UTF_8)), keccak("b".getBytes(StandardCharsets.UTF_8)));
    assertThat(Eip712.encodeData(data, "T", data.message()).slice(32))
        .isEqualTo(Bytes.concat(Bytes.wrap(pair), Bytes.wrap(grid), Bytes.wrap(names)));
    TypedData empty = TypedData.parse(withTypes("\"T\":[{\"name\":\"xs\",\"type\":\"uint8[]\"}]", "T", "{\"xs\":[]}"));
    assertThat(Eip712.encodeData(empty, "T", empty.message()).slice(32)).isEqualTo(Keccak.EMPTY_HASH.bytes());
  }

  @Test
  void undeclaredMessageMembersAreIgnored() {
    String extra = MAIL.replace("\"contents\": \"Hello, Bob!\"", "\"contents\": \"Hello, Bob!\", \"note\": 5");
    assertThat(Eip712.hash(extra)).isEqualTo(Eip712.hash(MAIL));
  }

  /** With the domain as primary type, MetaMask signs keccak(0x1901 ‖ domainSeparator). */
  @Test
  void domainAsPrimaryType() {
    TypedData data = TypedData.parse(MAIL.replace("\"primaryType\": \"Mail\"", "\"primaryType\": \"EIP712Domain\""));
    assertThat(Eip712.hash(data)).isEqualTo(Keccak.hash256(
        Bytes.concat(Bytes.fromHex("1901"), Eip712.domainSeparator(data).bytes())));
  }

  /** Typed data with a one-member domain and the given extra struct types and message. */
  static String withTypes(String types, String primary, String message) {
    return """
        {"types":{"EIP712Domain":[{"name":"name","type":"string"}],%s},
        "primaryType":"%s","domain":{"name":"Test"},"message":%s}
        """.formatted(types, primary, message);
  }

  private static byte[] word(long v) {
    return Bytes.wrap(BigInteger.valueOf(v).toByteArray()).leftPad(32).toArray();
  }

  private static byte[] keccak(byte[]... parts) {
    return Keccak.hash256(Bytes.concat(java.util.Arrays.stream(parts).map(Bytes::wrap).toArray(Bytes[]::new)))
        .bytes().toArray();
  }
}
