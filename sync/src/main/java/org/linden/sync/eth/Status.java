package org.linden.sync.eth;

import org.linden.chain.config.ForkId;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The first message of an {@code eth} session (code 0x00), in the form of the negotiated
 * version: eth/68 announces the total difficulty and best block, eth/69 the range of
 * blocks the node serves.
 */
public sealed interface Status extends EthMessage permits Status.Eth68, Status.Eth69 {
  int CODE = 0x00;

  /** The protocol version announced. */
  long version();

  /** The network id, which need not equal the chain id. */
  long networkId();

  /** The hash of the genesis block. */
  Hash genesis();

  /** The EIP-2124 fork identifier at the sender's head. */
  ForkId forkId();

  @Override
  default int code() {
    return CODE;
  }

  @Override
  default String name() {
    return "Status";
  }

  /**
   * {@code [version, networkid, td, blockhash, genesis, forkid]}.
   *
   * @param td the total difficulty of the sender's best chain
   * @param blockHash the hash of the sender's best block
   */
  record Eth68(long version, long networkId, UInt256 td, Hash blockHash, Hash genesis, ForkId forkId)
      implements Status {
    @Override
    public void writeTo(RlpWriter w) {
      w.startList().writeUnsignedLong(version).writeUnsignedLong(networkId).writeUInt256(td)
          .writeBytes(blockHash.bytes()).writeBytes(genesis.bytes());
      forkId.writeTo(w);
      w.endList();
    }
  }

  /**
   * {@code [version, networkid, genesis, forkid, earliest, latest, latestHash]}.
   *
   * @param earliest the number of the earliest full block the sender serves
   * @param latest the number of the latest full block the sender serves
   * @param latestHash the hash of that latest block
   */
  record Eth69(long version, long networkId, Hash genesis, ForkId forkId, long earliest, long latest, Hash latestHash)
      implements Status {
    public Eth69 {
      if (Long.compareUnsigned(earliest, latest) > 0) {
        throw new IllegalArgumentException("earliest " + Long.toUnsignedString(earliest) + " is after latest "
            + Long.toUnsignedString(latest));
      }
    }

    @Override
    public void writeTo(RlpWriter w) {
      w.startList().writeUnsignedLong(version).writeUnsignedLong(networkId).writeBytes(genesis.bytes());
      forkId.writeTo(w);
      w.writeUnsignedLong(earliest).writeUnsignedLong(latest).writeBytes(latestHash.bytes()).endList();
    }
  }
}
