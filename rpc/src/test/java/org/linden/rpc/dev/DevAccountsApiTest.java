package org.linden.rpc.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.hd.DevAccounts;
import org.linden.crypto.sign.Eip712;
import org.linden.crypto.sign.PersonalMessage;
import org.linden.crypto.sign.TypedData;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Bytes;

/** eth_accounts and the message-signing methods of the unlocked dev accounts. */
class DevAccountsApiTest {
  static final List<PrivateKey> KEYS = DevAccounts.testAccounts(10);
  static final String FIRST = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  private static final String STRANGER = "0x000000000000000000000000000000000000dead";

  /** EIP-712's own example, signed in the EIP by keccak256("cow"). */
  private static final String MAIL = """
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
  private static final PrivateKey COW =
      PrivateKey.of(Keccak.hash256("cow".getBytes(StandardCharsets.US_ASCII)).bytes());
  private static final String COW_ADDRESS = "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826";
  /** r ‖ s ‖ v of the EIP's example signature. */
  private static final String MAIL_SIGNATURE = "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
      + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c";

  private final FakeDevNode node = new FakeDevNode();
  private final Rpc rpc = rpc(KEYS);

  private Rpc rpc(List<PrivateKey> keys) {
    RpcDispatcher d = new RpcDispatcher(10);
    new DevAccountsApi(keys, node, new FakeHooks().hooks()).register(d);
    return new Rpc(d);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.textValue()));
    return out;
  }

  @Test
  void accountsAreTheTenDevAccountsInOrder() {
    List<String> accounts = texts(rpc.result("eth_accounts"));
    assertThat(accounts).hasSize(10).doesNotHaveDuplicates();
    assertThat(accounts.get(0)).isEqualTo(FIRST);
    assertThat(accounts.get(1)).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(accounts.get(9)).isEqualTo("0xa0ee7a142d267c1f36714e4a8f75612f20a79720");
  }

  @Test
  void impersonatedAccountsFollowOnceEach() {
    node.impersonate(Address.fromHex(STRANGER));
    node.impersonate(Address.fromHex(FIRST));
    List<String> accounts = texts(rpc.result("eth_accounts"));
    assertThat(accounts).hasSize(11).doesNotHaveDuplicates();
    assertThat(accounts.get(10)).isEqualTo(STRANGER);
  }

  @Test
  void accountsTakeNoArguments() {
    assertThat(rpc.error("eth_accounts", "latest").get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
  }

  @Test
  void ethSignIsEip191OverTheData() {
    Bytes message = Bytes.wrap("hello linden".getBytes(StandardCharsets.UTF_8));
    String signature = rpc.result("eth_sign", FIRST, message.toHex()).textValue();
    Bytes sig = Bytes.fromHex(signature);
    assertThat(sig.size()).isEqualTo(65);
    assertThat(sig.getUnsigned(64)).isIn(27, 28);
    assertThat(PersonalMessage.recover(message, sig)).contains(Address.fromHex(FIRST));
    assertThat(signature).isEqualTo(PersonalMessage.sign(message, KEYS.get(0)).toHex());
  }

  @Test
  void personalSignTakesTheMessageFirstAndIgnoresAPassword() {
    Bytes message = Bytes.fromHex("0xdeadbeef");
    String second = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    String signature = rpc.result("personal_sign", message.toHex(), second).textValue();
    assertThat(PersonalMessage.recover(message, Bytes.fromHex(signature))).contains(Address.fromHex(second));
    assertThat(rpc.result("personal_sign", message.toHex(), second, "").textValue()).isEqualTo(signature);
    assertThat(rpc.error("personal_sign", message.toHex(), second, 5).get("message").textValue())
        .isEqualTo("invalid argument 2 (password): expected a string");
  }

  @Test
  void signingWithoutAKeyIsUnknownAccount() {
    node.impersonate(Address.fromHex(STRANGER));
    for (JsonNode error : List.of(rpc.error("eth_sign", STRANGER, "0x00"), rpc.error("personal_sign", "0x00", STRANGER),
        rpc.error("eth_signTypedData_v4", STRANGER, MAIL))) {
      assertThat(error.get("code").intValue()).isEqualTo(RpcException.SERVER_ERROR);
      assertThat(error.get("message").textValue()).isEqualTo("unknown account");
    }
  }

  @Test
  void signingChecksItsArguments() {
    assertThat(rpc.error("eth_sign", FIRST, "hello").get("message").textValue())
        .isEqualTo("invalid argument 1 (message): hex string without 0x prefix");
    assertThat(rpc.error("eth_sign", "0x1234", "0x00").get("message").textValue())
        .isEqualTo("invalid argument 0 (address): an address is 20 bytes, got 2");
    assertThat(rpc.error("personal_sign", FIRST, "0x00").get("message").textValue())
        .isEqualTo("invalid argument 1 (address): an address is 20 bytes, got 1");
    assertThat(rpc.error("eth_sign", FIRST).get("message").textValue())
        .isEqualTo("missing value for required argument 1 (message)");
  }

  @Test
  void typedDataAsAStringGivesTheEipsExampleSignature() {
    Rpc cow = rpc(List.of(COW));
    String signature = cow.result("eth_signTypedData_v4", COW_ADDRESS, MAIL).textValue();
    assertThat(signature).isEqualTo(MAIL_SIGNATURE);
    assertThat(Eip712.recover(TypedData.parse(MAIL), Bytes.fromHex(signature))).contains(Address.fromHex(COW_ADDRESS));
  }

  @Test
  void typedDataAsAnObjectSignsTheSame() {
    Rpc cow = rpc(List.of(COW));
    assertThat(cow.result("eth_signTypedData_v4", COW_ADDRESS, Rpc.json(MAIL)).textValue()).isEqualTo(MAIL_SIGNATURE);
  }

  @Test
  void devAccountSignsTypedDataRecoverably() {
    String signature = rpc.result("eth_signTypedData_v4", FIRST, MAIL).textValue();
    assertThat(Eip712.recover(TypedData.parse(MAIL), Bytes.fromHex(signature))).contains(Address.fromHex(FIRST));
  }

  @Test
  void badTypedDataIsInvalidParamsSayingWhere() {
    JsonNode notJson = rpc.error("eth_signTypedData_v4", FIRST, "{nope");
    assertThat(notJson.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(notJson.get("message").textValue())
        .startsWith("invalid argument 1 (typed data): (json): not valid JSON");

    String noPrimary = MAIL.replace("\"primaryType\": \"Mail\",", "");
    assertThat(rpc.error("eth_signTypedData_v4", FIRST, noPrimary).get("message").textValue())
        .isEqualTo("invalid argument 1 (typed data): primaryType: missing");

    // Values are checked while hashing: a short wallet address fails there.
    String badWallet = MAIL.replace("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB", "0x12");
    JsonNode value = rpc.error("eth_signTypedData_v4", FIRST, badWallet);
    assertThat(value.get("code").intValue()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(value.get("message").textValue()).startsWith("invalid argument 1 (typed data): message.to.wallet:");

    assertThat(rpc.error("eth_signTypedData_v4", FIRST, 5).get("message").textValue())
        .isEqualTo("invalid argument 1 (typed data): expected a JSON string or an object");
  }
}
