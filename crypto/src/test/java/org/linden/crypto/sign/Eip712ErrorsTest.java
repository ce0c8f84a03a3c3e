package org.linden.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.crypto.sign.Eip712Test.MAIL;
import static org.linden.crypto.sign.Eip712Test.withTypes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed typed data is refused with the location and the reason. */
class Eip712ErrorsTest {
  @Test
  void malformedJson() {
    assertThatThrownBy(() -> TypedData.parse("{\"types\":")).isInstanceOf(TypedDataException.class)
        .hasMessageStartingWith("(json): not valid JSON").hasMessageContaining("(line 1, column");
    assertThatThrownBy(() -> TypedData.parse(MAIL + " {}")).hasMessageStartingWith("(json): not valid JSON");
    assertThatThrownBy(() -> TypedData.parse("[]")).hasMessageContaining("expected an object {types, primaryType");
    // A duplicate key could show one value to the user and sign another.
    assertThatThrownBy(() -> TypedData.parse(MAIL.replace("\"contents\": \"Hello, Bob!\"",
        "\"contents\": \"Hello, Bob!\", \"contents\": \"Pay Eve\""))).hasMessageContaining("Duplicate field 'contents'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      "types": {                | "typez": {                   | types: missing
      "primaryType": "Mail"     | "primaryType": 5             | primaryType: expected a type name, got 5
      "primaryType": "Mail"     | "primaryType": "Letter"      | primaryType: 'Letter' is not declared in types
      "domain": {               | "domain": [], "d": {         | domain: expected an object, got []
      "message": {              | "mess": {                    | message: missing
      "EIP712Domain"            | "Domain"                     | types: EIP712Domain is not declared
      "type": "Person"},        | "type": "Persn"},            | types.Mail[0].type: unknown type 'Persn'
      "type": "Person"},        | "type": "Person[0]"},        | types.Mail[0].type: array type 'Person[0]' has an invalid length 0
      "type": "Person"},        | "type": "Person[x]"},        | types.Mail[0].type: malformed array type 'Person[x]'
      "type": "Person"},        | "type": "uint7"},            | types.Mail[0].type: unknown type 'uint7'
      "type": "Person"},        | "type": "bytes33"},          | types.Mail[0].type: unknown type 'bytes33'
      "type": "Person"},        | "type": "uint 256"},         | types.Mail[0].type: unknown type 'uint 256'
      "type": "Person"},        | "typ": "Person"},            | types.Mail[0].type: expected a string, got nothing
      {"name": "to"             | {"name": "from"              | types.Mail[1].name: field 'from' is declared twice in Mail
      {"name": "to"             | {"name": "t o"               | types.Mail[1].name: 't o' is not a valid field name
      "Mail": [                 | "address": [                 | types.address: 'address' is an atomic type
      "Mail": [                 | "Ma-il": [                   | types.Ma-il: 'Ma-il' is not a valid struct name
      "Person": [               | "Person": 7, "X": [          | types.Person: expected an array of {name, type}, got 7
      "type": "Person"},        | "type": "Person[][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][]"}, | types.Mail[0].type: type has more than 32 array dimensions
      """)
  void structuralErrors(String find, String replace, String message) {
    String json = MAIL.replace(find, replace);
    assertThat(json).isNotEqualTo(MAIL);
    assertThatThrownBy(() -> Eip712.hash(json)).isInstanceOf(TypedDataException.class).hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      uint8     | 256                       | message.v: 256 is out of range for uint8 (0 to 255)
      uint8     | -1                        | message.v: -1 is out of range for uint8 (0 to 255)
      int8      | -129                      | message.v: -129 is out of range for int8 (-128 to 127)
      int8      | "128"                     | message.v: "128" is out of range for int8 (-128 to 127)
      uint256   | "0x1" + "0" * 64          | message.v: "0x1000
      uint256   | 1e100                     | is out of range for uint256
      uint256   | 1e1000000000              | is out of range for uint256
      uint      | 1.5                       | message.v: expected an integer for uint, got 1.5
      uint64    | "12abc"                   | message.v: expected an integer (decimal or 0x-hex) for uint64, got "12abc"
      uint64    | "0x"                      | expected an integer (decimal or 0x-hex)
      uint64    | ""                        | expected an integer (decimal or 0x-hex)
      uint64    | " 1"                      | expected an integer (decimal or 0x-hex)
      uint64    | true                      | message.v: expected an integer (number, decimal or 0x-hex string) for uint64, got true
      bool      | "yes"                     | message.v: expected true or false for bool, got "yes"
      bool      | 1                         | expected true or false for bool, got 1
      address   | "0x1234"                  | message.v: expected a 20-byte address as 0x-prefixed hex, got "0x1234"
      address   | 5                         | expected a 20-byte address
      address   | "0xgggggggggggggggggggggggggggggggggggggggg" | expected a 20-byte address
      bytes     | "hello"                   | message.v: expected 0x-prefixed hex with an even number of digits for bytes, got "hello"
      bytes     | "0x123"                   | expected 0x-prefixed hex with an even number of digits
      bytes4    | "0x112233"                | message.v: bytes4 needs exactly 4 bytes, got 3
      bytes4    | "0x1122334455"            | bytes4 needs exactly 4 bytes, got 5
      string    | 12                        | message.v: expected a string for string, got 12
      string    | null                      | message.v: missing value of type string
      uint8[]   | null                      | message.v: missing value of type uint8[]
      uint8[]   | 5                         | message.v: expected an array for uint8[], got 5
      uint8[2]  | [1]                       | message.v: uint8[2] needs exactly 2 elements, got 1
      uint8[][] | [[1],[2,300]]             | message.v[1][1]: 300 is out of range for uint8
      S         | 5                         | message.v: expected an object for struct S, got 5
      S[]       | [{"x":"a"}]               | message.v[0].x: expected an integer
      """)
  void valueErrors(String type, String value, String message) {
    String json = withTypes("\"T\":[{\"name\":\"v\",\"type\":\"" + type + "\"}],\"S\":[{\"name\":\"x\",\"type\":\"uint8\"}]",
        "T", "{\"v\":" + expand(value) + "}");
    assertThatThrownBy(() -> Eip712.hash(json)).isInstanceOf(TypedDataException.class).hasMessageContaining(message);
  }

  private static String expand(String value) {
    // "0x1" + "0" * 64: a 2^256 literal, written short in the table.
    return value.equals("\"0x1\" + \"0\" * 64") ? "\"0x1" + "0".repeat(64) + "\"" : value;
  }

  @Test
  void missingMembersAreNamed() {
    assertThatThrownBy(() -> Eip712.hash(MAIL.replace(", \"wallet\": \"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"", "")))
        .hasMessage("message.from.wallet: missing value of type address");
    assertThatThrownBy(() -> Eip712.hash(MAIL.replace("\"contents\": \"Hello, Bob!\"", "\"content\": \"Hello, Bob!\"")))
        .hasMessage("message.contents: missing value of type string");
    assertThatThrownBy(() -> Eip712.hash(MAIL.replace("\"chainId\": 1,", "")))
        .hasMessage("domain.chainId: missing value of type uint256");
  }

  @Test
  void largeDoublesFromLenientParsersAreRefused() {
    ObjectMapper lenient = new ObjectMapper();
    ObjectNode tree = lenient.createObjectNode();
    tree.set("types", lenient.valueToTree(Map.of("EIP712Domain", List.of(Map.of("name", "n", "type", "uint256")))));
    tree.put("primaryType", "EIP712Domain");
    tree.putObject("domain").put("n", 1e20);
    tree.putObject("message");
    assertThatThrownBy(() -> Eip712.hash(TypedData.fromJson(tree)))
        .hasMessageContaining("domain.n: 1.0E20 may have lost precision");
    tree.putObject("domain").put("n", 12.0);
    assertThat(Eip712.hash(TypedData.fromJson(tree))).isNotNull();
  }
}
