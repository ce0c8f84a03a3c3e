package org.linden.explorer;

import java.util.HexFormat;

/**
 * The opaque position a page of results ends at, handed back by a client to get the next
 * page: the block number and position of the last entry, as 24 hex digits. Entries that
 * arrive in new blocks sort before it, so paging stays stable while the chain grows.
 */
public record Cursor(long blockNumber, int position) {
  private static final HexFormat HEX = HexFormat.of();

  static Cursor parse(String text) {
    if (text == null || text.length() != 24 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("not a cursor returned by this node: " + text);
    }
    return new Cursor(HexFormat.fromHexDigitsToLong(text, 0, 16), HexFormat.fromHexDigits(text, 16, 24));
  }

  @Override
  public String toString() {
    return HEX.toHexDigits(blockNumber) + HEX.toHexDigits(position);
  }
}
