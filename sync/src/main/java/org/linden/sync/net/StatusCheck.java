package org.linden.sync.net;

import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ForkIdValidation;
import org.linden.chain.config.ForkIdValidator;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.Status;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Our Status for a session, and the checks a peer's Status must pass. */
final class StatusCheck {
  /** Why a Status was refused, and the disconnect reason that says so. */
  record Refusal(DisconnectReason reason, String detail) {}

  private final long networkId;
  private final LocalChain chain;
  private final ForkIdValidator forkIdValidator;

  StatusCheck(long networkId, LocalChain chain) {
    this.networkId = networkId;
    this.chain = chain;
    this.forkIdValidator = new ForkIdValidator(chain.forkIds());
  }

  /** The Status we send in {@code version} while our head is {@code head} with total difficulty {@code td}. */
  Status ours(EthVersion version, BlockHeader head, UInt256 td) {
    var forkId = chain.forkIds().forkIdAt(head);
    return version.isAtLeast(EthVersion.ETH69)
        // We keep every block from genesis on, so the range we serve starts at 0.
        ? new Status.Eth69(version.number(), networkId, chain.genesisHash(), forkId, 0, head.number(), head.hash())
        : new Status.Eth68(version.number(), networkId, td, head.hash(), chain.genesisHash(), forkId);
  }

  /** Why the peer's Status is not acceptable while our head is {@code head}, or empty if it is. */
  Optional<Refusal> check(Status remote, EthVersion version, BlockHeader head) {
    if (remote.version() != version.number()) {
      return refuse(DisconnectReason.SUBPROTOCOL_ERROR, "Status announces version " + remote.version()
          + " on an eth/" + version.number() + " session");
    }
    if (remote.networkId() != networkId) {
      return refuse(DisconnectReason.USELESS_PEER, "network id " + Long.toUnsignedString(remote.networkId())
          + ", ours is " + Long.toUnsignedString(networkId));
    }
    Hash genesis = chain.genesisHash();
    if (!remote.genesis().equals(genesis)) {
      return refuse(DisconnectReason.USELESS_PEER, "genesis " + remote.genesis() + ", ours is " + genesis);
    }
    ForkIdValidation v = forkIdValidator.validate(remote.forkId(), head.number(), head.timestamp());
    if (!v.isAccepted()) {
      return refuse(DisconnectReason.USELESS_PEER, "fork id " + remote.forkId() + " refused: " + v.reason());
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(DisconnectReason reason, String detail) {
    return Optional.of(new Refusal(reason, detail));
  }
}
