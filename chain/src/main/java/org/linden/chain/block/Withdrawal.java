package org.linden.chain.block;

import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * A withdrawal from the consensus layer (EIP-4895, Shanghai): {@code amount} gwei credited
 * to {@code address}, outside any transaction and without gas. RLP
 * {@code [index, validator_index, address, amount]}.
 *
 * @param index the withdrawal's sequence number (unsigned 64-bit)
 * @param validatorIndex the consensus-layer validator it comes from (unsigned 64-bit)
 * @param address the account credited
 * @param amountGwei the amount in gwei (unsigned 64-bit); {@link #amountWei()} converts
 */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {
  private static final UInt256 WEI_PER_GWEI = UInt256.valueOf(1_000_000_000L);

  public Withdrawal {
    if (address == null) {
      throw new IllegalArgumentException("a withdrawal needs an address");
    }
  }

  /** The amount in wei: gwei × 10^9, which never overflows 256 bits. */
  public UInt256 amountWei() {
    return UInt256.valueOf(amountGwei).mul(WEI_PER_GWEI);
  }

  /** The canonical RLP encoding, the value stored in the withdrawals trie. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(48);
    writeTo(w);
    return w.toBytes();
  }

  public void writeTo(RlpWriter w) {
    w.startList()
        .writeUnsignedLong(index)
        .writeUnsignedLong(validatorIndex)
        .writeBytes(address.bytes())
        .writeUnsignedLong(amountGwei)
        .endList();
  }

  /** Decodes one withdrawal that is all of {@code rlp}. */
  public static Withdrawal decode(Bytes rlp) throws InvalidBlockException {
    return read(Fields.ofList(rlp, "withdrawal"));
  }

  /** Reads the next item of {@code list}, which must be a withdrawal. */
  public static Withdrawal readFrom(RlpReader list) throws InvalidBlockException {
    return read(Fields.of(list, "withdrawals").list("withdrawal"));
  }

  static Withdrawal read(Fields f) throws InvalidBlockException {
    Withdrawal w = new Withdrawal(f.u64("index"), f.u64("validator_index"), f.address("address"), f.u64("amount"));
    f.done();
    return w;
  }
}
