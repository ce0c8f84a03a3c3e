package org.linden.types;

/** A 32-byte hash, usually keccak-256. */
public final class Hash implements Comparable<Hash> {
  public static final int SIZE = 32;
  public static final Hash ZERO = new Hash(Bytes.wrap(new byte[SIZE]));

  private final Bytes bytes;

  private Hash(Bytes bytes) {
    this.bytes = bytes;
  }

  public static Hash wrap(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.size());
    }
    return new Hash(bytes);
  }

  /** Takes ownership of the array. */
  public static Hash wrap(byte[] bytes) {
    return wrap(Bytes.wrap(bytes));
  }

  public static Hash fromHex(String hex) {
    return wrap(Bytes.fromHex(hex));
  }

  public Bytes bytes() {
    return bytes;
  }

  public String toHex() {
    return bytes.toHex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && bytes.equals(h.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public int compareTo(Hash o) {
    return bytes.compareTo(o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
