package org.linden.types;

/**
 * A 20-byte account address. Mixed-case EIP-55 checksums need keccak-256 and live in
 * {@code org.linden.crypto.AddressChecksum}; this type only knows the bytes.
 */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(Bytes.wrap(new byte[SIZE]));

  private final Bytes bytes;

  private Address(Bytes bytes) {
    this.bytes = bytes;
  }

  public static Address wrap(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.size());
    }
    return new Address(bytes);
  }

  /** Parses 40 hex digits, with or without {@code 0x}, in any case (no checksum check). */
  public static Address fromHex(String hex) {
    return wrap(Bytes.fromHex(hex));
  }

  /** The address of a precompile or system contract numbered {@code n}. */
  public static Address fromNumber(long n) {
    byte[] b = new byte[SIZE];
    for (int i = 0; i < 8; i++) {
      b[SIZE - 1 - i] = (byte) (n >>> (8 * i));
    }
    return new Address(Bytes.wrap(b));
  }

  public Bytes bytes() {
    return bytes;
  }

  /** Lower-case hex with {@code 0x}. */
  public String toHex() {
    return bytes.toHex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && bytes.equals(a.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public int compareTo(Address o) {
    return bytes.compareTo(o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
