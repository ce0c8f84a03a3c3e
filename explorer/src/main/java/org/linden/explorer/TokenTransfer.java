package org.linden.explorer;

import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A {@code Transfer(address,address,uint256)} event of an ERC-20 or ERC-721 token. The two
 * standards share the event signature and differ in what is indexed: ERC-20 logs the
 * amount as data (three topics), ERC-721 logs the token id as a fourth topic.
 *
 * @param token the contract that emitted the event
 * @param amount the ERC-20 amount, or the ERC-721 token id
 */
public record TokenTransfer(Standard standard, Address token, Address from, Address to, UInt256 amount) {
  /** keccak256("Transfer(address,address,uint256)"). */
  public static final Hash TOPIC = Keccak.hash256(Bytes.wrap(
      "Transfer(address,address,uint256)".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

  /** Which token standard a transfer's shape matches. */
  public enum Standard { ERC20, ERC721 }

  /** The transfer {@code log} records, or empty if it is not a token transfer. */
  public static Optional<TokenTransfer> of(Log log) {
    if (log.topics().isEmpty() || !log.topics().get(0).equals(TOPIC)) {
      return Optional.empty();
    }
    if (log.topics().size() == 3 && log.data().size() == 32) {
      return Optional.of(new TokenTransfer(Standard.ERC20, log.address(), topicAddress(log.topics().get(1)),
          topicAddress(log.topics().get(2)), UInt256.fromBytes(log.data())));
    }
    if (log.topics().size() == 4 && log.data().isEmpty()) {
      return Optional.of(new TokenTransfer(Standard.ERC721, log.address(), topicAddress(log.topics().get(1)),
          topicAddress(log.topics().get(2)), UInt256.fromBytes(log.topics().get(3).bytes())));
    }
    return Optional.empty();
  }

  private static Address topicAddress(Hash topic) {
    return Address.wrap(topic.bytes().slice(12, 20));
  }
}
