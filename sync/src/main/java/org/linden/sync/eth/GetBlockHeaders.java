package org.linden.sync.eth;

import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/**
 * {@code [request-id, [startblock, limit, skip, reverse]]} (0x03): up to {@code limit}
 * canonical headers starting at {@code startblock} (a number or a hash), each {@code skip + 1}
 * blocks from the previous one, ascending or, with {@code reverse}, descending.
 *
 * @param requestId the id the response must echo
 * @param origin the first header wanted
 * @param limit the most headers wanted (unsigned)
 * @param skip how many blocks to leave out between two returned headers (unsigned)
 * @param reverse true for falling block numbers
 */
public record GetBlockHeaders(long requestId, Origin origin, long limit, long skip, boolean reverse)
    implements EthMessage, EthMessage.Request {
  public static final int CODE = 0x03;

  /** Where a header request starts. */
  public sealed interface Origin {}

  /** Start at the block with this hash. */
  public record ByHash(Hash hash) implements Origin {}

  /** Start at the canonical block with this number. */
  public record ByNumber(long number) implements Origin {}

  public GetBlockHeaders {
    if (origin == null) {
      throw new IllegalArgumentException("a header request needs an origin");
    }
  }

  public static GetBlockHeaders byNumber(long requestId, long number, long limit, long skip, boolean reverse) {
    return new GetBlockHeaders(requestId, new ByNumber(number), limit, skip, reverse);
  }

  public static GetBlockHeaders byHash(long requestId, Hash hash, long limit, long skip, boolean reverse) {
    return new GetBlockHeaders(requestId, new ByHash(hash), limit, skip, reverse);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(requestId).startList();
    switch (origin) {
      case ByHash h -> w.writeBytes(h.hash().bytes());
      case ByNumber n -> w.writeUnsignedLong(n.number());
    }
    w.writeUnsignedLong(limit).writeUnsignedLong(skip).writeLong(reverse ? 1 : 0).endList().endList();
  }
}
