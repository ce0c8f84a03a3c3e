package org.linden.chain.config;

import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * An EIP-2124 fork identifier: {@code FORK_HASH}, the IEEE CRC32 of the genesis hash followed
 * by every fork activation already passed (each as a big-endian {@code uint64}), and
 * {@code FORK_NEXT}, the activation (block number or timestamp) of the next fork this node
 * knows of, or 0 if it knows of none. Nodes exchange it in the {@code eth} Status message
 * and in the {@code eth} entry of their node records; {@link ForkIdValidator} decides
 * whether a remote identifier is compatible with the local chain.
 *
 * @param hash the CRC32 checksum (its 32 bits as an {@code int})
 * @param next the next fork activation (unsigned 64-bit), 0 for none
 */
public record ForkId(int hash, long next) {
  /** Size of {@code FORK_HASH} on the wire. */
  public static final int HASH_SIZE = 4;

  /** {@code FORK_HASH} as the 4 big-endian bytes that go on the wire. */
  public Bytes hashBytes() {
    return Bytes.of((byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash);
  }

  /** {@code RLP([FORK_HASH, FORK_NEXT])}. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(16);
    writeTo(w);
    return w.toBytes();
  }

  /** Appends {@code [FORK_HASH, FORK_NEXT]} as one list. */
  public void writeTo(RlpWriter w) {
    w.startList().writeBytes(hashBytes()).writeUnsignedLong(next).endList();
  }

  /**
   * Reads {@code [FORK_HASH, FORK_NEXT]}: a list of exactly a 4-byte string and a canonical
   * integer of at most 64 bits.
   *
   * @throws RlpException if the item is not of that shape
   */
  public static ForkId readFrom(RlpReader reader) {
    RlpReader list = reader.readList();
    Bytes h = list.readBytes(HASH_SIZE);
    long next = list.readUnsignedLong();
    list.ensureDone();
    return new ForkId(h.getUnsigned(0) << 24 | h.getUnsigned(1) << 16 | h.getUnsigned(2) << 8 | h.getUnsigned(3), next);
  }

  /** Decodes an identifier that is all of {@code rlp}. */
  public static ForkId decode(Bytes rlp) {
    RlpReader reader = RlpReader.of(rlp);
    ForkId id = readFrom(reader);
    reader.ensureDone();
    return id;
  }

  @Override
  public String toString() {
    return "ForkId{hash=" + hashBytes().toHex() + ", next=" + Long.toUnsignedString(next) + "}";
  }
}
