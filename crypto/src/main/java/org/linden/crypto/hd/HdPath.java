package org.linden.crypto.hd;

import java.util.Arrays;

/**
 * A BIP-32 derivation path such as {@code m/44'/60'/0'/0/0}: a list of child indices from the
 * master key. An index with bit 31 set is hardened; in text it is written as the number
 * below 2^31 followed by {@code '} (or {@code h}/{@code H}).
 */
public final class HdPath {
  /** Bit 31: the child is derived from the private key (hardened). */
  public static final int HARDENED = 0x8000_0000;
  /** BIP-32 stores the depth in one byte. */
  public static final int MAX_DEPTH = 255;
  /** The empty path: the master key itself. */
  public static final HdPath MASTER = new HdPath(new int[0]);

  private static final long HARDENED_LIMIT = 1L << 31;

  private final int[] indices;

  private HdPath(int[] indices) {
    if (indices.length > MAX_DEPTH) {
      throw new IllegalArgumentException("an HD path has at most " + MAX_DEPTH + " levels, got " + indices.length);
    }
    this.indices = indices;
  }

  /** A path from raw indices; an index with {@link #HARDENED} set is hardened. */
  public static HdPath of(int... indices) {
    return new HdPath(indices.clone());
  }

  /**
   * Parses {@code m}, {@code m/0}, {@code m/44'/60'/0'/0/0} and the like.
   *
   * @throws IllegalArgumentException naming the segment that is wrong and why
   */
  public static HdPath parse(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("HD path is empty; it starts with 'm', e.g. m/44'/60'/0'/0/0");
    }
    String[] parts = path.split("/", -1);
    if (!parts[0].equals("m")) {
      throw new IllegalArgumentException("HD path must start with 'm', got '" + path + "'");
    }
    int[] indices = new int[parts.length - 1];
    for (int i = 1; i < parts.length; i++) {
      indices[i - 1] = parseSegment(parts[i], i, path);
    }
    return new HdPath(indices);
  }

  private static int parseSegment(String segment, int position, String path) {
    String where = "segment " + position + " of HD path '" + path + "'";
    if (segment.isEmpty()) {
      throw new IllegalArgumentException(where + " is empty");
    }
    boolean hardened = segment.endsWith("'") || segment.endsWith("h") || segment.endsWith("H");
    String digits = hardened ? segment.substring(0, segment.length() - 1) : segment;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(where + " is '" + segment
          + "'; expected a number, optionally followed by ' for hardened");
    }
    long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (value >= HARDENED_LIMIT) {
      throw new IllegalArgumentException(where + " is '" + segment
          + "'; an index is below 2^31 (2147483648), hardened or not");
    }
    return hardened ? (int) value | HARDENED : (int) value;
  }

  /** The indices from the master key down, hardened ones with bit 31 set. */
  public int[] indices() {
    return indices.clone();
  }

  /** Number of levels below the master key. */
  public int depth() {
    return indices.length;
  }

  /** This path extended by one level. */
  public HdPath child(int index) {
    int[] next = Arrays.copyOf(indices, indices.length + 1);
    next[indices.length] = index;
    return new HdPath(next);
  }

  /** True if {@code index} has the hardened bit set. */
  public static boolean isHardened(int index) {
    return (index & HARDENED) != 0;
  }

  /** One index as text: the number below 2^31, with {@code '} if hardened. */
  static String format(int index) {
    return isHardened(index) ? (index & ~HARDENED) + "'" : Integer.toString(index);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HdPath p && Arrays.equals(indices, p.indices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(indices);
  }

  /** The canonical text form, e.g. {@code m/44'/60'/0'/0/0}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("m");
    for (int index : indices) {
      sb.append('/').append(format(index));
    }
    return sb.toString();
  }
}
